using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

/// <summary>The kernels that move elements: Transpose, Concat, Slice, Split, Tile, Expand, Pad, DepthToSpace, SpaceToDepth, Where, Trilu.</summary>
public sealed class LayoutKernelTests
{
    private static OnnxValue Longs(params long[] values) => OnnxValue.FromArray(values, values.Length);

    private static readonly OnnxValue Matrix = OnnxValue.FromArray([1, 2, 3, 4, 5, 6], 2, 3);

    [Fact]
    public void Transpose_reverses_the_axes_by_default_and_follows_perm()
    {
        OnnxValue x = OnnxValue.FromArray(Enumerable.Range(0, 24).ToArray(), 2, 3, 4);

        OnnxValue reversed = Run("Transpose", 13, [x]);
        OnnxValue permuted = Run("Transpose", 13, [x], Ints("perm", 1, 0, 2));

        Assert.Equal([4L, 3, 2], reversed.Dims);
        Assert.Equal([0, 12, 4, 16], reversed.ToArray<int>()[..4]);
        Assert.Equal([3L, 2, 4], permuted.Dims);
        Assert.Equal([0, 1, 2, 3, 12, 13], permuted.ToArray<int>()[..6]);
    }

    [Fact]
    public void Transpose_moves_packed_4_bit_elements()
    {
        // uint4 [2,2] = [[1,2],[3,4]], two per byte, low nibble first.
        var x = OnnxValue.FromTensor(new Tensor(DataType.UInt4, [2, 2], new byte[] { 0x21, 0x43 }));

        OnnxValue y = Run("Transpose", 21, [x]);

        Assert.Equal(new byte[] { 0x31, 0x42 }, y.Tensor.RawData.ToArray());
    }

    [Fact]
    public void Concat_joins_strings_along_a_negative_axis_and_skips_empty_inputs()
    {
        OnnxValue a = OnnxValue.FromStrings(["a", "b"], 2, 1), b = OnnxValue.FromStrings(["c", "d"], 2, 1), none = OnnxValue.FromStrings([], 2, 0);

        OnnxValue y = Run("Concat", 13, [a, none, b], Int("axis", -1));

        Assert.Equal([2L, 2], y.Dims);
        Assert.Equal(["a", "c", "b", "d"], y.Tensor.ToStrings());
    }

    [Fact]
    public void Concat_of_mismatched_shapes_names_the_input()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Concat", 13, [Matrix, OnnxValue.FromArray([1, 2], 1, 2)], Int("axis", 0)));

