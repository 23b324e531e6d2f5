using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.NnKernels;

public sealed class AttentionAndConvKernelTests
{
    private static OnnxValue Floats(float[] values, params long[] dims) => OnnxValue.FromArray(values, dims);

    [Fact]
    public void RotaryEmbedding_rotates_float16_pairs_by_the_position_angle()
    {
        OnnxValue x = OnnxValue.FromArray([(Half)1, (Half)0], 1, 1, 1, 2);
        OnnxValue cos = OnnxValue.FromArray([(Half)1, (Half)0], 2, 1), sin = OnnxValue.FromArray([(Half)0, (Half)1], 2, 1);

        OnnxValue y = Run("RotaryEmbedding", 23, [x, cos, sin, OnnxValue.FromArray([1L], 1, 1)]);

        Assert.Equal(DataType.Float16, y.ElementType);
        Assert.Equal([0.0, 1.0], y.ToArray<Half>().Select(v => (double)v));
    }

    [Fact]
    public void RotaryEmbedding_with_a_position_past_the_cache_names_the_node_and_input()
    {
        OnnxValue cos = Floats([1f], 1, 1);

        var e = Assert.Throws<OnnxRuntimeException>(() => Run("RotaryEmbedding", 23, [Floats([1f, 0], 1, 1, 1, 2), cos, cos, OnnxValue.FromArray([5L], 1, 1)]));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("input position_ids", e.Message);
    }

    [Fact]
    public void Attention_causal_rows_average_only_the_visible_values()
    {
        OnnxValue q = Floats([0f, 0, 0, 0], 1, 1, 2, 2), v = Floats([1f, 3], 1, 1, 2, 1);

        OnnxValue y = Run("Attention", 23, [q, q, v], Int("is_causal", 1));

        Assert.Equal([1L, 1, 2, 1], y.Dims);
        Assert.Equal([1f, 2f], y.ToArray<float>());
    }

    [Fact]
    public void Attention_gives_a_zero_row_for_a_fully_masked_query()
    {
        OnnxValue q = Floats([0f, 0, 0, 0], 1, 1, 2, 2), v = Floats([1f, 3], 1, 1, 2, 1);
        OnnxValue mask = OnnxValue.FromArray([false, false, true, true], 2, 2);

        OnnxValue y = Run("Attention", 23, [q, q, v, mask]);

        Assert.Equal([0f, 2f], y.ToArray<float>());
    }

    [Fact]
    public void Attention_shares_one_key_value_head_among_query_heads_in_3d()
    {
        OnnxValue q = Floats([1f, 2], 1, 1, 2), k = Floats([5f], 1, 1, 1), v = Floats([7f], 1, 1, 1);

        OnnxValue y = Run("Attention", 23, [q, k, v], Int("q_num_heads", 2), Int("kv_num_heads", 1));

        Assert.Equal([1L, 1, 2], y.Dims);
        Assert.Equal([7f, 7f], y.ToArray<float>());
    }

    [Fact]
    public void Attention_with_an_empty_batch_gives_an_empty_output()
    {
        OnnxValue q = Floats([], 0, 1, 1, 2);

        OnnxValue y = Run("Attention", 23, [q, q, q]);

        Assert.Equal([0L, 1, 1, 2], y.Dims);
    }

    [Fact]
    public void Attention_whose_query_heads_are_not_a_multiple_of_the_kv_heads_names_the_node()
    {
        OnnxValue q = Floats(new float[3], 1, 3, 1, 1), k = Floats(new float[2], 1, 2, 1, 1);

        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Attention", 23, [q, k, k]));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("heads", e.Message);
    }

    [Fact]
    public void ConvInteger_subtracts_the_zero_point_and_gives_int32()
    {
        OnnxValue x = OnnxValue.FromArray(new byte[] { 1, 2, 3, 4 }, 1, 1, 2, 2), w = OnnxValue.FromArray(new byte[] { 1 }, 1, 1, 1, 1);

        OnnxValue y = Run("ConvInteger", 10, [x, w, OnnxValue.FromArray(new byte[] { 1 })]);

        Assert.Equal(DataType.Int32, y.ElementType);
        Assert.Equal([0, 1, 2, 3], y.ToArray<int>());
    }

    [Fact]
    public void QLinearConv_requantizes_with_rounding_half_to_even_and_saturates()
    {
        OnnxValue x = OnnxValue.FromArray(new byte[] { 1, 3, 255 }, 1, 1, 1, 3), w = OnnxValue.FromArray(new sbyte[] { 2 }, 1, 1, 1, 1);
        OnnxValue scale = OnnxValue.FromArray([0.25f]), one = OnnxValue.FromArray([1f]);

        OnnxValue y = Run("QLinearConv", 10, [x, scale, OnnxValue.FromArray(new byte[] { 0 }), w, one, OnnxValue.FromArray(new sbyte[] { 0 }), one, OnnxValue.FromArray(new byte[] { 0 })]);

        // 1·2·0.25 = 0.5 → 0, 3·2·0.25 = 1.5 → 2, 255·2·0.25 = 127.5 → 128.
        Assert.Equal(new byte[] { 0, 2, 128 }, y.ToArray<byte>());
    }

    [Fact]
    public void DeformConv_samples_between_pixels_at_fractional_offsets()
    {
        OnnxValue x = Floats([1f, 2, 3, 4], 1, 1, 2, 2), w = Floats([2f], 1, 1, 1, 1);
        OnnxValue offset = Floats([0f, 0, 0, 0, 0.5f, 0.5f, 0.5f, 0.5f], 1, 2, 2, 2);

        OnnxValue y = Run("DeformConv", 19, [x, w, offset]);

        Assert.Equal([3f, 2f, 7f, 4f], y.ToArray<float>());
    }

    [Fact]
    public void DeformConv_with_a_wrong_offset_shape_names_the_input()
    {
        OnnxValue x = Floats([1f, 2, 3, 4], 1, 1, 2, 2), w = Floats([2f], 1, 1, 1, 1);

        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("DeformConv", 19, [x, w, Floats(new float[4], 1, 1, 2, 2)]));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("input offset", e.Message);
    }
}
