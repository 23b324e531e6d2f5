
namespace Onyx.Tests.Tensors;

public sealed class BFloat16Tests
{
    [Theory]
    [InlineData(0x3F800000u, 0x3F80)] // 1
    [InlineData(0x3F808000u, 0x3F80)] // tie between 0x3F80 and 0x3F81: even 0x3F80
    [InlineData(0x3F818000u, 0x3F82)] // tie between 0x3F81 and 0x3F82: even 0x3F82
    [InlineData(0x3F808001u, 0x3F81)] // just above a tie
    [InlineData(0x3F807FFFu, 0x3F80)] // just below a tie
    [InlineData(0x3FFF8000u, 0x4000)] // tie whose carry moves into the exponent: 1.9921875..2 -> 2
    [InlineData(0x00008000u, 0x0000)] // tie between 0 and the smallest subnormal: even 0
    [InlineData(0x00018000u, 0x0002)] // tie between subnormals 1 and 2: even 2
    [InlineData(0x007F8000u, 0x0080)] // tie between the largest subnormal and the smallest normal: even 0x0080
    [InlineData(0x80000000u, 0x8000)] // -0
    [InlineData(0x7F800000u, 0x7F80)] // +inf
    [InlineData(0xFF800000u, 0xFF80)] // -inf
    [InlineData(0x7F7F7FFFu, 0x7F7F)] // rounds down to the largest finite value
    [InlineData(0x7F7F8000u, 0x7F80)] // tie between 0x7F7F (odd) and 0x7F80: overflows to infinity
    [InlineData(0x7F7FFFFFu, 0x7F80)] // float.MaxValue overflows to infinity
    [InlineData(0xFF7FFFFFu, 0xFF80)]
    public void BFloat16_rounds_to_nearest_even(uint input, int expected)
    {
        float value = BitConverter.UInt32BitsToSingle(input);
        Assert.Equal(expected, BFloat16.FromSingle(value).Bits);
        Assert.Equal(expected, ((BFloat16)value).Bits);
    }

    [Theory]
    [InlineData(0x7F800001u)] // a signaling NaN whose payload lies only in the dropped bits
    [InlineData(0xFF800001u)]
    [InlineData(0x7FFFFFFFu)] // rounding would carry out of the sign bit
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0x7FC00000u)]
    public void BFloat16_keeps_nan_as_nan_with_its_sign(uint input)
    {
        BFloat16 value = BFloat16.FromSingle(BitConverter.UInt32BitsToSingle(input));
        Assert.True(value.IsNaN);
        Assert.False(value.IsInfinity);
        Assert.Equal(input >> 31, (uint)value.Bits >> 15);
    }

    [Fact]
    public void BFloat16_widening_puts_the_bits_in_the_upper_half()
    {
        Assert.Equal(1f, (float)BFloat16.FromBits(0x3F80));
        Assert.Equal(-2f, (double)BFloat16.FromBits(0xC000));
        Assert.Equal(BitConverter.UInt32BitsToSingle(0x7F7F0000), (float)BFloat16.MaxValue);
        Assert.Equal(-(float)BFloat16.MaxValue, (float)BFloat16.MinValue);
        Assert.Equal(Math.Pow(2, -133), (double)BFloat16.Epsilon);
        Assert.Equal(float.PositiveInfinity, (float)BFloat16.PositiveInfinity);
        Assert.Equal(float.NegativeInfinity, (float)BFloat16.NegativeInfinity);
        Assert.True(float.IsNaN((float)BFloat16.NaN));
        Assert.True(BFloat16.PositiveInfinity.IsInfinity);
    }

    [Fact]
    public void BFloat16_every_code_round_trips_through_float()
    {
        for (int code = 0; code < 65536; code++)
        {
            BFloat16 value = BFloat16.FromBits((ushort)code);
            BFloat16 back = BFloat16.FromSingle((float)value);
            if (value.IsNaN)
            {
                Assert.True(back.IsNaN);
            }
            else
            {
                Assert.Equal(code, back.Bits);
            }
        }
    }

    [Fact]
    public void BFloat16_matches_nearest_even_search_on_random_floats()
    {
        var random = new Random(22);
        var mismatches = new List<string>();
        for (int i = 0; i < 20000; i++)
        {
            uint bits = (uint)random.Next() << 1 | (uint)random.Next(2);
            float x = BitConverter.UInt32BitsToSingle(bits);
            if (!float.IsFinite(x))
            {
                continue;
            }

            // The candidates are the truncation and the next code away from zero; pick the nearer, ties to even.
            uint truncated = bits >> 16;
            double low = BitConverter.UInt32BitsToSingle(truncated << 16);
            double high = Value(truncated + 1);
            double lowDistance = Math.Abs(x - low);
            double highDistance = Math.Abs(high - x);
            uint expected = lowDistance < highDistance || (lowDistance == highDistance && (truncated & 1) == 0) ? truncated : truncated + 1;
            if (BFloat16.FromSingle(x).Bits != expected)
            {
                mismatches.Add($"0x{bits:X8}: expected 0x{expected:X4}, got 0x{BFloat16.FromSingle(x).Bits:X4}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void BFloat16_span_conversions_match_scalar_conversions()
    {
        float[] input = [0f, -0f, 1.00390625f, -3.3e38f, float.NaN, float.PositiveInfinity, 1e-40f];
        var converted = new BFloat16[input.Length];
        BFloat16.FromSingle(input, converted);
        var back = new float[input.Length];
        BFloat16.ToSingle(converted, back);
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(BFloat16.FromSingle(input[i]), converted[i]);
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)converted[i]), BitConverter.SingleToUInt32Bits(back[i]));
        }

        Assert.Throws<ArgumentException>(() => BFloat16.FromSingle(new float[1], new BFloat16[2]));
        Assert.Throws<ArgumentException>(() => BFloat16.ToSingle(new BFloat16[1], new float[2]));
    }

    [Fact]
    public void BFloat16_equality_is_bitwise_and_to_string_shows_the_value()
    {
        Assert.NotEqual(BFloat16.FromBits(0x0000), BFloat16.FromBits(0x8000));
        Assert.Equal(BFloat16.NaN, BFloat16.FromBits(0x7FC0));
        Assert.True(BFloat16.NaN.Equals((object)BFloat16.FromBits(0x7FC0)));
        Assert.Equal("1.5", BFloat16.FromBits(0x3FC0).ToString());
    }

    // The value of a code, with the infinity codes standing for ±2^128, where rounding past the largest finite lands.
    private static double Value(uint code) =>
        (code & 0x7FFF) != 0x7F80
            ? BitConverter.UInt32BitsToSingle(code << 16)
            : (code & 0x8000) != 0 ? -Math.Pow(2, 128) : Math.Pow(2, 128);
}
