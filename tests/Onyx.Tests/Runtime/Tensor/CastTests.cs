using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class CastTests
{
    private static readonly DataType[] Numeric =
    [
        DataType.Float, DataType.Double, DataType.Float16, DataType.BFloat16, DataType.Int8, DataType.Int16, DataType.Int32,
        DataType.Int64, DataType.UInt8, DataType.UInt16, DataType.UInt32, DataType.UInt64, DataType.Bool,
        DataType.Float8E4M3FN, DataType.Float8E4M3FNUZ, DataType.Float8E5M2, DataType.Float8E5M2FNUZ, DataType.Float8E8M0,
        DataType.Float4E2M1, DataType.Int4, DataType.UInt4, DataType.Int2, DataType.UInt2,
    ];

    private static OnnxValue Cast(OnnxValue x, DataType to, params Attribute[] more) =>
        Run("Cast", 25, [x], [Int("to", (long)to), .. more]);

    [Fact]
    public void One_survives_a_cast_between_every_pair_of_numeric_types()
    {
        var failures = new List<string>();
        foreach (DataType from in Numeric)
        {
            OnnxValue source = Cast(OnnxValue.FromArray([1f, 1f, 1f], 3), from);
            foreach (DataType to in Numeric)
            {
                float[] back = Cast(Cast(source, to), DataType.Float).ToArray<float>();
                if (!back.SequenceEqual([1f, 1f, 1f]))
                    failures.Add($"{from} -> {to}: [{string.Join(",", back)}]");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Reals_truncate_toward_zero_and_wrap_into_fixed_point()
    {
        Assert.Equal([255, 2, 44, 0], Cast(OnnxValue.FromArray([-1.5f, 2.7f, 300f, -0.9f], 4), DataType.UInt8).ToArray<byte>());
        Assert.Equal([-56, 127], Cast(OnnxValue.FromArray([200, 127], 2), DataType.Int8).ToArray<sbyte>());
        Assert.Equal([ulong.MaxValue], Cast(OnnxValue.FromArray([-1L], 1), DataType.UInt64).ToArray<ulong>());
        Assert.Equal([18446744073709551615f], Cast(OnnxValue.FromArray([ulong.MaxValue], 1), DataType.Float).ToArray<float>());
    }

    [Fact]
    public void Four_bit_integers_round_half_to_even_then_wrap()
    {
        Int4[] values = Cast(OnnxValue.FromArray([2.5f, -2.5f, 3.5f, 8f, 1.4f], 5), DataType.Int4).ToArray<Int4>();

        Assert.Equal(new sbyte[] { 2, -2, 4, -8, 1 }, values.Select(v => v.Value));
    }

    [Fact]
    public void Reals_to_bool_are_false_only_for_zeros()
    {
        Assert.Equal([false, false, true, true, true], Cast(OnnxValue.FromArray([0f, -0f, 0.1f, float.NaN, float.NegativeInfinity], 5), DataType.Bool).ToArray<bool>());
    }

    [Fact]
    public void Double_to_bfloat16_rounds_once()
    {
        // 1 + 2^-8 + 2^-30 lies just above the midpoint of 1 and 1 + 2^-7; through float it would land on the midpoint and round to 1.
        double value = 1 + Math.ScaleB(1, -8) + Math.ScaleB(1, -30);

        Assert.Equal(1.0078125f, (float)Cast(OnnxValue.FromArray([value], 1), DataType.BFloat16).ToArray<BFloat16>()[0]);
    }

    [Fact]
    public void Float8_saturate_attribute_chooses_between_the_largest_value_and_nan_or_infinity()
    {
        OnnxValue big = OnnxValue.FromArray([1e5f, -1e6f, float.PositiveInfinity], 3);

        Assert.Equal([448f, -448f, 448f], Cast(Cast(big, DataType.Float8E4M3FN), DataType.Float).ToArray<float>());
        Assert.All(Cast(Cast(big, DataType.Float8E4M3FN, Int("saturate", 0)), DataType.Float).ToArray<float>(), v => Assert.True(float.IsNaN(v)));
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity],
            Cast(Cast(big, DataType.Float8E5M2, Int("saturate", 0)), DataType.Float).ToArray<float>());
    }

    [Theory]
    [InlineData("up", 4f)]
    [InlineData("down", 2f)]
    [InlineData("nearest", 4f)]
    public void E8M0_round_mode_picks_the_power_of_two(string mode, float expected)
    {
        OnnxValue e8m0 = Cast(OnnxValue.FromArray([3f], 1), DataType.Float8E8M0, String("round_mode", mode));

        Assert.Equal([expected], Cast(e8m0, DataType.Float).ToArray<float>());
    }

    [Fact]
    public void Strings_parse_as_numbers_with_the_special_names_in_any_case()
    {
        OnnxValue text = OnnxValue.FromStrings(["1.5", "-INF", "inf", "NaN", "1e-5", " 3 "], 6);

        float[] values = Cast(text, DataType.Float).ToArray<float>();

        Assert.Equal([1.5f, float.NegativeInfinity, float.PositiveInfinity], values[..3]);
        Assert.True(float.IsNaN(values[3]));
        Assert.Equal([1e-5f, 3f], values[4..]);
        Assert.Equal([9007199254740993L], Cast(OnnxValue.FromStrings(["9007199254740993"], 1), DataType.Int64).ToArray<long>());
        Assert.Equal([false, true, true, false], Cast(OnnxValue.FromStrings(["0", "0.5", "True", "false"], 4), DataType.Bool).ToArray<bool>());
    }

    [Fact]
    public void Numbers_format_as_the_shortest_text_that_reads_back()
    {
        OnnxValue reals = OnnxValue.FromArray([1f, 0.1f, 1e-5f, float.NaN, float.NegativeInfinity, -2.5f], 6);

        Assert.Equal(["1.0", "0.1", "1e-05", "nan", "-inf", "-2.5"], Cast(reals, DataType.String).Tensor.ToStrings());
        Assert.Equal(["-7", "18446744073709551615"], [.. Cast(OnnxValue.FromArray([-7L], 1), DataType.String).Tensor.ToStrings(),
            .. Cast(OnnxValue.FromArray([ulong.MaxValue], 1), DataType.String).Tensor.ToStrings()]);
        Assert.Equal(["True", "False"], Cast(OnnxValue.FromArray([true, false], 2), DataType.String).Tensor.ToStrings());
    }

    [Fact]
    public void A_string_that_is_no_number_fails_naming_the_node_and_input()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => Cast(OnnxValue.FromStrings(["1", "one"], 2), DataType.Float));

        Assert.Contains("node", error.Message);
        Assert.Contains("'x0'", error.Message);
        Assert.Contains("'one'", error.Message);
    }

    [Fact]
    public void Empty_tensors_and_scalars_keep_their_shapes()
    {
        OnnxValue empty = Cast(OnnxValue.FromArray(Array.Empty<float>(), 2, 0), DataType.Int4);
        OnnxValue scalar = Cast(OnnxValue.FromTensor(Tensor.Scalar(7.9)), DataType.Int32);
        OnnxValue text = Cast(scalar, DataType.String);

        Assert.Equal([2L, 0L], empty.Dims);
        Assert.Empty(scalar.Dims);
        Assert.Equal([7], scalar.ToArray<int>());
        Assert.Empty(text.Dims);
        Assert.Equal(["7"], text.Tensor.ToStrings());
    }

    [Fact]
    public void Long_sub_byte_tensors_convert_across_chunks()
    {
        int[] values = [.. Enumerable.Range(0, 1001).Select(i => i % 16 - 8)];

        OnnxValue int4 = Cast(OnnxValue.FromArray(values, values.Length), DataType.Int4);

        Assert.Equal(values, Cast(int4, DataType.Int32).ToArray<int>());
    }

    [Fact]
    public void Cast_1_names_the_target_type()
    {
        OnnxValue y = Run("Cast", 1, [OnnxValue.FromArray([2.5f], 1)], String("to", "DOUBLE"));

        Assert.Equal([2.5], y.ToArray<double>());
    }

    [Fact]
    public void CastLike_takes_the_element_type_of_its_second_input()
    {
        OnnxValue y = Run("CastLike", 15, [OnnxValue.FromArray([2.5f, -1f], 2), OnnxValue.FromArray([0L], 1)]);

        Assert.Equal([2L, -1L], y.ToArray<long>());
    }

    [Fact]
    public void BitCast_reinterprets_the_bits()
    {
        OnnxValue y = Run("BitCast", 26, [OnnxValue.FromArray([1f, -2f], 2)], Int("to", (long)DataType.UInt32));

        Assert.Equal([0x3F800000u, 0xC0000000u], y.ToArray<uint>());
    }
}
