using System.Globalization;

namespace Onyx;

/// <summary>
/// The header of a <c>.npy</c> file: a Python dict literal with exactly the keys <c>descr</c>, <c>fortran_order</c>
/// and <c>shape</c>. Parsed by a small strict scanner, never evaluated.
/// </summary>
internal sealed record NpyHeader(string Descr, DataType Type, bool BigEndian, long[] Shape)
{
    private const int MaxRank = 64;

    public static NpyHeader Parse(string text, long offset, string? source)
    {
        var scanner = new Scanner(text, offset, source);
        string? descr = null;
        bool? fortran = null;
        long[]? shape = null;
        scanner.Expect('{');
        while (!scanner.TryConsume('}'))
        {
            string key = scanner.ReadQuoted();
            scanner.Expect(':');
            switch (key)
            {
                case "descr": descr = scanner.ReadQuoted(); break;
                case "fortran_order": fortran = scanner.ReadBoolean(); break;
                case "shape": shape = scanner.ReadShape(); break;
                default: throw scanner.Error($"unexpected header key '{key}'");
            }
            if (!scanner.TryConsume(','))
            {
                scanner.Expect('}');
                break;
            }
        }
        if (descr is null || fortran is null || shape is null)
            throw scanner.Error("the header must have 'descr', 'fortran_order' and 'shape'");
        if (fortran.Value)
            throw scanner.Error("Fortran-order (column-major) arrays are not supported; save the array in C order");
        if (descr.Length < 3 || descr[0] is not ('<' or '>' or '|' or '='))
            throw scanner.Error($"dtype '{descr}' is not a simple numeric dtype");
        DataType type = NpyFile.TypeOf(descr[1..]) ?? throw scanner.Error($"dtype '{descr}' has no ONNX counterpart (supported: float16/32/64, int8–64, uint8–64, bool, complex64/128)");
        bool bigEndian = descr[0] == '>' || (descr[0] == '=' && !BitConverter.IsLittleEndian);
        return new NpyHeader(descr, type, bigEndian, shape);
    }

    private ref struct Scanner(string text, long offset, string? source)
    {
        private int _position;

        public OnnxFormatException Error(string problem) => NpyFile.Error(offset + _position, problem, source);

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
                _position++;
        }

        public bool TryConsume(char c)
        {
            SkipSpace();
            if (_position < text.Length && text[_position] == c)
            {
                _position++;
                return true;
            }
            return false;
        }

        public void Expect(char c)
        {
            if (!TryConsume(c))
                throw Error($"expected '{c}' in the header");
        }

        public string ReadQuoted()
        {
            SkipSpace();
            if (_position >= text.Length || text[_position] is not ('\'' or '"'))
                throw Error("expected a quoted string in the header");
            char quote = text[_position++];
            int end = text.IndexOf(quote, _position);
            if (end < 0)
                throw Error("unterminated string in the header");
            string value = text[_position..end];
            _position = end + 1;
            return value;
        }

        public bool ReadBoolean()
        {
            SkipSpace();
            foreach (var (word, value) in new[] { ("True", true), ("False", false) })
            {
                if (string.CompareOrdinal(text, _position, word, 0, word.Length) == 0)
                {
                    _position += word.Length;
                    return value;
                }
            }
            throw Error("expected True or False in the header");
        }

        public long[] ReadShape()
        {
            Expect('(');
            var dims = new List<long>();
            while (!TryConsume(')'))
            {
                SkipSpace();
                int start = _position;
                while (_position < text.Length && char.IsAsciiDigit(text[_position]))
                    _position++;
                if (!long.TryParse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out long d))
                    throw Error("expected a non-negative integer dimension in the shape");
                if (dims.Count == MaxRank)
                    throw Error($"the shape has more than {MaxRank} dimensions");
                dims.Add(d);
                if (!TryConsume(','))
                {
                    Expect(')');
                    break;
                }
            }
            return [.. dims];
        }
    }
}
