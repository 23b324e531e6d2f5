
namespace Onyx.Tests.Tensors;

public sealed class Float8E8M0Tests
{
    private static readonly Float8E8M0Rounding[] s_modes = [Float8E8M0Rounding.Up, Float8E8M0Rounding.Down, Float8E8M0Rounding.Nearest];

    // float8.md, E8M0: code c is 2^(c - 127); 0xFF is NaN.
    [Theory]
    [InlineData(0x7F, 1f)]
    [InlineData(0x80, 2f)]
    [InlineData(0x7E, 0.5f)]
    [InlineData(0xFE, 1.7014118346046923e38f)] // 2^127
    [InlineData(0x00, 5.877471754111438e-39f)] // 2^-127, a float32 subnormal
    public void Float8E8M0_decodes_codes_to_powers_of_two(int code, float expected)
    {
        Float8E8M0 value = Float8E8M0.FromBits((byte)code);
        Assert.Equal(expected, (float)value);
        Assert.Equal(expected, (double)value);
        Assert.False(value.IsNaN);
    }

    [Fact]
    public void Float8E8M0_0xFF_is_nan_and_the_constants_are_the_extreme_powers()
    {
        Assert.True(Float8E8M0.FromBits(0xFF).IsNaN);
        Assert.True(float.IsNaN((float)Float8E8M0.NaN));
        Assert.Equal(Math.Pow(2, 127), (double)Float8E8M0.MaxValue);
        Assert.Equal(Math.Pow(2, -127), (double)Float8E8M0.MinValue);
    }

    [Fact]
    public void Float8E8M0_every_code_round_trips_in_every_mode()
    {
        for (int code = 0; code < 255; code++)
        {
            float value = (float)Float8E8M0.FromBits((byte)code);
            foreach (Float8E8M0Rounding mode in s_modes)
            {
                Assert.Equal(code, Float8E8M0.FromSingle(value, saturate: true, mode).Bits);
                Assert.Equal(code, Float8E8M0.FromSingle(value, saturate: false, mode).Bits);
            }
        }

        Assert.True(Float8E8M0.FromSingle((float)Float8E8M0.NaN).IsNaN);
    }

    [Theory]
    [InlineData(3f, 0x81, 0x80, 0x81)] // 3 = 1.5 * 2: up 4, down 2, nearest ties up to 4
    [InlineData(2.9f, 0x81, 0x80, 0x80)]
    [InlineData(3.1f, 0x81, 0x80, 0x81)]
    [InlineData(1.1f, 0x80, 0x7F, 0x7F)]
    [InlineData(0.124f, 0x7C, 0x7B, 0x7C)] // between 2^-4 and 2^-3; 0.124 > 1.5 * 2^-4 = 0.09375
    [InlineData(8f, 0x82, 0x82, 0x82)]
    [InlineData(8.8e-39f, 0x01, 0x00, 0x00)] // float32 subnormal just under 1.5 * 2^-127 = 8.816e-39
    [InlineData(8.81620763e-39f, 0x01, 0x00, 0x01)] // 1.5 * 2^-127 exactly (float32 bits 0x00600000): nearest ties up
    [InlineData(7e-39f, 0x01, 0x00, 0x00)]
    public void Float8E8M0_rounds_up_down_or_to_nearest_with_ties_up(float input, int up, int down, int nearest)
    {
        Assert.Equal(up, Float8E8M0.FromSingle(input).Bits);
        Assert.Equal(up, ((Float8E8M0)input).Bits);
        Assert.Equal(down, Float8E8M0.FromSingle(input, rounding: Float8E8M0Rounding.Down).Bits);
        Assert.Equal(nearest, Float8E8M0.FromSingle(input, rounding: Float8E8M0Rounding.Nearest).Bits);
    }

