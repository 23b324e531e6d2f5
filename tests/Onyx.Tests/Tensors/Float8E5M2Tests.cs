
namespace Onyx.Tests.Tensors;

public sealed class Float8E5M2Tests
{
    // Values per float8.md: exponent e != 0 gives 2^(e-15) * (1 + m/4); e == 0 gives 2^-14 * m/4.
    [Theory]
    [InlineData(0x00, 0f)]
    [InlineData(0x01, 1.52587890625e-05f)] // smallest subnormal: 2^-14 * 1/4 = 2^-16
    [InlineData(0x03, 4.57763671875e-05f)] // largest subnormal: 3 * 2^-16
    [InlineData(0x04, 6.103515625e-05f)] // smallest normal: 2^-14
    [InlineData(0x3C, 1f)] // e = 15, m = 0
    [InlineData(0x7B, 57344f)] // largest: 2^15 * (1 + 3/4)
    [InlineData(0xFB, -57344f)]
    [InlineData(0x7C, float.PositiveInfinity)]
    [InlineData(0xFC, float.NegativeInfinity)]
    public void Float8E5M2_decodes_codes_to_spec_values(int code, float expected)
    {
        Float8E5M2 value = Float8E5M2.FromBits((byte)code);
        Assert.Equal(expected, (float)value);
        Assert.Equal(expected, (double)value);
        Assert.False(value.IsNaN);
        Assert.Equal(float.IsInfinity(expected), value.IsInfinity);
    }

    [Theory]
    [InlineData(0x7D)]
    [InlineData(0x7E)]
    [InlineData(0x7F)]
    [InlineData(0xFD)]
    [InlineData(0xFE)]
    [InlineData(0xFF)]
    public void Float8E5M2_exponent_all_ones_with_nonzero_mantissa_is_nan(int code)
    {
        Float8E5M2 value = Float8E5M2.FromBits((byte)code);
        Assert.True(value.IsNaN);
        Assert.False(value.IsInfinity);
        Assert.True(float.IsNaN((float)value));
    }

    [Fact]
    public void Float8E5M2_0x80_is_negative_zero()
    {
        float value = (float)Float8E5M2.FromBits(0x80);
        Assert.Equal(0f, value);
        Assert.True(float.IsNegative(value));
    }

    [Fact]
    public void Float8E5M2_constants_have_spec_values()
    {
        Assert.Equal(57344f, (float)Float8E5M2.MaxValue);
        Assert.Equal(-57344f, (float)Float8E5M2.MinValue);
        Assert.Equal(MathF.Pow(2, -16), (float)Float8E5M2.Epsilon);
        Assert.Equal(float.PositiveInfinity, (float)Float8E5M2.PositiveInfinity);
        Assert.Equal(float.NegativeInfinity, (float)Float8E5M2.NegativeInfinity);
        Assert.True(Float8E5M2.NaN.IsNaN);
    }

    [Theory]
    [InlineData(0f, 0x00)]
    [InlineData(-0f, 0x80)]
    [InlineData(1f, 0x3C)]
    [InlineData(57344f, 0x7B)]
    [InlineData(1.125f, 0x3C)] // tie between 1 (m=0) and 1.25 (m=1): even m=0
    [InlineData(1.375f, 0x3E)] // tie between 1.25 (m=1) and 1.5 (m=2): even m=2
    [InlineData(1.875f, 0x40)] // tie between 1.75 (0x3F) and 2 (0x40): even, carries into the exponent
    [InlineData(7.62939453125e-06f, 0x00)] // 2^-17, tie between 0 and 2^-16: even 0
    [InlineData(-7.62939453125e-06f, 0x80)] // the same tie, negative: -0
    [InlineData(2.288818359375e-05f, 0x02)] // 1.5 * 2^-16, tie between subnormals 1 and 2: even 2
    [InlineData(5.340576171875e-05f, 0x04)] // 3.5 * 2^-16, tie between the largest subnormal (3) and 2^-14 (4): even 4
    [InlineData(61439f, 0x7B)] // below the 61440 tie
    public void Float8E5M2_rounds_to_nearest_even(float input, int expected)
    {
        Assert.Equal(expected, Float8E5M2.FromSingle(input).Bits);
        Assert.Equal(expected, Float8E5M2.FromSingle(input, saturate: false).Bits);
    }

