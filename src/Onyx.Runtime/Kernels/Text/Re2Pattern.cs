using System.Globalization;
using System.Text;

namespace Onyx.Runtime.Kernels.Text;

/// <summary>
/// Reads a pattern in RE2 syntax and writes the same language in .NET's syntax for its non-backtracking
/// (linear-time) engine, rejecting what RE2 rejects: backreferences, lookaround and other Perl-only groups, possessive
/// or doubled repetition operators, repetition counts above 1000 (also when nested), unknown escapes, \Z, bad ranges,
/// unbalanced parentheses and brackets, bad or repeated group names. RE2's \Q…\E quoting, POSIX [[:alpha:]] classes,
/// octal escapes, (?P&lt;name&gt;…) groups and the i, m, s and U flags are understood. \d, \s, \w and POSIX classes are ASCII as
/// in RE2; '.' and negated classes match one code point, as RE2 does over UTF-8. Differences left: \b and \B use
/// .NET's Unicode word characters, and \p{…} takes general categories but not script names.
/// </summary>
internal sealed class Re2Pattern
{
    private const int MaxRepeat = 1000;
    private const string AnyCodePoint = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";

    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z", ["alpha"] = "A-Za-z", ["ascii"] = @"\x00-\x7F", ["blank"] = @"\t ", ["cntrl"] = @"\x00-\x1F\x7F",
        ["digit"] = "0-9", ["graph"] = @"!-~", ["lower"] = "a-z", ["print"] = @" -~", ["punct"] = @"!-/:-@\[-`{-~",
        ["space"] = @"\t\n\v\f\r ", ["upper"] = "A-Z", ["word"] = "0-9A-Za-z_", ["xdigit"] = "0-9A-Fa-f",
    };

    private readonly string _pattern;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _at;

    private Re2Pattern(string pattern) => _pattern = pattern;

    /// <summary>Flags in force: case-insensitive, multi-line, dot matches newline, ungreedy.</summary>
    private readonly record struct Flags(bool I, bool M, bool S, bool U);

    /// <summary>The .NET pattern that matches what <paramref name="pattern"/> matches under RE2.</summary>
    /// <exception cref="FormatException">RE2 would reject the pattern; the message says why and where.</exception>
    public static string ToDotNet(string pattern)
    {
        var reader = new Re2Pattern(pattern);
        (string body, _) = reader.Alternation(new Flags(false, false, false, false));
        if (reader._at < pattern.Length)
            throw reader.Error("unexpected )");
        return body;
    }

    private FormatException Error(string problem) => new($"{problem} (at offset {_at})");

    private bool Peek(char c) => _at < _pattern.Length && _pattern[_at] == c;

    private bool Take(string text)
    {
        if (string.CompareOrdinal(_pattern, _at, text, 0, text.Length) != 0)
            return false;
        _at += text.Length;
        return true;
    }

    /// <summary>Branches separated by '|', up to an unmatched ')' or the end; returns the text and the largest nested repeat count.</summary>
    private (string Text, long Repeat) Alternation(Flags flags)
    {
        var text = new StringBuilder();
        long repeat = 1;
        while (true)
        {
            (string branch, long branchRepeat, flags) = Sequence(flags);
            text.Append(branch);
            repeat = System.Math.Max(repeat, branchRepeat);
            if (!Take("|"))
                return (text.ToString(), repeat);
            text.Append('|');
        }
    }

    /// <summary>Items up to '|', ')' or the end. A bare flag group such as (?i) changes the flags for the rest of the branch and its enclosing group.</summary>
    private (string Text, long Repeat, Flags Flags) Sequence(Flags flags)
    {
        var text = new StringBuilder();
        string? last = null;
        long lastRepeat = 1, repeat = 1;
        bool quoted = false;
        while (_at < _pattern.Length && (quoted || (!Peek('|') && !Peek(')'))))
        {
            // \Q…\E: every character up to \E (or the end) is a literal; a repetition after \E takes the last one.
            if (quoted || Take(@"\Q"))
            {
                quoted = !Take(@"\E") && _at < _pattern.Length;
                if (quoted)
                {
                    text.Append(last);
                    last = Literal(ReadCodePoint(), flags);
                    lastRepeat = 1;
                }
                continue;
            }
            if (AtRepetition())
            {
                if (last is null)
                    throw Error($"missing argument to repetition operator: {_pattern[_at]}");
                (string op, long count) = Repetition(flags);
                long total = count * lastRepeat;
                if (total > MaxRepeat)
                    throw Error($"bad repetition operator: nested repeat counts exceed {MaxRepeat}");
                repeat = System.Math.Max(repeat, total);
                text.Append("(?:").Append(last).Append(')').Append(op);
                last = null;
                continue;
            }
            text.Append(last);
            (string item, long itemRepeat, bool repeatable, flags) = Item(flags);
            repeat = System.Math.Max(repeat, itemRepeat);
            lastRepeat = itemRepeat;
            last = repeatable ? item : null;
            if (!repeatable)
                text.Append(item);
        }
        text.Append(last);
        return (text.ToString(), repeat, flags);
    }

    private bool AtRepetition() => _at < _pattern.Length && (_pattern[_at] is '*' or '+' or '?' || (Peek('{') && RepeatCount() is not null));

    /// <summary>A repetition operator after an item, with its laziness (flipped under U); a second operator right after is an error, as in RE2.</summary>
    private (string Text, long Count) Repetition(Flags flags)
    {
        string op;
        long count;
        if (Peek('{'))
        {
            (long min, long? max, int length) = RepeatCount()!.Value;
            if (min > MaxRepeat || max > MaxRepeat || max < min)
                throw Error($"bad repetition operator: {_pattern.Substring(_at, length)}");
            op = _pattern.Substring(_at, length);
            _at += length;
            count = max ?? min;
        }
        else
        {
            op = _pattern[_at++].ToString();
            count = 1;
        }
        bool lazy = Take("?");
        if (AtRepetition())
            throw Error($"bad repetition operator: {op}{(lazy ? "?" : "")}{_pattern[_at]}");
        return (lazy != flags.U ? op + "?" : op, System.Math.Max(count, 1));
    }

    /// <summary>A {n}, {n,} or {n,m} at the current position: its bounds and length, or null when the brace is a literal.</summary>
    private (long Min, long? Max, int Length)? RepeatCount()
    {
        int end = _pattern.IndexOf('}', _at);
        if (end < 0)
            return null;
        string inside = _pattern[(_at + 1)..end];
        string[] parts = inside.Split(',');
        if (parts.Length > 2 || !IsNumber(parts[0]) || (parts.Length == 2 && parts[1].Length > 0 && !IsNumber(parts[1])))
            return null;
        long min = Bounded(parts[0]);
        long? max = parts.Length == 1 ? min : parts[1].Length == 0 ? null : Bounded(parts[1]);
        return (min, max, end - _at + 1);
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static long Bounded(string digits) => digits.Length > 6 ? MaxRepeat + 1 : long.Parse(digits, CultureInfo.InvariantCulture);

    /// <summary>One item: a group, class, escape, anchor, dot or literal; and whether a repetition may follow it.</summary>
    private (string Text, long Repeat, bool Repeatable, Flags Flags) Item(Flags flags)
    {
        char c = _pattern[_at++];
        switch (c)
        {
            case '(':
                return Group(flags);
            case '[':
                return (CharacterClass(flags), 1, true, flags);
            case '\\':
                return (Escape(flags, inClass: false), 1, true, flags);
            case '.':
                return (flags.S ? $@"(?:{AnyCodePoint}|[\s\S])" : $@"(?:{AnyCodePoint}|[^\n])", 1, true, flags);
            case '^':
                return (flags.M ? "(?m:^)" : @"\A", 1, true, flags);
            case '$':
                return (flags.M ? "(?m:$)" : @"\z", 1, true, flags);
            default:
                _at--;
                return (Literal(ReadCodePoint(), flags), 1, true, flags);
        }
    }

    private string ReadCodePoint()
    {
        int length = char.IsHighSurrogate(_pattern[_at]) && _at + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_at + 1]) ? 2 : 1;
        string text = _pattern.Substring(_at, length);
        _at += length;
        return text;
    }

    private static string Literal(string text, Flags flags)
    {
        string escaped = text.Length == 1 && "\\*+?|{}()[]^$.#- \t\n\r\f\v".Contains(text[0]) ? "\\" + text : text;
        return flags.I ? $"(?i:{escaped})" : escaped;
    }

    /// <summary>After '(': a capturing, named or non-capturing group, or a flag group; Perl-only groups are errors.</summary>
    private (string Text, long Repeat, bool Repeatable, Flags Flags) Group(Flags flags)
    {
        Flags inner = flags;
        if (Take("?P<") || Take("?<"))
        {
            if (Peek('=') || Peek('!'))
                throw Error("invalid or unsupported Perl syntax: lookbehind");
            int end = _pattern.IndexOf('>', _at);
            string name = end < 0 ? "" : _pattern[_at..end];
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                throw Error($"invalid named capture group: {name}");
            if (!_names.Add(name))
                throw Error($"duplicate capture group name: {name}");
            _at = end + 1;
        }
        else if (Take("?"))
        {
            (inner, bool scoped) = FlagGroup(flags);
            if (!scoped)
                return ("", 1, false, inner);
        }
        (string body, long repeat) = Alternation(inner);
        if (!Take(")"))
            throw Error("missing )");
        return ($"(?:{body})", repeat, true, flags);
    }

    /// <summary>After "(?": flags such as i, m, s, U (with '-' to clear) then ')' (for the rest of the group) or ':' (a scoped group).</summary>
    private (Flags Flags, bool Scoped) FlagGroup(Flags flags)
    {
        bool clear = false, any = false;
        while (_at < _pattern.Length)
        {
            char c = _pattern[_at++];
            switch (c)
            {
                case 'i': flags = flags with { I = !clear }; any = true; break;
                case 'm': flags = flags with { M = !clear }; any = true; break;
                case 's': flags = flags with { S = !clear }; any = true; break;
                case 'U': flags = flags with { U = !clear }; any = true; break;
                case '-' when !clear: clear = true; any = false; break;
                case ')' when any || !clear: return (flags, false);
                case ':' when any || !clear: return (flags, true);
                default: throw Error($"invalid or unsupported Perl syntax: (?{c}");
            }
        }
        throw Error("missing )");
    }

    /// <summary>After '[': a class, possibly negated, with ranges, escapes and POSIX classes.</summary>
    private string CharacterClass(Flags flags)
    {
        bool negated = Take("^");
        var members = new StringBuilder();
        bool first = true;
        while (true)
        {
            if (_at >= _pattern.Length)
                throw Error("missing ]");
            if (Peek(']') && !first)
            {
                _at++;
                break;
            }
            first = false;
            if (Take("[:^") || Take("[:"))
            {
                bool negatedPosix = _pattern[_at - 1] == '^';
                int end = _pattern.IndexOf(":]", _at, StringComparison.Ordinal);
                string name = end < 0 ? "" : _pattern[_at..end];
                if (!PosixClasses.TryGetValue(name, out string? ranges))
                    throw Error($"invalid character class range: [:{name}:]");
                if (negatedPosix)
                    throw Error($"negated POSIX class [:^{name}:] is not supported by Onyx");
                members.Append(ranges);
                _at = end + 2;
                continue;
            }
            (string low, int lowCode) = ClassAtom(flags);
            if (Peek('-') && _at + 1 < _pattern.Length && _pattern[_at + 1] != ']')
            {
                _at++;
                (string high, int highCode) = ClassAtom(flags);
                if (lowCode < 0 || highCode < 0 || highCode < lowCode)
                    throw Error($"bad character class range: {low}-{high}");
                members.Append(low).Append('-').Append(high);
            }
            else
            {
                members.Append(low);
            }
        }
        string set = $"[{(negated ? "^" : "")}{members}]";
        if (flags.I)
            set = $"(?i:{set})";
        // A negated class matches any code point outside it, also one beyond the BMP (two UTF-16 units).
        return negated ? $"(?:{AnyCodePoint}|{set})" : set;
    }

    /// <summary>A class member: a character (its code, for ranges) or an escaped class such as \d (code −1).</summary>
    private (string Text, int Code) ClassAtom(Flags flags)
    {
        if (Take("\\"))
        {
            string escaped = Escape(flags, inClass: true);
            return (escaped, escaped.Length >= 2 && escaped[0] == '\\' && escaped[1] == 'u' ? Convert.ToInt32(escaped[2..6], 16) : -1);
        }
        string text = ReadCodePoint();
        return (text.Length == 1 && "\\]^-[".Contains(text[0]) ? "\\" + text : text, char.ConvertToUtf32(text, 0));
    }

    /// <summary>After '\': a character (written as \uXXXX where a code is needed), a class, an anchor or \Q…\E quoting.</summary>
    private string Escape(Flags flags, bool inClass)
    {
        if (_at >= _pattern.Length)
            throw Error("trailing \\");
        char c = _pattern[_at++];
        switch (c)
        {
            case 'd': return inClass ? "0-9" : "[0-9]";
            case 'D': return inClass ? @"\u0000-\u002F\u003A-\uFFFF" : $"(?:{AnyCodePoint}|[^0-9])";
            case 's': return inClass ? @"\t\n\f\r " : @"[\t\n\f\r ]";
            case 'S': return inClass ? @"\u0000-\u0008\u000B\u000E-\u001F\u0021-\uFFFF" : $@"(?:{AnyCodePoint}|[^\t\n\f\r ])";
            case 'w': return inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]";
            case 'W': return inClass ? @"\u0000-\u002F\u003A-\u0040\u005B-\u005E\u0060\u007B-\uFFFF" : $"(?:{AnyCodePoint}|[^0-9A-Za-z_])";
            case 'p' or 'P': return UnicodeClass(c == 'P');
            case 'b' or 'B' or 'A' or 'z' when !inClass: return "\\" + c;
            case 'C' when !inClass: return $@"(?:{AnyCodePoint}|[\s\S])";
            case 'a': return Code(7);
            case 'f': return Code(12);
            case 't': return Code(9);
            case 'n': return Code(10);
            case 'r': return Code(13);
            case 'v': return Code(11);
            case 'x': return Code(Hex());
            case >= '0' and <= '7': return Code(Octal(c));
            case >= '8' and <= '9': throw Error($"invalid escape sequence: \\{c}");
        }
        if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
            return "\\" + c;
        throw Error($"invalid escape sequence: \\{c}");
    }

    private static string Code(int code) => code <= 0xFFFF ? $"\\u{code:X4}" : char.ConvertFromUtf32(code);

    /// <summary>After \x: two hex digits, or {hex} up to U+10FFFF.</summary>
    private int Hex()
    {
        string digits;
        if (Take("{"))
        {
            int end = _pattern.IndexOf('}', _at);
            digits = end < 0 ? "" : _pattern[_at..end];
            _at = end + 1;
        }
        else
        {
            digits = _at + 2 <= _pattern.Length ? _pattern.Substring(_at, 2) : "";
            _at += 2;
        }
        if (digits.Length is 0 or > 8 || !digits.All(char.IsAsciiHexDigit) || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code) || code > 0x10FFFF)
            throw Error($"invalid escape sequence: \\x{digits}");
        return code;
    }

    /// <summary>An octal code of up to three digits; a lone \1–\7 is a backreference, which RE2 rejects.</summary>
    private int Octal(char first)
    {
        int code = first - '0', digits = 1;
        while (digits < 3 && _at < _pattern.Length && _pattern[_at] is >= '0' and <= '7')
        {
            code = code * 8 + (_pattern[_at++] - '0');
            digits++;
        }
        if (first != '0' && digits == 1)
            throw Error($"invalid escape sequence: \\{first} (backreferences are not supported)");
        return code;
    }

    /// <summary>After \p or \P: a one-letter general category or {Name} / {^Name}; 'Any' is every code point.</summary>
    private string UnicodeClass(bool negated)
    {
        string name;
        if (Take("{"))
        {
            int end = _pattern.IndexOf('}', _at);
            if (end < 0)
                throw Error("missing } in a Unicode class");
            name = _pattern[_at..end];
            _at = end + 1;
        }
        else
        {
            name = _at < _pattern.Length ? _pattern[_at++].ToString() : "";
        }
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }
        if (name == "Any")
            return negated ? "[^\\s\\S]" : $@"(?:{AnyCodePoint}|[\s\S])";
        string[] categories = ["L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
            "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn"];
        if (!categories.Contains(name))
            throw Error($"invalid character class range: \\p{{{name}}} (Onyx takes Unicode general categories, not script names)");
        return $"\\{(negated ? 'P' : 'p')}{{{name}}}";
    }
}
