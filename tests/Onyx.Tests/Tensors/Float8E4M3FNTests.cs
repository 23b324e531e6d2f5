
namespace Onyx.Tests.Tensors;

public sealed class Float8E4M3FNTests
{
    // Values per float8.md: exponent e != 0 gives 2^(e-7) * (1 + m/8); e == 0 gives 2^-6 * m/8.
    [Theory]
    [InlineData(0x00, 0f)]
    [InlineData(0x01, 0.001953125f)] // smallest subnormal: 2^-6 * 1/8 = 2^-9
    [InlineData(0x07, 0.013671875f)] // largest subnormal: 2^-6 * 7/8
    [InlineData(0x08, 0.015625f)] // smallest normal: 2^-6
    [InlineData(0x38, 1f)] // e = 7, m = 0
    [InlineData(0x3C, 1.5f)] // e = 7, m = 4
    [InlineData(0x7E, 448f)] // largest: 2^8 * (1 + 6/8)
    [InlineData(0xFE, -448f)]
    [InlineData(0xB8, -1f)]
    public void Float8E4M3FN_decodes_codes_to_spec_values(int code, float expected)
    {
        Float8E4M3FN value = Float8E4M3FN.FromBits((byte)code);
        Assert.Equal(expected, (float)value);
        Assert.Equal(expected, (double)value);
        Assert.False(value.IsNaN);
    }

    [Fact]
    public void Float8E4M3FN_0x80_is_negative_zero()
    {
        float value = (float)Float8E4M3FN.FromBits(0x80);
        Assert.Equal(0f, value);
        Assert.True(float.IsNegative(value));
    }

    [Theory]
    [InlineData(0x7F)]
    [InlineData(0xFF)]
    public void Float8E4M3FN_all_ones_magnitude_is_nan(int code)
    {
        Float8E4M3FN value = Float8E4M3FN.FromBits((byte)code);
        Assert.True(value.IsNaN);
        Assert.True(float.IsNaN((float)value));
    }

    [Fact]
    public void Float8E4M3FN_constants_have_spec_values()
    {
        Assert.Equal(448f, (float)Float8E4M3FN.MaxValue);
        Assert.Equal(-448f, (float)Float8E4M3FN.MinValue);
        Assert.Equal(MathF.Pow(2, -9), (float)Float8E4M3FN.Epsilon);
        Assert.True(Float8E4M3FN.NaN.IsNaN);
        Assert.Equal(0x7F, Float8E4M3FN.NaN.Bits);
    }

    [Theory]
    [InlineData(0f, 0x00)]
    [InlineData(-0f, 0x80)]
    [InlineData(1f, 0x38)]
    [InlineData(448f, 0x7E)]
    [InlineData(-448f, 0xFE)]
    [InlineData(0.015625f, 0x08)] // 2^-6, smallest normal
    [InlineData(0.001953125f, 0x01)] // 2^-9, smallest subnormal
    [InlineData(1.0625f, 0x38)] // tie between 1 (m=0) and 1.125 (m=1): even m=0
    [InlineData(1.1875f, 0x3A)] // tie between 1.125 (m=1) and 1.25 (m=2): even m=2
    [InlineData(1.9375f, 0x40)] // tie between 1.875 (0x3F) and 2 (0x40): even, carries into the exponent
    [InlineData(0.0009765625f, 0x00)] // 2^-10, tie between 0 and 2^-9: even 0
    [InlineData(-0.0009765625f, 0x80)] // the same tie, negative: -0
    [InlineData(0.000977f, 0x01)] // just above that tie
    [InlineData(0.0029296875f, 0x02)] // 1.5 * 2^-9, tie between subnormals 1 and 2: even 2
    [InlineData(0.0048828125f, 0x02)] // 2.5 * 2^-9, tie between subnormals 2 and 3: even 2
    [InlineData(0.0146484375f, 0x08)] // 7.5 * 2^-9, tie between the largest subnormal (7) and 2^-6 (8): even 8
    [InlineData(1e-7f, 0x00)]
    [InlineData(-1e-7f, 0x80)]
    public void Float8E4M3FN_rounds_to_nearest_even(float input, int expected)
    {
        Assert.Equal(expected, Float8E4M3FN.FromSingle(input).Bits);
        Assert.Equal(expected, Float8E4M3FN.FromSingle(input, saturate: false).Bits);
    }

    [Theory]
    [InlineData(449f, 0x7E)]
    [InlineData(464f, 0x7E)] // tie between 448 (m=6) and 480 (m=7, the NaN code): rounds to the even 448
    [InlineData(465f, 0x7E)]
    [InlineData(1e6f, 0x7E)]
    [InlineData(float.MaxValue, 0x7E)]
    [InlineData(float.PositiveInfinity, 0x7E)]
    [InlineData(-1e6f, 0xFE)]
    [InlineData(float.NegativeInfinity, 0xFE)]
    public void Float8E4M3FN_saturates_values_above_448_to_448(float input, int expected)
    {
        Assert.Equal(expected, Float8E4M3FN.FromSingle(input).Bits);
        Assert.Equal(expected, ((Float8E4M3FN)input).Bits);
    }