    [Theory]
    [InlineData(61440f, 0x7B)] // tie between 57344 (m=3, odd) and 65536: rounds past the range
    [InlineData(1e6f, 0x7B)]
    [InlineData(float.PositiveInfinity, 0x7B)]
    [InlineData(-61440f, 0xFB)]
    [InlineData(float.NegativeInfinity, 0xFB)]
    public void Float8E5M2_saturates_values_above_57344_and_infinities_to_57344(float input, int expected)
    {
        Assert.Equal(expected, Float8E5M2.FromSingle(input).Bits);
        Assert.Equal(expected, ((Float8E5M2)input).Bits);
    }

    [Theory]
    [InlineData(61440f, 0x7C)]
    [InlineData(1e6f, 0x7C)]
    [InlineData(float.PositiveInfinity, 0x7C)]
    [InlineData(-61440f, 0xFC)]
    [InlineData(float.NegativeInfinity, 0xFC)]
    public void Float8E5M2_without_saturation_turns_overflow_into_infinity(float input, int expected)
    {
        Assert.Equal(expected, Float8E5M2.FromSingle(input, saturate: false).Bits);
    }

    [Fact]
    public void Float8E5M2_keeps_nan_and_its_sign()
    {
        foreach (bool saturate in new[] { true, false })
        {
            Assert.Equal(0x7F, Float8E5M2.FromSingle(BitConverter.UInt32BitsToSingle(0x7FC00000), saturate).Bits);
            Assert.Equal(0xFF, Float8E5M2.FromSingle(BitConverter.UInt32BitsToSingle(0xFFC00000), saturate).Bits);
            Assert.Equal(0x7F, Float8E5M2.FromSingle(BitConverter.UInt32BitsToSingle(0x7F800001), saturate).Bits);
        }
    }

    [Fact]
    public void Float8E5M2_every_code_round_trips_through_float()
    {
        for (int code = 0; code < 256; code++)
        {
            Float8E5M2 value = Float8E5M2.FromBits((byte)code);
            Float8E5M2 back = Float8E5M2.FromSingle((float)value, saturate: false);
            if (value.IsNaN)
            {
                // The three NaN payloads of each sign all come back as the NaN this type produces.
                Assert.True(back.IsNaN);
                Assert.Equal(code & 0x80, back.Bits & 0x80);
            }
            else
            {
                Assert.Equal(code, back.Bits);
                Assert.Equal(value.IsInfinity ? code - 1 : code, Float8E5M2.FromSingle((float)value).Bits);
            }
        }
    }

    [Fact]
    public void Float8E5M2_matches_exhaustive_nearest_search_on_random_floats()
    {
        // Magnitude code 0x7C stands for 2^16, the first value past the range.
        List<float> samples = ReferenceRounding.Samples(
            seed: 19, count: 5000, minExponent: -19, maxExponent: 17, limit: 0x7C, mantissaBits: 2, bias: 15);
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float8E5M2.FromSingle(x).Bits,
            signBit: 0x80, maxMagnitude: 0x7B, overflowCode: null, mantissaBits: 2, bias: 15));
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float8E5M2.FromSingle(x, saturate: false).Bits,
            signBit: 0x80, maxMagnitude: 0x7B, overflowCode: 0x7C, mantissaBits: 2, bias: 15));
    }

    [Fact]
    public void Float8E5M2_span_conversions_match_scalar_conversions()
    {
        float[] input = [0f, -0f, 0.3f, -2.7f, 1e5f, float.NaN, float.NegativeInfinity];
        var converted = new Float8E5M2[input.Length];
        Float8E5M2.FromSingle(input, converted, saturate: false);
        var back = new float[input.Length];
        Float8E5M2.ToSingle(converted, back);
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(Float8E5M2.FromSingle(input[i], saturate: false), converted[i]);
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)converted[i]), BitConverter.SingleToUInt32Bits(back[i]));
        }

        Assert.Throws<ArgumentException>(() => Float8E5M2.FromSingle(new float[1], new Float8E5M2[2]));
        Assert.Throws<ArgumentException>(() => Float8E5M2.ToSingle(new Float8E5M2[1], new float[2]));
    }

    [Fact]
    public void Float8E5M2_equality_is_bitwise_and_to_string_shows_the_value()
    {
        Assert.NotEqual(Float8E5M2.FromBits(0x00), Float8E5M2.FromBits(0x80));
        Assert.Equal(Float8E5M2.NaN, Float8E5M2.FromBits(0x7F));
        Assert.NotEqual(Float8E5M2.FromBits(0x7E), Float8E5M2.FromBits(0x7F));
        Assert.Equal("57344", Float8E5M2.MaxValue.ToString());
        Assert.Equal("-Infinity", Float8E5M2.NegativeInfinity.ToString());
    }
}
