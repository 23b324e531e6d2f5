
namespace Onyx.Tests.Tensors;

public sealed class Int4Tests
{
    [Theory]
    [InlineData(0.5f, 0)] // ties go to the even integer
    [InlineData(1.5f, 2)]
    [InlineData(2.5f, 2)]
    [InlineData(-0.5f, 0)]
    [InlineData(-2.5f, -2)]
    [InlineData(-3.5f, -4)]
    [InlineData(2.4f, 2)]
    [InlineData(-2.6f, -3)]
    [InlineData(7.4f, 7)]
    [InlineData(-8.5f, -8)] // tie between -9 and -8: even -8, in range
    public void Int4_rounds_to_nearest_even(float input, int expected)
    {
        Assert.Equal(expected, Int4.FromSingle(input).Value);
        Assert.Equal(expected, Int4.FromSingle(input, saturate: false).Value);
        Assert.Equal(expected, Int4.FromDouble(input).Value);
    }

    [Theory]
    [InlineData(7.5f, 7)] // rounds to 8, clamps to 7
    [InlineData(8f, 7)]
    [InlineData(100f, 7)]
    [InlineData(float.PositiveInfinity, 7)]
    [InlineData(-9f, -8)]
    [InlineData(-9.5f, -8)]
    [InlineData(float.NegativeInfinity, -8)]
    [InlineData(float.NaN, 0)]
    public void Int4_saturating_conversion_clamps_to_minus_8_through_7(float input, int expected)
    {
        Assert.Equal(expected, Int4.FromSingle(input).Value);
        Assert.Equal(expected, ((Int4)input).Value);
    }

    [Theory]
    [InlineData(7.5f, -8)] // rounds to 8 = 0b1000
    [InlineData(8f, -8)]
    [InlineData(15f, -1)]
    [InlineData(16f, 0)]
    [InlineData(100f, 4)] // 100 = 6 * 16 + 4
    [InlineData(-9f, 7)] // -9 = -16 + 7
    [InlineData(1e30f, 0)] // a multiple of 2^47
    [InlineData(float.PositiveInfinity, 0)]
    [InlineData(float.NaN, 0)]
    public void Int4_wrapping_conversion_keeps_the_low_4_bits(float input, int expected)
    {
        Assert.Equal(expected, Int4.FromSingle(input, saturate: false).Value);
    }

    [Fact]
    public void Int4_wrapping_conversion_is_exact_for_large_doubles()
    {
        Assert.Equal(-1, Int4.FromDouble(9007199254740991.0, saturate: false).Value); // 2^53 - 1, low bits 1111
        Assert.Equal(0, Int4.FromDouble(-9223372036854775808.0, saturate: false).Value); // -2^63
        Assert.Equal(0, Int4.FromDouble(1e300, saturate: false).Value);
    }

    [Theory]
    [InlineData(200L, -8, 7)] // 200 = 0xC8: low nibble 8 is -8 (Operators.md Cast: 200 (int16) -> -56 (int8), likewise)
    [InlineData(-1L, -1, -1)]
    [InlineData(-9L, 7, -8)]
    [InlineData(8L, -8, 7)]
    [InlineData(long.MinValue, 0, -8)]
    [InlineData(long.MaxValue, -1, 7)]
    public void Int4_integer_conversion_truncates_or_saturates(long input, int truncated, int saturated)
    {
        Assert.Equal(truncated, Int4.CreateTruncating(input).Value);
        Assert.Equal(saturated, Int4.CreateSaturating(input).Value);
    }

    [Fact]
    public void Int4_every_code_round_trips_through_bits_and_float()
    {
        for (int code = 0; code < 16; code++)
        {
            Int4 value = Int4.FromBits((byte)code);
            Assert.Equal(code < 8 ? code : code - 16, value.Value);
            Assert.Equal(code, value.Bits);
            Assert.Equal(value, Int4.FromSingle((float)value));
            Assert.Equal(value.Value, (int)value);
            Assert.Equal(value.Value, (double)value);
        }

        Assert.Equal(Int4.FromBits(0x05), Int4.FromBits(0xF5));
    }

    [Fact]
    public void Int4_constants_span_conversions_and_formatting()
    {
        Assert.Equal(7, Int4.MaxValue.Value);
        Assert.Equal(-8, Int4.MinValue.Value);
        Assert.Equal("-8", Int4.MinValue.ToString());

        float[] input = [-9f, -1.5f, 0.5f, 7.5f];
        var converted = new Int4[input.Length];
        Int4.FromSingle(input, converted);
        var back = new float[input.Length];
        Int4.ToSingle(converted, back);
        Assert.Equal([-8f, -2f, 0f, 7f], back);
        Int4.FromSingle(input, converted, saturate: false);
        Int4.ToSingle(converted, back);
        Assert.Equal([7f, -2f, 0f, -8f], back);

        Assert.Throws<ArgumentException>(() => Int4.FromSingle(new float[1], new Int4[2]));
        Assert.Throws<ArgumentException>(() => Int4.ToSingle(new Int4[1], new float[2]));
    }
}
