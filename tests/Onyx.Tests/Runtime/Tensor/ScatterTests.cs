using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class ScatterTests
{
    [Theory]
    [InlineData("add", new[] { 1, 7, 3 })]
    [InlineData("mul", new[] { 1, 8, 3 })]
    [InlineData("max", new[] { 1, 4, 3 })]
    [InlineData("min", new[] { 1, 1, 3 })]
    public void ScatterElements_reductions_combine_duplicate_indices(string reduction, int[] expected)
    {
        OnnxValue y = Run("ScatterElements", 18,
            [OnnxValue.FromArray([1, 2, 3], 3), OnnxValue.FromArray([1L, -2L], 2), OnnxValue.FromArray([4, 1], 2)],
            String("reduction", reduction));

        Assert.Equal(expected, y.ToArray<int>());
    }

    [Fact]
    public void ScatterElements_reduces_half_and_bfloat16_and_replaces_strings()
    {
        OnnxValue half = Run("ScatterElements", 18,
            [OnnxValue.FromArray([(Half)1, (Half)2], 2), OnnxValue.FromArray([0L], 1), OnnxValue.FromArray([(Half)0.5], 1)],
            String("reduction", "add"));
        OnnxValue bf16 = Run("ScatterElements", 18,
            [OnnxValue.FromArray([(BFloat16)1f, (BFloat16)2f], 2), OnnxValue.FromArray([1L], 1), OnnxValue.FromArray([(BFloat16)3f], 1)],
            String("reduction", "mul"));
        OnnxValue text = Run("ScatterElements", 13,
            [OnnxValue.FromStrings(["a", "b", "c", "d"], 2, 2), OnnxValue.FromArray([1L, 0L], 1, 2), OnnxValue.FromStrings(["x", "y"], 1, 2)],
            Int("axis", 0));

        Assert.Equal([(Half)1.5, (Half)2], half.ToArray<Half>());
        Assert.Equal([1f, 6f], bf16.ToArray<BFloat16>().Select(v => (float)v));
        Assert.Equal(["a", "y", "x", "d"], text.Tensor.ToStrings());
    }

    [Fact]
    public void Scatter_9_is_ScatterElements_without_reduction()
    {
        OnnxValue y = Run("Scatter", 9, [OnnxValue.FromArray([0f, 0f, 0f], 1, 3), OnnxValue.FromArray([2L], 1, 1), OnnxValue.FromArray([5f], 1, 1)], Int("axis", 1));

        Assert.Equal([0f, 0f, 5f], y.ToArray<float>());
    }

    [Fact]
    public void A_reduction_on_strings_and_mismatched_updates_fail()
    {
        Assert.Throws<OnnxRuntimeException>(() => Run("ScatterElements", 18,
            [OnnxValue.FromStrings(["a"], 1), OnnxValue.FromArray([0L], 1), OnnxValue.FromStrings(["b"], 1)], String("reduction", "add")));
        var error = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("ScatterElements", 18,
            [OnnxValue.FromArray([1, 2], 2), OnnxValue.FromArray([0L], 1), OnnxValue.FromArray([1, 1], 2)]));
        Assert.Contains("'x2'", error.Message);
    }

    [Fact]
    public void ScatterND_writes_slices_and_adds_duplicates()
    {
        OnnxValue data = OnnxValue.FromArray([1L, 2, 3, 4], 2, 2);

        OnnxValue rows = Run("ScatterND", 13, [data, OnnxValue.FromArray([-1L], 1, 1), OnnxValue.FromArray([9L, 8L], 1, 2)]);
        OnnxValue sums = Run("ScatterND", 18, [data, OnnxValue.FromArray([0L, 0L, 0L, 0L], 2, 2), OnnxValue.FromArray([10L, 20L], 2)], String("reduction", "add"));

        Assert.Equal([1L, 2, 9, 8], rows.ToArray<long>());
        Assert.Equal([31L, 2, 3, 4], sums.ToArray<long>());
        var error = Assert.Throws<OnnxRuntimeException>(() => Run("ScatterND", 13, [data, OnnxValue.FromArray([2L], 1, 1), OnnxValue.FromArray([9L, 8L], 1, 2)]));
        Assert.Contains("index 2", error.Message);
    }

    [Fact]
    public void TensorScatter_writes_each_batch_from_its_index_and_wraps_in_circular_mode()
    {
        OnnxValue cache = OnnxValue.FromArray([0f, 0, 0, 0, 0, 0, 0, 0], 2, 4, 1);
        OnnxValue update = OnnxValue.FromArray([1f, 2, 3, 4], 2, 2, 1);
        OnnxValue writes = OnnxValue.FromArray([1L, 3L], 2);

        OnnxValue circular = Run("TensorScatter", 24, [cache, update, writes], String("mode", "circular"));

        Assert.Equal([0f, 1, 2, 0, 4, 0, 0, 3], circular.ToArray<float>());
        var error = Assert.Throws<OnnxRuntimeException>(() => Run("TensorScatter", 24, [cache, update, writes]));
        Assert.Contains("'x2'", error.Message);
    }

    [Fact]
    public void TensorScatter_moves_packed_four_bit_elements()
    {
        OnnxValue cache = OnnxValue.FromArray([Int4.FromBits(1), Int4.FromBits(2), Int4.FromBits(3)], 1, 3, 1);
        OnnxValue update = OnnxValue.FromArray([Int4.FromBits(0xF)], 1, 1, 1);

        OnnxValue y = Run("TensorScatter", 24, [cache, update, null]);

        Assert.Equal(new sbyte[] { -1, 2, 3 }, y.ToArray<Int4>().Select(v => v.Value));
    }
}