    [Theory]
    [InlineData(449f, 0x7E)] // rounds down to 448, which is in range
    [InlineData(464f, 0x7E)] // the tie rounds to 448
    [InlineData(464.0001f, 0x7F)] // just above the tie: rounds to 480, out of range
    [InlineData(1e6f, 0x7F)]
    [InlineData(float.PositiveInfinity, 0x7F)]
    [InlineData(-1e6f, 0xFF)]
    [InlineData(float.NegativeInfinity, 0xFF)]
    public void Float8E4M3FN_without_saturation_turns_overflow_and_infinity_into_signed_nan(float input, int expected)
    {
        Assert.Equal(expected, Float8E4M3FN.FromSingle(input, saturate: false).Bits);
    }

    [Fact]
    public void Float8E4M3FN_keeps_nan_and_its_sign()
    {
        float negativeNaN = BitConverter.UInt32BitsToSingle(0xFFC00000);
        float positiveNaN = BitConverter.UInt32BitsToSingle(0x7FC00000);
        float signalingNaN = BitConverter.UInt32BitsToSingle(0x7F800001);
        foreach (bool saturate in new[] { true, false })
        {
            Assert.Equal(0x7F, Float8E4M3FN.FromSingle(positiveNaN, saturate).Bits);
            Assert.Equal(0xFF, Float8E4M3FN.FromSingle(negativeNaN, saturate).Bits);
            Assert.Equal(0x7F, Float8E4M3FN.FromSingle(signalingNaN, saturate).Bits);
        }
    }

    [Fact]
    public void Float8E4M3FN_every_code_round_trips_through_float()
    {
        for (int code = 0; code < 256; code++)
        {
            Float8E4M3FN value = Float8E4M3FN.FromBits((byte)code);
            foreach (bool saturate in new[] { true, false })
            {
                // The NaN codes come back as the NaN of the same sign, which is the same code.
                Assert.Equal(code, Float8E4M3FN.FromSingle((float)value, saturate).Bits);
            }
        }
    }

    [Fact]
    public void Float8E4M3FN_matches_exhaustive_nearest_search_on_random_floats()
    {
        List<float> samples = ReferenceRounding.Samples(
            seed: 17, count: 5000, minExponent: -12, maxExponent: 10, limit: 0x7F, mantissaBits: 3, bias: 7);
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float8E4M3FN.FromSingle(x).Bits,
            signBit: 0x80, maxMagnitude: 0x7E, overflowCode: null, mantissaBits: 3, bias: 7));
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float8E4M3FN.FromSingle(x, saturate: false).Bits,
            signBit: 0x80, maxMagnitude: 0x7E, overflowCode: 0x7F, mantissaBits: 3, bias: 7));
    }

    [Fact]
    public void Float8E4M3FN_span_conversions_match_scalar_conversions()
    {
        float[] input = [0f, -0f, 0.3f, -2.7f, 500f, float.NaN, float.NegativeInfinity, 1e-9f];
        var converted = new Float8E4M3FN[input.Length];
        Float8E4M3FN.FromSingle(input, converted, saturate: false);
        var back = new float[input.Length];
        Float8E4M3FN.ToSingle(converted, back);
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(Float8E4M3FN.FromSingle(input[i], saturate: false), converted[i]);
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)converted[i]), BitConverter.SingleToUInt32Bits(back[i]));
        }

        Float8E4M3FN.FromSingle(input, converted);
        Assert.Equal(Float8E4M3FN.MaxValue, converted[4]);
    }

    [Fact]
    public void Float8E4M3FN_span_conversions_reject_length_mismatch()
    {
        Assert.Throws<ArgumentException>(() => Float8E4M3FN.FromSingle(new float[3], new Float8E4M3FN[2]));
        Assert.Throws<ArgumentException>(() => Float8E4M3FN.ToSingle(new Float8E4M3FN[2], new float[3]));
    }

    [Fact]
    public void Float8E4M3FN_equality_is_bitwise()
    {
        Assert.Equal(Float8E4M3FN.NaN, Float8E4M3FN.FromBits(0x7F));
        Assert.NotEqual(Float8E4M3FN.FromBits(0x00), Float8E4M3FN.FromBits(0x80));
        Assert.NotEqual(Float8E4M3FN.FromBits(0x7F), Float8E4M3FN.FromBits(0xFF));
        Assert.True(Float8E4M3FN.MaxValue.Equals((object)Float8E4M3FN.FromBits(0x7E)));
        Assert.Equal(Float8E4M3FN.MaxValue.GetHashCode(), Float8E4M3FN.FromBits(0x7E).GetHashCode());
    }

    [Fact]
    public void Float8E4M3FN_to_string_shows_the_float_value()
    {
        Assert.Equal("448", Float8E4M3FN.MaxValue.ToString());
        Assert.Equal("-1.5", Float8E4M3FN.FromBits(0xBC).ToString());
        Assert.Equal("NaN", Float8E4M3FN.NaN.ToString());
    }
}
