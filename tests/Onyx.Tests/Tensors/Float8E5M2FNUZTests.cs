
namespace Onyx.Tests.Tensors;

public sealed class Float8E5M2FNUZTests
{
    // Values per float8.md: exponent e != 0 gives 2^(e-16) * (1 + m/4); e == 0 gives 2^-15 * m/4.
    [Theory]
    [InlineData(0x00, 0f)]
    [InlineData(0x01, 7.62939453125e-06f)] // smallest subnormal: 2^-15 * 1/4 = 2^-17
    [InlineData(0x03, 2.288818359375e-05f)] // largest subnormal: 3 * 2^-17
    [InlineData(0x04, 3.0517578125e-05f)] // smallest normal: 2^-15
    [InlineData(0x40, 1f)] // e = 16, m = 0
    [InlineData(0x7F, 57344f)] // largest: 2^15 * (1 + 3/4)
    [InlineData(0xFF, -57344f)]
    public void Float8E5M2FNUZ_decodes_codes_to_spec_values(int code, float expected)
    {
        Float8E5M2FNUZ value = Float8E5M2FNUZ.FromBits((byte)code);
        Assert.Equal(expected, (float)value);
        Assert.Equal(expected, (double)value);
        Assert.False(value.IsNaN);
    }

    [Fact]
    public void Float8E5M2FNUZ_0x80_is_the_only_nan_and_there_is_no_infinity()
    {
        for (int code = 0; code < 256; code++)
        {
            float value = (float)Float8E5M2FNUZ.FromBits((byte)code);
            Assert.Equal(code == 0x80, Float8E5M2FNUZ.FromBits((byte)code).IsNaN);
            Assert.Equal(code == 0x80, float.IsNaN(value));
            Assert.False(float.IsInfinity(value));
        }
    }

    [Fact]
    public void Float8E5M2FNUZ_constants_have_spec_values()
    {
        Assert.Equal(57344f, (float)Float8E5M2FNUZ.MaxValue);
        Assert.Equal(-57344f, (float)Float8E5M2FNUZ.MinValue);
        Assert.Equal(MathF.Pow(2, -17), (float)Float8E5M2FNUZ.Epsilon);
        Assert.Equal(0x80, Float8E5M2FNUZ.NaN.Bits);
    }

    [Fact]
    public void Float8E5M2FNUZ_has_no_negative_zero_so_minus_0_becomes_0x00()
    {
        Assert.Equal(0x00, Float8E5M2FNUZ.FromSingle(-0f).Bits);
        Assert.Equal(0x00, Float8E5M2FNUZ.FromSingle(-0f, saturate: false).Bits);
    }

    [Theory]
    [InlineData(0f, 0x00)]
    [InlineData(-1e-9f, 0x00)]
    [InlineData(1f, 0x40)]
    [InlineData(57344f, 0x7F)]
    [InlineData(1.125f, 0x40)] // tie between 1 (m=0) and 1.25 (m=1): even m=0
    [InlineData(1.375f, 0x42)] // tie between 1.25 and 1.5: even m=2
    [InlineData(3.814697265625e-06f, 0x00)] // 2^-18, tie between 0 and 2^-17: even 0
    [InlineData(-3.814697265625e-06f, 0x00)] // the same tie, negative: unsigned 0
    [InlineData(1.1444091796875e-05f, 0x02)] // 1.5 * 2^-17, tie between subnormals 1 and 2: even 2
    [InlineData(2.6702880859375e-05f, 0x04)] // 3.5 * 2^-17, tie between the largest subnormal and 2^-15: even 4
    [InlineData(61439f, 0x7F)]
    public void Float8E5M2FNUZ_rounds_to_nearest_even(float input, int expected)
    {
        Assert.Equal(expected, Float8E5M2FNUZ.FromSingle(input).Bits);
        Assert.Equal(expected, Float8E5M2FNUZ.FromSingle(input, saturate: false).Bits);
    }

