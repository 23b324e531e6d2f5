
namespace Onyx.Tests.Tensors;

public sealed class Int2Tests
{
    [Theory]
    [InlineData(0.5f, 0)]
    [InlineData(-0.5f, 0)]
    [InlineData(-1.5f, -2)] // tie between -2 and -1: even -2
    [InlineData(0.6f, 1)]
    [InlineData(-2.5f, -2)] // tie between -3 and -2: even -2, in range
    public void Int2_rounds_to_nearest_even(float input, int expected)
    {
        Assert.Equal(expected, Int2.FromSingle(input).Value);
        Assert.Equal(expected, Int2.FromSingle(input, saturate: false).Value);
    }

    [Theory]
    [InlineData(1.5f, 1, -2)] // rounds to 2: clamps to 1, or wraps to 0b10 = -2
    [InlineData(2f, 1, -2)]
    [InlineData(3f, 1, -1)]
    [InlineData(-3f, -2, 1)]
    [InlineData(float.PositiveInfinity, 1, 0)]
    [InlineData(float.NegativeInfinity, -2, 0)]
    [InlineData(float.NaN, 0, 0)]
    public void Int2_out_of_range_values_clamp_or_wrap(float input, int saturated, int wrapped)
    {
        Assert.Equal(saturated, Int2.FromSingle(input).Value);
        Assert.Equal(saturated, ((Int2)input).Value);
        Assert.Equal(wrapped, Int2.FromSingle(input, saturate: false).Value);
    }

    [Fact]
    public void Int2_matches_the_wrapping_cast_of_minus_3_through_3()
    {
        // Operators.md, Cast: the INT2 test casts -3..3; wrapping modulo 4 gives 1, -2, -1, 0, 1, -2, -1.
        float[] input = [-3f, -2f, -1f, 0f, 1f, 2f, 3f];
        var converted = new Int2[input.Length];
        Int2.FromSingle(input, converted, saturate: false);
        var back = new float[input.Length];
        Int2.ToSingle(converted, back);
        Assert.Equal([1f, -2f, -1f, 0f, 1f, -2f, -1f], back);
    }

    [Theory]
    [InlineData(2L, -2, 1)]
    [InlineData(-3L, 1, -2)]
    [InlineData(7L, -1, 1)]
    public void Int2_integer_conversion_truncates_or_saturates(long input, int truncated, int saturated)
    {
        Assert.Equal(truncated, Int2.CreateTruncating(input).Value);
        Assert.Equal(saturated, Int2.CreateSaturating(input).Value);
    }

    [Fact]
    public void Int2_every_code_round_trips_and_constants_hold()
    {
        for (int code = 0; code < 4; code++)
        {
            Int2 value = Int2.FromBits((byte)(0xFC | code));
            Assert.Equal(code < 2 ? code : code - 4, value.Value);
            Assert.Equal(code, value.Bits);
            Assert.Equal(value, Int2.FromSingle((float)value));
            Assert.Equal(value.Value, (int)value);
            Assert.Equal(value.Value, (double)value);
        }

        Assert.Equal(1, Int2.MaxValue.Value);
        Assert.Equal(-2, Int2.MinValue.Value);
        Assert.Equal("-2", Int2.MinValue.ToString());
        Assert.Throws<ArgumentException>(() => Int2.FromSingle(new float[1], new Int2[2]));
        Assert.Throws<ArgumentException>(() => Int2.ToSingle(new Int2[1], new float[2]));
    }
}
