
namespace Onyx.Tests.Tensors;

public sealed class UInt4Tests
{
    [Theory]
    [InlineData(0.5f, 0)]
    [InlineData(1.5f, 2)]
    [InlineData(2.5f, 2)]
    [InlineData(14.5f, 14)]
    [InlineData(-0.5f, 0)] // rounds to -0, which is 0
    public void UInt4_rounds_to_nearest_even(float input, int expected)
    {
        Assert.Equal(expected, UInt4.FromSingle(input).Value);
        Assert.Equal(expected, UInt4.FromSingle(input, saturate: false).Value);
    }

    [Theory]
    [InlineData(15.5f, 15)] // rounds to 16, clamps to 15
    [InlineData(1000f, 15)]
    [InlineData(float.PositiveInfinity, 15)]
    [InlineData(-1f, 0)]
    [InlineData(float.NegativeInfinity, 0)]
    [InlineData(float.NaN, 0)]
    public void UInt4_saturating_conversion_clamps_to_0_through_15(float input, int expected)
    {
        Assert.Equal(expected, UInt4.FromSingle(input).Value);
        Assert.Equal(expected, ((UInt4)input).Value);
    }

    [Theory]
    [InlineData(15.5f, 0)]
    [InlineData(17f, 1)]
    [InlineData(-1f, 15)]
    [InlineData(-9f, 7)]
    [InlineData(float.NegativeInfinity, 0)]
    public void UInt4_wrapping_conversion_keeps_the_low_4_bits(float input, int expected)
    {
        Assert.Equal(expected, UInt4.FromSingle(input, saturate: false).Value);
        Assert.Equal(expected, UInt4.FromDouble(input, saturate: false).Value);
    }

    [Theory]
    [InlineData(200L, 8, 15)]
    [InlineData(-1L, 15, 0)]
    [InlineData(16L, 0, 15)]
    public void UInt4_integer_conversion_truncates_or_saturates(long input, int truncated, int saturated)
    {
        Assert.Equal(truncated, UInt4.CreateTruncating(input).Value);
        Assert.Equal(saturated, UInt4.CreateSaturating(input).Value);
    }

    [Fact]
    public void UInt4_every_code_round_trips_and_constants_hold()
    {
        for (int code = 0; code < 16; code++)
        {
            UInt4 value = UInt4.FromBits((byte)(0xF0 | code));
            Assert.Equal(code, value.Value);
            Assert.Equal(code, value.Bits);
            Assert.Equal(value, UInt4.FromSingle((float)value));
            Assert.Equal(code, (int)value);
            Assert.Equal(code, (double)value);
        }

        Assert.Equal(15, UInt4.MaxValue.Value);
        Assert.Equal(0, UInt4.MinValue.Value);
        Assert.Equal("15", UInt4.MaxValue.ToString());
        Assert.Throws<ArgumentException>(() => UInt4.FromSingle(new float[1], new UInt4[2]));
        Assert.Throws<ArgumentException>(() => UInt4.ToSingle(new UInt4[1], new float[2]));
    }
}
