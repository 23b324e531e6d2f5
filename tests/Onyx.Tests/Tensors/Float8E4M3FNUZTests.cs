
namespace Onyx.Tests.Tensors;

public sealed class Float8E4M3FNUZTests
{
    // Values per float8.md: exponent e != 0 gives 2^(e-8) * (1 + m/8); e == 0 gives 2^-7 * m/8.
    [Theory]
    [InlineData(0x00, 0f)]
    [InlineData(0x01, 0.0009765625f)] // smallest subnormal: 2^-7 * 1/8 = 2^-10
    [InlineData(0x07, 0.0068359375f)] // largest subnormal: 2^-7 * 7/8
    [InlineData(0x08, 0.0078125f)] // smallest normal: 2^-7
    [InlineData(0x40, 1f)] // e = 8, m = 0
    [InlineData(0x7F, 240f)] // largest: 2^7 * (1 + 7/8)
    [InlineData(0xFF, -240f)]
    [InlineData(0x81, -0.0009765625f)]
    public void Float8E4M3FNUZ_decodes_codes_to_spec_values(int code, float expected)
    {
        Float8E4M3FNUZ value = Float8E4M3FNUZ.FromBits((byte)code);
        Assert.Equal(expected, (float)value);
        Assert.Equal(expected, (double)value);
        Assert.False(value.IsNaN);
    }

    [Fact]
    public void Float8E4M3FNUZ_0x80_is_the_only_nan()
    {
        for (int code = 0; code < 256; code++)
        {
            Float8E4M3FNUZ value = Float8E4M3FNUZ.FromBits((byte)code);
            Assert.Equal(code == 0x80, value.IsNaN);
            Assert.Equal(code == 0x80, float.IsNaN((float)value));
        }
    }

    [Fact]
    public void Float8E4M3FNUZ_constants_have_spec_values()
    {
        Assert.Equal(240f, (float)Float8E4M3FNUZ.MaxValue);
        Assert.Equal(-240f, (float)Float8E4M3FNUZ.MinValue);
        Assert.Equal(MathF.Pow(2, -10), (float)Float8E4M3FNUZ.Epsilon);
        Assert.Equal(0x80, Float8E4M3FNUZ.NaN.Bits);
    }

    [Fact]
    public void Float8E4M3FNUZ_has_no_negative_zero_so_minus_0_becomes_0x00()
    {
        Assert.Equal(0x00, Float8E4M3FNUZ.FromSingle(-0f).Bits);
        Assert.Equal(0x00, Float8E4M3FNUZ.FromSingle(-0f, saturate: false).Bits);
    }

    [Theory]
    [InlineData(0f, 0x00)]
    [InlineData(-1e-7f, 0x00)] // rounds to zero, which has no sign
    [InlineData(-0.00048828125f, 0x00)] // -2^-11, tie between 0 and -2^-10: even 0, unsigned
    [InlineData(0.0004883f, 0x01)] // just above that tie
    [InlineData(1f, 0x40)]
    [InlineData(240f, 0x7F)]
    [InlineData(0.0078125f, 0x08)] // 2^-7, smallest normal
    [InlineData(1.0625f, 0x40)] // tie between 1 (m=0) and 1.125 (m=1): even m=0
    [InlineData(1.1875f, 0x42)] // tie between 1.125 and 1.25: even m=2
    [InlineData(0.00146484375f, 0x02)] // 1.5 * 2^-10, tie between subnormals 1 and 2: even 2
    [InlineData(0.00732421875f, 0x08)] // 7.5 * 2^-10, tie between the largest subnormal and 2^-7: even 8
    [InlineData(247f, 0x7F)] // below the 248 tie
    public void Float8E4M3FNUZ_rounds_to_nearest_even(float input, int expected)
    {
        Assert.Equal(expected, Float8E4M3FNUZ.FromSingle(input).Bits);
        Assert.Equal(expected, Float8E4M3FNUZ.FromSingle(input, saturate: false).Bits);
    }

