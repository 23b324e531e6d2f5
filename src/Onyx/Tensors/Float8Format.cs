using System.Runtime.InteropServices;

namespace Onyx;

/// <summary>How a float8 format encodes what is not a finite number (float8.md).</summary>
internal enum Float8Specials
{
    /// <summary>E4M3FN: no infinities; <c>S.1111.111</c> is NaN; signed zeros.</summary>
    NaNOnly,
    /// <summary>E5M2: IEEE-like, <c>S.11111.00</c> is infinity and the other <c>S.11111.xx</c> are NaN.</summary>
    Infinities,
    /// <summary>The FNUZ formats: no infinities, no negative zero; <c>0x80</c> is the only NaN.</summary>
    UnsignedZero,
}

/// <summary>
/// The rules of one float8 format: rounding a float to its codes (nearest, ties to even, then the saturation
/// table of float8.md and Operators.md Cast) and the exact value of each of its 256 codes.
/// </summary>
internal sealed class Float8Format
{
    private const byte UnsignedNaN = 0x80;

    private readonly int _mantissaBits;
    private readonly int _bias;
    private readonly byte _maxMagnitude;
    private readonly Float8Specials _specials;

    public Float8Format(int mantissaBits, int bias, byte maxMagnitude, Float8Specials specials)
    {
        _mantissaBits = mantissaBits;
        _bias = bias;
        _maxMagnitude = maxMagnitude;
        _specials = specials;
        Values = new float[256];
        for (int code = 0; code < 256; code++)
            Values[code] = Decode(code);
    }

    /// <summary>The value of every code; NaN codes give NaN.</summary>
    public float[] Values { get; }

    /// <summary>The code for <paramref name="value"/>; <paramref name="saturate"/> sends overflow and infinities to the largest finite value of their sign.</summary>
    public byte Encode(float value, bool saturate)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        byte sign = (byte)((bits >> 24) & 0x80);
        uint magnitude = bits & 0x7FFFFFFF;
        if (magnitude > 0x7F800000)
            return _specials == Float8Specials.UnsignedZero ? UnsignedNaN : (byte)(sign | 0x7F);
        uint code = MiniFloat.RoundMagnitude(magnitude, _mantissaBits, _bias);
        if (code > _maxMagnitude)
        {
            if (saturate)
                return (byte)(sign | _maxMagnitude);
            return _specials switch
            {
                Float8Specials.Infinities => (byte)(sign | (_maxMagnitude + 1)),
                Float8Specials.UnsignedZero => UnsignedNaN,
                _ => (byte)(sign | 0x7F),
            };
        }
        // The FNUZ formats have no negative zero: the sign is dropped from a zero result.
        return code == 0 && _specials == Float8Specials.UnsignedZero ? (byte)0 : (byte)(sign | code);
    }

    public void ToSingle(ReadOnlySpan<byte> codes, Span<float> destination)
    {
        SpanArguments.EnsureSameLength(codes.Length, destination.Length);
        float[] values = Values;
        for (int i = 0; i < codes.Length; i++)
            destination[i] = values[codes[i]];
    }

    public void FromSingle(ReadOnlySpan<float> source, Span<byte> codes, bool saturate)
    {
        SpanArguments.EnsureSameLength(source.Length, codes.Length);
        for (int i = 0; i < source.Length; i++)
            codes[i] = Encode(source[i], saturate);
    }

    /// <summary>Reinterprets a span of one-byte float8 structs as their codes.</summary>
    public static Span<byte> Codes<T>(Span<T> values) where T : unmanaged => MemoryMarshal.AsBytes(values);

    /// <inheritdoc cref="Codes{T}(Span{T})"/>
    public static ReadOnlySpan<byte> Codes<T>(ReadOnlySpan<T> values) where T : unmanaged => MemoryMarshal.AsBytes(values);

    private float Decode(int code)
    {
        int magnitude = code & 0x7F;
        bool negative = code >= 0x80;
        int infinity = _maxMagnitude + 1;
        return _specials switch
        {
            Float8Specials.UnsignedZero when code == UnsignedNaN => float.NaN,
            Float8Specials.NaNOnly when magnitude == 0x7F => MiniFloat.QuietNaN(negative),
            Float8Specials.Infinities when magnitude > infinity => MiniFloat.QuietNaN(negative),
            Float8Specials.Infinities when magnitude == infinity => negative ? float.NegativeInfinity : float.PositiveInfinity,
            _ => (negative ? -1 : 1) * MiniFloat.Decode(magnitude, _mantissaBits, _bias),
        };
    }
}
