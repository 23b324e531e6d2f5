
namespace Onyx.Tests.Tensors;

public sealed class UInt2Tests
{
    [Theory]
    [InlineData(0.5f, 0, 0)]
    [InlineData(1.5f, 2, 2)]
    [InlineData(2.5f, 2, 2)]
    [InlineData(3.5f, 3, 0)] // rounds to 4: clamps to 3, or wraps to 0
    [InlineData(-1f, 0, 3)]
    [InlineData(6f, 3, 2)]
    [InlineData(float.PositiveInfinity, 3, 0)]
    [InlineData(float.NaN, 0, 0)]
    public void UInt2_rounds_to_nearest_even_then_clamps_or_wraps(float input, int saturated, int wrapped)
    {
        Assert.Equal(saturated, UInt2.FromSingle(input).Value);
        Assert.Equal(saturated, ((UInt2)input).Value);
        Assert.Equal(wrapped, UInt2.FromSingle(input, saturate: false).Value);
        Assert.Equal(wrapped, UInt2.FromDouble(input, saturate: false).Value);
    }

    [Theory]
    [InlineData(4L, 0, 3)]
    [InlineData(-1L, 3, 0)]
    [InlineData(2L, 2, 2)]
    public void UInt2_integer_conversion_truncates_or_saturates(long input, int truncated, int saturated)
    {
        Assert.Equal(truncated, UInt2.CreateTruncating(input).Value);
        Assert.Equal(saturated, UInt2.CreateSaturating(input).Value);
    }

    [Fact]
    public void UInt2_every_code_round_trips_and_constants_hold()
    {
        for (int code = 0; code < 4; code++)
        {
            UInt2 value = UInt2.FromBits((byte)(0xFC | code));
            Assert.Equal(code, value.Value);
            Assert.Equal(code, value.Bits);
            Assert.Equal(value, UInt2.FromSingle((float)value));
            Assert.Equal(code, (int)value);
            Assert.Equal(code, (double)value);
        }

        Assert.Equal(3, UInt2.MaxValue.Value);
        Assert.Equal(0, UInt2.MinValue.Value);
        Assert.Equal("3", UInt2.MaxValue.ToString());

        float[] input = [-1f, 0.5f, 2.5f, 9f];
        var converted = new UInt2[input.Length];
        UInt2.FromSingle(input, converted);
        var back = new float[input.Length];
        UInt2.ToSingle(converted, back);
        Assert.Equal([0f, 0f, 2f, 3f], back);
        Assert.Throws<ArgumentException>(() => UInt2.FromSingle(new float[1], new UInt2[2]));
        Assert.Throws<ArgumentException>(() => UInt2.ToSingle(new UInt2[1], new float[2]));
    }
}