    [Theory]
    [InlineData(248f, 0x7F)] // tie between 240 (m=7, odd) and 256: rounds past the range
    [InlineData(1e6f, 0x7F)]
    [InlineData(float.PositiveInfinity, 0x7F)] // Operators.md Cast: Inf -> FLT_MAX for FNUZ when saturating
    [InlineData(-1e6f, 0xFF)]
    [InlineData(float.NegativeInfinity, 0xFF)]
    public void Float8E4M3FNUZ_saturates_values_above_240_and_infinities_to_240(float input, int expected)
    {
        Assert.Equal(expected, Float8E4M3FNUZ.FromSingle(input).Bits);
        Assert.Equal(expected, ((Float8E4M3FNUZ)input).Bits);
    }

    [Theory]
    [InlineData(248f)]
    [InlineData(1e6f)]
    [InlineData(-1e6f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Float8E4M3FNUZ_without_saturation_turns_overflow_and_infinity_into_nan(float input)
    {
        Assert.Equal(0x80, Float8E4M3FNUZ.FromSingle(input, saturate: false).Bits);
    }

    [Fact]
    public void Float8E4M3FNUZ_turns_nan_of_either_sign_into_0x80()
    {
        foreach (bool saturate in new[] { true, false })
        {
            Assert.Equal(0x80, Float8E4M3FNUZ.FromSingle(BitConverter.UInt32BitsToSingle(0x7FC00000), saturate).Bits);
            Assert.Equal(0x80, Float8E4M3FNUZ.FromSingle(BitConverter.UInt32BitsToSingle(0xFFC00000), saturate).Bits);
        }
    }

    [Fact]
    public void Float8E4M3FNUZ_every_code_round_trips_through_float()
    {
        for (int code = 0; code < 256; code++)
        {
            Float8E4M3FNUZ value = Float8E4M3FNUZ.FromBits((byte)code);
            foreach (bool saturate in new[] { true, false })
            {
                Assert.Equal(code, Float8E4M3FNUZ.FromSingle((float)value, saturate).Bits);
            }
        }
    }

    [Fact]
    public void Float8E4M3FNUZ_matches_exhaustive_nearest_search_on_random_floats()
    {
        // Magnitude code 0x80 stands for 2^(16-8) = 256, the first value past the range.
        List<float> samples = ReferenceRounding.Samples(
            seed: 18, count: 5000, minExponent: -13, maxExponent: 9, limit: 0x80, mantissaBits: 3, bias: 8);
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float8E4M3FNUZ.FromSingle(x).Bits,
            signBit: 0x80, maxMagnitude: 0x7F, overflowCode: null, mantissaBits: 3, bias: 8,
            unsignedZero: true));
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float8E4M3FNUZ.FromSingle(x, saturate: false).Bits,
            signBit: 0x80, maxMagnitude: 0x7F, overflowCode: 0x80, mantissaBits: 3, bias: 8,
            unsignedZero: true));
    }

    [Fact]
    public void Float8E4M3FNUZ_span_conversions_match_scalar_conversions()
    {
        float[] input = [0f, -0f, 0.3f, -2.7f, 500f, float.NaN, float.NegativeInfinity];
        var converted = new Float8E4M3FNUZ[input.Length];
        Float8E4M3FNUZ.FromSingle(input, converted, saturate: false);
        var back = new float[input.Length];
        Float8E4M3FNUZ.ToSingle(converted, back);
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(Float8E4M3FNUZ.FromSingle(input[i], saturate: false), converted[i]);
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)converted[i]), BitConverter.SingleToUInt32Bits(back[i]));
        }

        Assert.Throws<ArgumentException>(() => Float8E4M3FNUZ.FromSingle(new float[1], new Float8E4M3FNUZ[2]));
        Assert.Throws<ArgumentException>(() => Float8E4M3FNUZ.ToSingle(new Float8E4M3FNUZ[1], new float[3]));
    }

    [Fact]
    public void Float8E4M3FNUZ_equality_is_bitwise_and_to_string_shows_the_value()
    {
        Assert.Equal(Float8E4M3FNUZ.NaN, Float8E4M3FNUZ.FromBits(0x80));
        Assert.NotEqual(Float8E4M3FNUZ.MaxValue, Float8E4M3FNUZ.MinValue);
        Assert.Equal("240", Float8E4M3FNUZ.MaxValue.ToString());
        Assert.Equal("NaN", Float8E4M3FNUZ.NaN.ToString());
    }
}