    [Fact]
    public void Float8E8M0_matches_cast_example_with_saturate_and_round_up()
    {
        // The e8m0 example of Operators.md, Cast: inputs 0, 0.124, 0.25, 0.5, 1.1, 2, 4, 8.
        float[] input = [0f, 0.124f, 0.25f, 0.5f, 1.1f, 2f, 4f, 8f];
        var output = new Float8E8M0[input.Length];
        Float8E8M0.FromSingle(input, output);
        byte[] expected = [0x00, 0x7C, 0x7D, 0x7E, 0x80, 0x80, 0x81, 0x82];
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(expected[i], output[i].Bits);
        }
    }

    [Fact]
    public void Float8E8M0_saturates_to_the_extreme_powers()
    {
        foreach (Float8E8M0Rounding mode in s_modes)
        {
            // Cast table, "saturate + up": 0 -> E8M0 code 0, Inf -> E8M0_MAX, out-of-range values clamp.
            Assert.Equal(0x00, Float8E8M0.FromSingle(0f, true, mode).Bits);
            Assert.Equal(0x00, Float8E8M0.FromSingle(float.Epsilon, true, mode).Bits);
            Assert.Equal(0x00, Float8E8M0.FromSingle(1e-40f, true, mode).Bits);
            Assert.Equal(0xFE, Float8E8M0.FromSingle(float.PositiveInfinity, true, mode).Bits);
            Assert.Equal(0xFE, Float8E8M0.FromSingle(float.MaxValue, true, mode).Bits);
            Assert.True(Float8E8M0.FromSingle(float.NaN, true, mode).IsNaN);
        }
    }

    [Fact]
    public void Float8E8M0_without_saturation_turns_zero_infinity_and_out_of_range_into_nan()
    {
        foreach (Float8E8M0Rounding mode in s_modes)
        {
            Assert.True(Float8E8M0.FromSingle(0f, false, mode).IsNaN);
            Assert.True(Float8E8M0.FromSingle(float.PositiveInfinity, false, mode).IsNaN);
            Assert.True(Float8E8M0.FromSingle(float.NaN, false, mode).IsNaN);
            Assert.True(Float8E8M0.FromSingle(BitConverter.UInt32BitsToSingle(0x00200000), false, mode).IsNaN); // 2^-128
        }

        // float.MaxValue is just under 2^128: up and nearest give 2^128, out of range; down gives 2^127.
        Assert.True(Float8E8M0.FromSingle(float.MaxValue, false, Float8E8M0Rounding.Up).IsNaN);
        Assert.True(Float8E8M0.FromSingle(float.MaxValue, false, Float8E8M0Rounding.Nearest).IsNaN);
        Assert.Equal(0xFE, Float8E8M0.FromSingle(float.MaxValue, false, Float8E8M0Rounding.Down).Bits);

        // 1.25 * 2^127 rounds to nearest 2^127, in range; up gives 2^128.
        float aboveMax = BitConverter.UInt32BitsToSingle(0x7F200000);
        Assert.Equal(0xFE, Float8E8M0.FromSingle(aboveMax, false, Float8E8M0Rounding.Nearest).Bits);
        Assert.True(Float8E8M0.FromSingle(aboveMax, false, Float8E8M0Rounding.Up).IsNaN);

        // 1.5 * 2^-128 (a float32 subnormal): nearest ties up to 2^-127, in range; down gives 2^-128.
        float belowMin = BitConverter.UInt32BitsToSingle(0x00300000);
        Assert.Equal(0x00, Float8E8M0.FromSingle(belowMin, false, Float8E8M0Rounding.Nearest).Bits);
        Assert.Equal(0x00, Float8E8M0.FromSingle(belowMin, false, Float8E8M0Rounding.Up).Bits);
        Assert.True(Float8E8M0.FromSingle(belowMin, false, Float8E8M0Rounding.Down).IsNaN);
    }

    [Fact]
    public void Float8E8M0_converts_the_magnitude_of_negative_inputs()
    {
        Assert.Equal(Float8E8M0.FromSingle(3f), Float8E8M0.FromSingle(-3f));
        Assert.Equal(Float8E8M0.FromSingle(0f), Float8E8M0.FromSingle(-0f));
        Assert.Equal(0xFE, Float8E8M0.FromSingle(float.NegativeInfinity).Bits);
    }

    [Fact]
    public void Float8E8M0_matches_exhaustive_search_on_random_floats()
    {
        var random = new Random(24);
        var mismatches = new List<string>();
        var samples = new List<float>();
        for (int i = 0; i < 5000; i++)
        {
            samples.Add(BitConverter.UInt32BitsToSingle(((uint)random.Next(0, 255) << 23) | (uint)random.Next(1 << 23)));
        }

        for (int k = -128; k <= 127; k++)
        {
            float midpoint = (float)(1.5 * Math.Pow(2, k));
            samples.AddRange([midpoint, MathF.BitDecrement(midpoint), MathF.BitIncrement(midpoint)]);
        }

        foreach (float x in samples)
        {
            if (x == 0)
            {
                continue;
            }

            foreach (Float8E8M0Rounding mode in s_modes)
            {
                int expected = SaturatingReference(x, mode);
                int actual = Float8E8M0.FromSingle(x, saturate: true, mode).Bits;
                if (actual != expected)
                {
                    mismatches.Add($"{x:R} {mode}: expected 0x{expected:X2}, got 0x{actual:X2}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Float8E8M0_span_conversions_match_scalar_conversions()
    {
        float[] input = [0.3f, 5f, 1e-30f, 1e30f, float.NaN];
        var converted = new Float8E8M0[input.Length];
        Float8E8M0.FromSingle(input, converted, saturate: false, Float8E8M0Rounding.Nearest);
        var back = new float[input.Length];
        Float8E8M0.ToSingle(converted, back);
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(Float8E8M0.FromSingle(input[i], false, Float8E8M0Rounding.Nearest), converted[i]);
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)converted[i]), BitConverter.SingleToUInt32Bits(back[i]));
        }

        Assert.Throws<ArgumentException>(() => Float8E8M0.FromSingle(new float[1], new Float8E8M0[2]));
        Assert.Throws<ArgumentException>(() => Float8E8M0.ToSingle(new Float8E8M0[1], new float[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Float8E8M0.FromSingle(3f, true, (Float8E8M0Rounding)7));
    }

    [Fact]
    public void Float8E8M0_equality_is_bitwise_and_to_string_shows_the_value()
    {
        Assert.Equal(Float8E8M0.NaN, Float8E8M0.FromBits(0xFF));
        Assert.NotEqual(Float8E8M0.MinValue, Float8E8M0.MaxValue);
        Assert.Equal("0.25", Float8E8M0.FromBits(0x7D).ToString());
        Assert.Equal("NaN", Float8E8M0.NaN.ToString());
    }

    // Searches the 255 powers 2^-127 .. 2^127 for the one the mode picks, clamping when none qualifies.
    private static int SaturatingReference(float x, Float8E8M0Rounding mode)
    {
        double value = x;
        int best = mode == Float8E8M0Rounding.Up ? 254 : 0;
        double bestDistance = double.PositiveInfinity;
        for (int code = 0; code < 255; code++)
        {
            double power = Math.Pow(2, code - 127);
            switch (mode)
            {
                case Float8E8M0Rounding.Up when power >= value:
                    return code;
                case Float8E8M0Rounding.Down when power <= value:
                    best = code;
                    break;
                case Float8E8M0Rounding.Nearest when Math.Abs(power - value) <= bestDistance:
                    // "<=": a tie goes to the larger power, reached later.
                    best = code;
                    bestDistance = Math.Abs(power - value);
                    break;
            }
        }

        return best;
    }
}
