using System.Globalization;
using System.Text;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Casts between strings and numbers (Operators.md, Cast): numbers parse from plain and scientific notation, with
/// "INF", "+INF", "-INF" and "NaN" in any case for the special values; numbers format as the ONNX reference does
/// (numpy's <c>str</c>): the shortest text that reads back to the same value of the source type.
/// </summary>
internal static class ConversionStrings
{
    private const int ChunkLength = 256;

    /// <summary>
    /// Parses UTF-8 <paramref name="source"/> into elements of <paramref name="to"/> in the zeroed
    /// <paramref name="destination"/>; returns the index of the first string that is not a number, or -1.
    /// </summary>
    public static int Parse(IReadOnlyList<byte[]> source, DataType to, Span<byte> destination, ConversionOptions options)
    {
        var scratch = new Conversion.Scratch(stackalloc double[ChunkLength], stackalloc long[ChunkLength], stackalloc float[ChunkLength], stackalloc byte[ChunkLength]);
        // Integer literals parse exactly (an int64 beyond 2^53 would not survive a double); other text parses as a
        // real and converts as a real value does. A bool is false only for zero, so "0.5" must stay a real.
        bool integerTarget = Conversion.IsInteger(to) && to != DataType.Bool;
        for (int start = 0; start < source.Count; start += ChunkLength)
        {
            int n = Math.Min(ChunkLength, source.Count - start);
            Span<long> integers = scratch.Integers[..n];
            Span<double> reals = scratch.Reals[..n];
            for (int i = 0; i < n; i++)
            {
                string text = Encoding.UTF8.GetString(source[start + i]).Trim();
                if (integerTarget && TryParseInteger(text, out long bits))
                {
                    integers[i] = bits;
                    continue;
                }
                if (!TryParseReal(text, to, out double value))
                    return start + i;
                if (integerTarget)
                    integers[i] = Conversion.IntegerBits(value, to);
                else
                    reals[i] = value;
            }
            if (integerTarget)
                Conversion.EncodeIntegers(integers, false, to, destination, start, options, scratch);
            else
                Conversion.EncodeReals(reals, to, destination, start, options, scratch);
        }
        return -1;
    }

    /// <summary>The text of each of the <paramref name="count"/> elements of <paramref name="from"/> in <paramref name="source"/>.</summary>
    public static string[] Format(DataType from, ReadOnlySpan<byte> source, long count)
    {
        var scratch = new Conversion.Scratch(stackalloc double[ChunkLength], stackalloc long[ChunkLength], stackalloc float[ChunkLength], stackalloc byte[ChunkLength]);
        var result = new string[count];
        bool real = Conversion.IsReal(from), unsigned = Conversion.IsUnsigned(from);
        for (long start = 0; start < count; start += ChunkLength)
        {
            int n = (int)Math.Min(ChunkLength, count - start);
            if (real)
            {
                Span<double> values = scratch.Reals[..n];
                Conversion.DecodeReals(from, source, start, values, scratch);
                for (int i = 0; i < n; i++)
                    result[start + i] = FormatReal(values[i], from);
            }
            else
            {
                Span<long> values = scratch.Integers[..n];
                Conversion.DecodeIntegers(from, source, start, values, scratch);
                for (int i = 0; i < n; i++)
                {
                    long v = values[i];
                    result[start + i] = from == DataType.Bool ? (v != 0 ? "True" : "False")
                        : unsigned ? ((ulong)v).ToString(CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
                }
            }
        }
        return result;
    }

    private static bool TryParseInteger(string text, out long bits)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out bits))
            return true;
        bool parsed = ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong unsigned);
        bits = (long)unsigned;
        return parsed;
    }

    /// <summary>
    /// Parses a real; a float target parses as float directly, so the decimal text rounds once. "INF", "+INF",
    /// "-INF", "NaN", "True" and "False" match in any case (.NET itself reads "Infinity" and "NaN").
    /// </summary>
    private static bool TryParseReal(string text, DataType to, out double value)
    {
        double? special = text.ToUpperInvariant() switch
        {
            "INF" or "+INF" => double.PositiveInfinity,
            "-INF" => double.NegativeInfinity,
            "NAN" or "+NAN" or "-NAN" => double.NaN,
            // The text bools format as, so that they read back.
            "TRUE" => 1,
            "FALSE" => 0,
            _ => null,
        };
        if (special is { } named)
        {
            value = named;
            return true;
        }
        if (to == DataType.Float)
        {
            bool parsed = float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float single);
            value = single;
            return parsed;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>numpy's <c>str</c> of a real: "nan", "inf", "-inf", a lower-case exponent, and ".0" after a whole number.</summary>
    private static string FormatReal(double value, DataType from)
    {
        if (double.IsNaN(value))
            return "nan";
        if (double.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";
        string text = from switch
        {
            DataType.Double => value.ToString("R", CultureInfo.InvariantCulture),
            DataType.Float16 => ((Half)value).ToString("R", CultureInfo.InvariantCulture),
            _ => ((float)value).ToString("R", CultureInfo.InvariantCulture),
        };
        text = text.Replace('E', 'e');
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }
}