    [Theory]
    [InlineData(61440f, 0x7F)] // tie between 57344 (m=3, odd) and 65536: rounds past the range
    [InlineData(1e6f, 0x7F)]
    [InlineData(float.PositiveInfinity, 0x7F)] // Operators.md Cast: Inf -> FLT_MAX for FNUZ when saturating
    [InlineData(-1e6f, 0xFF)]
    [InlineData(float.NegativeInfinity, 0xFF)]
    public void Float8E5M2FNUZ_saturates_values_above_57344_and_infinities_to_57344(float input, int expected)
    {
        Assert.Equal(expected, Float8E5M2FNUZ.FromSingle(input).Bits);
        Assert.Equal(expected, ((Float8E5M2FNUZ)input).Bits);
    }

    [Theory]
    [InlineData(61440f)]
    [InlineData(-1e6f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Float8E5M2FNUZ_without_saturation_turns_overflow_and_infinity_into_nan(float input)
    {
        Assert.Equal(0x80, Float8E5M2FNUZ.FromSingle(input, saturate: false).Bits);
    }

    [Fact]
    public void Float8E5M2FNUZ_turns_nan_of_either_sign_into_0x80()
    {
        foreach (bool saturate in new[] { true, false })
        {
            Assert.Equal(0x80, Float8E5M2FNUZ.FromSingle(BitConverter.UInt32BitsToSingle(0x7FC00000), saturate).Bits);
            Assert.Equal(0x80, Float8E5M2FNUZ.FromSingle(BitConverter.UInt32BitsToSingle(0xFFC00001), saturate).Bits);
        }
    }

    [Fact]
    public void Float8E5M2FNUZ_every_code_round_trips_through_float()
    {
        for (int code = 0; code < 256; code++)
        {
            Float8E5M2FNUZ value = Float8E5M2FNUZ.FromBits((byte)code);
            foreach (bool saturate in new[] { true, false })
            {
                Assert.Equal(code, Float8E5M2FNUZ.FromSingle((float)value, saturate).Bits);
            }
        }
    }

    [Fact]
    public void Float8E5M2FNUZ_matches_exhaustive_nearest_search_on_random_floats()
    {
        // Magnitude code 0x80 stands for 2^(32-16) = 65536, the first value past the range.
        List<float> samples = ReferenceRounding.Samples(
            seed: 20, count: 5000, minExponent: -20, maxExponent: 17, limit: 0x80, mantissaBits: 2, bias: 16);
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float8E5M2FNUZ.FromSingle(x).Bits,
            signBit: 0x80, maxMagnitude: 0x7F, overflowCode: null, mantissaBits: 2, bias: 16,
            unsignedZero: true));
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float8E5M2FNUZ.FromSingle(x, saturate: false).Bits,
            signBit: 0x80, maxMagnitude: 0x7F, overflowCode: 0x80, mantissaBits: 2, bias: 16,
            unsignedZero: true));
    }

    [Fact]
    public void Float8E5M2FNUZ_span_conversions_match_scalar_conversions()
    {
        float[] input = [0f, -0f, 0.3f, -2.7f, 1e5f, float.NaN, float.NegativeInfinity];
        var converted = new Float8E5M2FNUZ[input.Length];
        Float8E5M2FNUZ.FromSingle(input, converted);
        var back = new float[input.Length];
        Float8E5M2FNUZ.ToSingle(converted, back);
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(Float8E5M2FNUZ.FromSingle(input[i]), converted[i]);
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)converted[i]), BitConverter.SingleToUInt32Bits(back[i]));
        }

        Assert.Throws<ArgumentException>(() => Float8E5M2FNUZ.FromSingle(new float[1], new Float8E5M2FNUZ[2]));
        Assert.Throws<ArgumentException>(() => Float8E5M2FNUZ.ToSingle(new Float8E5M2FNUZ[1], new float[2]));
    }

    [Fact]
    public void Float8E5M2FNUZ_equality_is_bitwise_and_to_string_shows_the_value()
    {
        Assert.Equal(Float8E5M2FNUZ.NaN, Float8E5M2FNUZ.FromBits(0x80));
        Assert.NotEqual(Float8E5M2FNUZ.MaxValue, Float8E5M2FNUZ.MinValue);
        Assert.Equal("-57344", Float8E5M2FNUZ.MinValue.ToString());
    }
}