        Assert.Contains("input 1 ('x1')", e.Message);
    }

    [Fact]
    public void Slice_clamps_and_steps_backwards()
    {
        OnnxValue y = Run("Slice", 13, [Matrix, Longs(-1, long.MaxValue), Longs(-100, long.MinValue), Longs(0, 1), Longs(-1, -2)]);

        Assert.Equal([2L, 2], y.Dims);
        Assert.Equal([6, 4, 3, 1], y.ToArray<int>());
    }

    [Fact]
    public void Slice_1_reads_its_attributes()
    {
        OnnxValue y = Run("Slice", 1, [Matrix], Ints("starts", 1), Ints("ends", 3), Ints("axes", 1));

        Assert.Equal([2, 3, 5, 6], y.ToArray<int>());
    }

    [Fact]
    public void Split_into_uneven_parts_with_num_outputs_and_by_sizes()
    {
        OnnxValue x = OnnxValue.FromArray([1f, 2, 3, 4, 5], 5);

        OnnxValue[] even = Run("Split", 18, [x], 3, Int("num_outputs", 3));
        OnnxValue[] sized = Run("Split", 13, [x, Longs(1, 4)], 2);

        Assert.Equal([[1f, 2], [3f, 4], [5f]], even.Select(v => v.ToArray<float>()));
        Assert.Equal([[1f], [2f, 3, 4, 5]], sized.Select(v => v.ToArray<float>()));
        var e = Assert.Throws<OnnxRuntimeException>(() => Run("Split", 13, [x, Longs(1, 1)], 2));
        Assert.Contains("adding up to 5", e.Message);
    }

    [Fact]
    public void Tile_and_expand_repeat_and_broadcast()
    {
        OnnxValue tiled = Run("Tile", 13, [OnnxValue.FromArray([true, false], 2), Longs(2)]);
        OnnxValue expanded = Run("Expand", 13, [OnnxValue.FromArray([1, 2], 2, 1), Longs(2, 1, 3)]);

        Assert.Equal([true, false, true, false], tiled.ToArray<bool>());
        Assert.Equal([2L, 2, 3], expanded.Dims);
        Assert.Equal([1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2], expanded.ToArray<int>());
    }

    [Theory]
    [InlineData("constant", new[] { 9, 9, 1, 2, 3, 9 })]
    [InlineData("reflect", new[] { 3, 2, 1, 2, 3, 2 })]
    [InlineData("edge", new[] { 1, 1, 1, 2, 3, 3 })]
    [InlineData("wrap", new[] { 2, 3, 1, 2, 3, 1 })]
    public void Pad_fills_by_mode(string mode, int[] expected)
    {
        OnnxValue y = Run("Pad", 19, [OnnxValue.FromArray([1, 2, 3], 3), Longs(2, 1), OnnxValue.FromTensor(Tensor.Scalar(9))], String("mode", mode));

        Assert.Equal(expected, y.ToArray<int>());
    }

    [Fact]
    public void Pad_crops_with_negative_pads_and_pads_only_the_given_axes()
    {
        OnnxValue cropped = Run("Pad", 18, [Matrix, Longs(0, -1, 0, 1)]);
        OnnxValue columns = Run("Pad", 18, [Matrix, Longs(1, 0), null, Longs(-1)]);

        Assert.Equal([2, 3, 0, 5, 6, 0], cropped.ToArray<int>());
        Assert.Equal([2L, 4], columns.Dims);
        Assert.Equal([0, 1, 2, 3, 0, 4, 5, 6], columns.ToArray<int>());
    }

    [Fact]
    public void Pad_with_the_wrong_number_of_pads_fails()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Pad", 18, [Matrix, Longs(1, 1)]));

        Assert.Contains("must hold 4 values", e.Message);
    }

    [Fact]
    public void DepthToSpace_and_SpaceToDepth_invert_each_other()
    {
        OnnxValue x = OnnxValue.FromArray(Enumerable.Range(0, 16).Select(i => (float)i).ToArray(), 1, 4, 2, 2);

        OnnxValue space = Run("DepthToSpace", 13, [x], Int("blocksize", 2), String("mode", "CRD"));
        OnnxValue depth = Run("SpaceToDepth", 13, [OnnxValue.FromArray(Enumerable.Range(0, 16).Select(i => (float)i).ToArray(), 1, 1, 4, 4)], Int("blocksize", 2));

        Assert.Equal([1L, 1, 4, 4], space.Dims);
        Assert.Equal([0f, 4, 1, 5, 8, 12, 9, 13], space.ToArray<float>()[..8]);
        Assert.Equal([1L, 4, 2, 2], depth.Dims);
        Assert.Equal([0f, 2, 8, 10], depth.ToArray<float>()[..4]);
    }

    [Fact]
    public void Where_broadcasts_strings()
    {
        OnnxValue y = Run("Where", 16, [OnnxValue.FromArray([true, false], 2), OnnxValue.FromStrings(["x"], 1), OnnxValue.FromStrings(["a", "b", "c", "d"], 2, 2)]);

        Assert.Equal(["x", "b", "x", "d"], y.Tensor.ToStrings());
    }

    [Fact]
    public void Trilu_keeps_the_lower_triangle_below_a_negative_k()
    {
        OnnxValue y = Run("Trilu", 14, [OnnxValue.FromArray(Enumerable.Range(1, 9).ToArray(), 3, 3), OnnxValue.FromTensor(Tensor.Scalar(-1L))], Int("upper", 0));

        Assert.Equal([0, 0, 0, 4, 0, 0, 7, 8, 0], y.ToArray<int>());
    }
}
