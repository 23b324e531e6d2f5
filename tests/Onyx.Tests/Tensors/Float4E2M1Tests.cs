
namespace Onyx.Tests.Tensors;

public sealed class Float4E2M1Tests
{
    [Fact]
    public void Float4E2M1_decodes_the_table_of_float4_md()
    {
        // float4.md lists the magnitudes of codes 000..111: 0, 0.5, 1, 1.5, 2, 3, 4, 6; bit 3 is the sign.
        float[] magnitudes = [0f, 0.5f, 1f, 1.5f, 2f, 3f, 4f, 6f];
        for (int code = 0; code < 16; code++)
        {
            float value = (float)Float4E2M1.FromBits((byte)code);
            Assert.Equal(code < 8 ? magnitudes[code] : -magnitudes[code - 8], value);
            Assert.Equal(code >= 8, float.IsNegative(value));
            Assert.Equal(value, (double)Float4E2M1.FromBits((byte)code));
        }
    }

    [Fact]
    public void Float4E2M1_constants_and_from_bits_use_the_low_nibble()
    {
        Assert.Equal(6f, (float)Float4E2M1.MaxValue);
        Assert.Equal(-6f, (float)Float4E2M1.MinValue);
        Assert.Equal(0.5f, (float)Float4E2M1.Epsilon);
        Assert.Equal(0x3, Float4E2M1.FromBits(0xA3).Bits);
    }

    [Theory]
    [InlineData(0f, 0x0)]
    [InlineData(-0f, 0x8)]
    [InlineData(0.25f, 0x0)] // tie between 0 and 0.5: even 0
    [InlineData(0.2500001f, 0x1)]
    [InlineData(-0.1f, 0x8)] // rounds to -0
    [InlineData(0.75f, 0x2)] // tie between 0.5 (code 1) and 1 (code 2): even, subnormal to normal
    [InlineData(1.25f, 0x2)] // tie between 1 (code 2) and 1.5 (code 3): even 2
    [InlineData(1.75f, 0x4)] // tie between 1.5 (code 3) and 2 (code 4): even 4
    [InlineData(2.5f, 0x4)] // tie between 2 and 3: even 4
    [InlineData(3.5f, 0x6)] // tie between 3 and 4: even 6
    [InlineData(5f, 0x6)] // tie between 4 (code 6) and 6 (code 7): even 6
    [InlineData(5.0000005f, 0x7)]
    [InlineData(-5f, 0xE)]
    public void Float4E2M1_rounds_to_nearest_even(float input, int expected)
    {
        Assert.Equal(expected, Float4E2M1.FromSingle(input).Bits);
        Assert.Equal(expected, ((Float4E2M1)input).Bits);
    }

    [Theory]
    [InlineData(7f, 0x7)] // tie between 6 and 8 (past the range), saturates
    [InlineData(1e6f, 0x7)]
    [InlineData(float.PositiveInfinity, 0x7)]
    [InlineData(-9f, 0xF)]
    [InlineData(float.NegativeInfinity, 0xF)]
    public void Float4E2M1_saturates_values_beyond_6_and_infinities_to_6(float input, int expected)
    {
        Assert.Equal(expected, Float4E2M1.FromSingle(input).Bits);
    }

    [Fact]
    public void Float4E2M1_turns_nan_of_either_sign_into_positive_6()
    {
        // float4.md, Cast table: NaN -> 6.
        Assert.Equal(0x7, Float4E2M1.FromSingle(BitConverter.UInt32BitsToSingle(0x7FC00000)).Bits);
        Assert.Equal(0x7, Float4E2M1.FromSingle(BitConverter.UInt32BitsToSingle(0xFFC00000)).Bits);
    }

    [Fact]
    public void Float4E2M1_matches_the_cast_example_of_operators_md()
    {
        float[] input =
        [
            0.48f, 0.25f, 1.05f, -3.5f, -8f, 9f, 1000000f, 1e-7f,
            float.NaN, float.PositiveInfinity, float.NegativeInfinity, -4f, 0.01f, -0f,
        ];
        float[] expected = [0.5f, 0f, 1f, -4f, -6f, 6f, 6f, 0f, 6f, 6f, -6f, -4f, 0f, -0f];
        var converted = new Float4E2M1[input.Length];
        Float4E2M1.FromSingle(input, converted);
        var back = new float[input.Length];
        Float4E2M1.ToSingle(converted, back);
        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToUInt32Bits(expected[i]), BitConverter.SingleToUInt32Bits(back[i]));
        }
    }

    [Fact]
    public void Float4E2M1_every_code_round_trips_through_float()
    {
        for (int code = 0; code < 16; code++)
        {
            Assert.Equal(code, Float4E2M1.FromSingle((float)Float4E2M1.FromBits((byte)code)).Bits);
        }
    }

    [Fact]
    public void Float4E2M1_matches_exhaustive_nearest_search_on_random_floats()
    {
        // Magnitude code 8 stands for 2^(4-1) = 8, the first value past the range.
        List<float> samples = ReferenceRounding.Samples(
            seed: 21, count: 5000, minExponent: -4, maxExponent: 4, limit: 8, mantissaBits: 1, bias: 1);
        Assert.Empty(ReferenceRounding.Mismatches(
            samples,
            x => Float4E2M1.FromSingle(x).Bits,
            signBit: 0x8, maxMagnitude: 0x7, overflowCode: null, mantissaBits: 1, bias: 1));
    }

    [Fact]
    public void Float4E2M1_span_conversions_reject_length_mismatch()
    {
        Assert.Throws<ArgumentException>(() => Float4E2M1.FromSingle(new float[1], new Float4E2M1[2]));
        Assert.Throws<ArgumentException>(() => Float4E2M1.ToSingle(new Float4E2M1[1], new float[2]));
    }

    [Fact]
    public void Float4E2M1_equality_is_bitwise_and_to_string_shows_the_value()
    {
        Assert.NotEqual(Float4E2M1.FromBits(0x0), Float4E2M1.FromBits(0x8));
        Assert.Equal(Float4E2M1.MaxValue, Float4E2M1.FromBits(0x7));
        Assert.Equal(Float4E2M1.MaxValue.GetHashCode(), Float4E2M1.FromBits(0x7).GetHashCode());
        Assert.Equal("-1.5", Float4E2M1.FromBits(0xB).ToString());
    }
}
