using static Onyx.Tests.Operators.TensorOperators.TensorInference;

namespace Onyx.Tests.Operators.TensorOperators;

/// <summary>Output shapes of the tensor operators from attributes and constant inputs, and the inputs they reject.</summary>
public sealed class TensorShapeTests
{
    [Theory]
    [InlineData(new long[] { 0, -1 }, "[2,12]")]
    [InlineData(new long[] { -1, 0, 2 }, "[4,3,2]")]
    [InlineData(new long[] { 2, 0, 2, 2 }, "[2,3,2,2]")]
    public void Reshape_copies_zeros_and_infers_minus_one(long[] shape, string expected)
    {
        string type = InferNode("Reshape", g => [g.AddInput("x", DataType.Float, 2, 3, 4), Ints(g, "shape", shape)], 13);
        Assert.Equal($"tensor(float){expected}", type);
    }

    [Fact]
    public void Reshape_with_allowzero_keeps_zero_sizes()
    {
        string type = InferNode("Reshape", g => [g.AddInput("x", DataType.Float, 0, 3, 4), Ints(g, "shape", 3, 4, 0)], 14, Attribute.Create("allowzero", 1L));
        Assert.Equal("tensor(float)[3,4,0]", type);
    }

    [Fact]
    public void Reshape_version_1_reads_the_shape_attribute()
    {
        string type = InferNode("Reshape", g => [g.AddInput("x", DataType.Float, 2, 3, 4)], 1, Attribute.Create("shape", new long[] { 6, -1 }));
        Assert.Equal("tensor(float)[6,4]", type);
    }

    [Theory]
    [InlineData(new long[] { -1, -1 }, "more than one -1")]
    [InlineData(new long[] { 5, 5 }, "element counts differ")]
    [InlineData(new long[] { 5, -1 }, "cannot be filled")]
    [InlineData(new long[] { -2, 12 }, "only -1 and non-negative")]
    [InlineData(new long[] { 0, 0, 0, 0 }, "has no dim 3")]
    [InlineData(new long[] { 4611686018427387904, 4, -1 }, "overflows")]
    public void Reshape_rejects_an_impossible_shape(long[] shape, string problem)
    {
        string message = Failure("Reshape", g => [g.AddInput("x", DataType.Float, 2, 3, 4), Ints(g, "shape", shape)], 13);
        Assert.Contains(problem, message);
    }

    [Fact]
    public void Slice_clamps_out_of_range_starts_and_ends()
    {
        string type = InferNode("Slice", g => [g.AddInput("x", DataType.Float, 20, 10, 5), Ints(g, "s", 0, 1000), Ints(g, "e", 3, 1001), Ints(g, "a", 0, 1)], 13);
        Assert.Equal("tensor(float)[3,0,5]", type);
    }

    [Fact]
    public void Slice_keeps_a_symbolic_dim_sliced_whole_and_forgets_a_partial_one()
    {
        string type = InferNode("Slice", g => [g.AddInput("x", DataType.Float, "batch", "seq"),
            Ints(g, "s", 0, 1), Ints(g, "e", long.MaxValue, long.MaxValue)], 13);
        Assert.Equal("tensor(float)[batch,?]", type);
    }

    [Fact]
    public void Slice_version_1_reads_attributes()
    {
        string type = InferNode("Slice", g => [g.AddInput("x", DataType.Float, 20, 10, 5)], 1,
            Attribute.Create("starts", new long[] { 1, -3 }), Attribute.Create("ends", new long[] { 5, -1 }), Attribute.Create("axes", new long[] { 0, 2 }));
        Assert.Equal("tensor(float)[4,10,2]", type);
    }

    [Fact]
    public void Slice_rejects_a_zero_step()
    {
        string message = Failure("Slice", g => [g.AddInput("x", DataType.Float, 4), Ints(g, "s", 0), Ints(g, "e", 4), Ints(g, "a", 0), Ints(g, "st", 0)], 13);
        Assert.Contains("steps element 0 is 0", message);
    }

    [Fact]
    public void Split_by_num_outputs_makes_the_last_part_smaller()
    {
        var g = new GraphBuilder();
        Node split = g.AddNode("Split", [g.AddInput("x", DataType.Float, 7, "n")], 3, "", Attribute.Create("num_outputs", 3L));
        Assert.Equal(["tensor(float)[3,n]", "tensor(float)[3,n]", "tensor(float)[1,n]"], Infer(g, 18, [.. split.Outputs]));
    }

    [Fact]
    public void Split_rejects_parts_that_do_not_add_up()
    {
        var g = new GraphBuilder();
        g.AddNode("Split", [g.AddInput("x", DataType.Float, 7), Ints(g, "split", 3, 3)], 2);
        var error = Assert.Throws<ShapeInferenceException>(() => Infer(g, 13, "Split_output_0"));
        Assert.Contains("adds up to 6", error.Message);
    }

    [Fact]
    public void Squeeze_rejects_an_axis_whose_dim_is_not_one()
    {
        string message = Failure("Squeeze", g => [g.AddInput("x", DataType.Float, 1, 3), Ints(g, "axes", 1)], 13);
        Assert.Contains("its dim is 3, not 1", message);
    }

    [Fact]
    public void Unsqueeze_counts_negative_axes_in_the_output_rank()
    {
        Assert.Equal("tensor(float)[1,3,1,1,5]", InferNode("Unsqueeze", g => [g.AddInput("x", DataType.Float, 3, 5), Ints(g, "axes", 0, -2, 2)], 13));
        Assert.Equal("tensor(float)[3,1,5]", InferNode("Unsqueeze", g => [g.AddInput("x", DataType.Float, 3, 5)], 11, Attribute.Create("axes", new long[] { 1 })));
    }

    [Fact]
    public void Concat_adds_known_sizes_and_keeps_shared_symbols()
    {
        Assert.Equal("tensor(float)[batch,7]", InferNode("Concat", g => [g.AddInput("a", DataType.Float, "batch", 3), g.AddInput("b", DataType.Float, "batch", 4)], 13,
            Attribute.Create("axis", 1L)));
        Assert.Equal("tensor(float)[?,3]", InferNode("Concat", g => [g.AddInput("a", DataType.Float, "batch", 3), g.AddInput("b", DataType.Float, 2, 3)], 13,
            Attribute.Create("axis", 0L)));
    }

    [Fact]
    public void Concat_rejects_inputs_of_different_ranks()
    {
        string message = Failure("Concat", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 2)], 13, Attribute.Create("axis", 0L));
        Assert.Contains("same rank", message);
    }

    [Fact]
    public void Pad_since_18_pads_only_the_listed_axes()
    {
        string type = InferNode("Pad", g => [g.AddInput("x", DataType.Float, "n", 3, 4, 5), Ints(g, "pads", 1, -1, 2, 0), g.AddInitializer("c", Tensor.Scalar(0f)),
            Ints(g, "axes", 1, -1)], 18);
        Assert.Equal("tensor(float)[n,6,4,4]", type);
    }

    [Fact]
    public void Pad_version_2_reads_the_pads_attribute()
    {
        Assert.Equal("tensor(float)[4,7]", InferNode("Pad", g => [g.AddInput("x", DataType.Float, 2, 3)], 2, Attribute.Create("pads", new long[] { 1, 2, 1, 2 })));
    }

    [Fact]
    public void Resize_with_not_larger_sizes_keeps_the_aspect_ratio()
    {
        string type = InferNode("Resize", g => [g.AddInput("x", DataType.Float, 1, 1, 4, 4), "", "", Ints(g, "sizes", 3, 2)], 18,
            Attribute.Create("axes", new long[] { 2, 3 }), Attribute.Create("keep_aspect_ratio_policy", "not_larger"));
        Assert.Equal("tensor(float)[1,1,2,2]", type);
    }

    [Fact]
    public void Resize_with_scales_floors_each_dim()
    {
        string type = InferNode("Resize", g => [g.AddInput("x", DataType.Float, "n", 3, 5, 5), "", g.AddInitializer("scales", Tensor.FromArray(new[] { 1f, 1f, 0.6f, 1.5f }, 4))], 13);
        Assert.Equal("tensor(float)[n,3,3,7]", type);
    }

    [Fact]
    public void Tile_multiplies_each_dim_by_its_repeat()
    {
        Assert.Equal("tensor(float)[batch,6]", InferNode("Tile", g => [g.AddInput("x", DataType.Float, "batch", 2), Ints(g, "r", 1, 3)], 13));
    }

    [Fact]
    public void Transpose_rejects_a_perm_that_is_not_a_permutation()
    {
        string message = Failure("Transpose", g => [g.AddInput("x", DataType.Float, 2, 3)], 13, Attribute.Create("perm", new long[] { 0, 0 }));
        Assert.Contains("more than once", message);
    }

    [Fact]
    public void Gather_with_batch_of_indices_inserts_their_dims()
    {
        Assert.Equal("tensor(float)[5,n,2,4]", InferNode("Gather", g => [g.AddInput("x", DataType.Float, 5, 3, 4), g.AddInput("i", DataType.Int64, "n", 2)], 13,
            Attribute.Create("axis", 1L)));
    }

    [Fact]
    public void GatherND_with_batch_dims_drops_the_indexed_dims()
    {
        Assert.Equal("tensor(float)[2,3,5]", InferNode("GatherND", g => [g.AddInput("x", DataType.Float, 2, 4, 5), g.AddInput("i", DataType.Int64, 2, 3, 1)], 13,
            Attribute.Create("batch_dims", 1L)));
    }

    [Fact]
    public void DepthToSpace_rejects_channels_not_divisible_by_the_block_area()
    {
        string message = Failure("DepthToSpace", g => [g.AddInput("x", DataType.Float, 1, 6, 2, 2)], 13, Attribute.Create("blocksize", 2L));
        Assert.Contains("divisible by 4", message);
    }

    [Fact]
    public void Constant_needs_exactly_one_value_attribute()
    {
        string message = Failure("Constant", _ => [], 13, Attribute.Create("value_int", 1L), Attribute.Create("value_float", 1f));
        Assert.Contains("exactly one", message);
    }

    [Fact]
    public void Cast_version_1_reads_a_type_name()
    {
        Assert.Equal("tensor(double)[2]", InferNode("Cast", g => [g.AddInput("x", DataType.Float, 2)], 1, Attribute.Create("to", "DOUBLE")));
    }

    [Fact]
    public void Unique_without_axis_gives_one_dim_outputs_of_unknown_length()
    {
        var g = new GraphBuilder();
        Node unique = g.AddNode("Unique", [g.AddInput("x", DataType.Float, 2, 3)], 4);
        Assert.Equal(["tensor(float)[?]", "tensor(int64)[?]", "tensor(int64)[6]", "tensor(int64)[?]"], Infer(g, 11, [.. unique.Outputs]));
    }

    [Fact]
    public void NonZero_of_a_constant_counts_its_non_zero_elements()
    {
        Assert.Equal("tensor(int64)[2,3]", InferNode("NonZero", g => [g.AddInitializer("x", Tensor.FromArray(new[] { 1f, 0f, 2f, 0f, 3f, 0f }, 2, 3))], 13));
    }

    [Fact]
    public void AffineGrid_takes_the_grid_size_from_a_constant_size_input()
    {
        Assert.Equal("tensor(float)[2,4,5,6,3]", InferNode("AffineGrid", g => [g.AddInput("theta", DataType.Float, "n", 3, 4), Ints(g, "size", 2, 1, 4, 5, 6)], 20));
    }

    [Fact]
    public void GridSample_takes_the_spatial_dims_from_the_grid()
    {
        Assert.Equal("tensor(float)[n,3,7,9]", InferNode("GridSample", g => [g.AddInput("x", DataType.Float, "n", 3, 10, 10), g.AddInput("grid", DataType.Float, "n", 7, 9, 2)], 16));
    }

    [Fact]
    public void CenterCropPad_replaces_the_listed_axes()
    {
        Assert.Equal("tensor(float)[3,10,9]", InferNode("CenterCropPad", g => [g.AddInput("x", DataType.Float, 3, 20, 8), Ints(g, "shape", 10, 9)], 18,
            Attribute.Create("axes", new long[] { 1, 2 })));
    }

    [Fact]
    public void Compress_with_a_constant_condition_counts_the_selected_slices()
    {
        Assert.Equal("tensor(float)[3,2]", InferNode("Compress", g => [g.AddInput("x", DataType.Float, 3, 4), g.AddInitializer("c", Tensor.FromArray(new[] { true, false, true }, 3))], 11,
            Attribute.Create("axis", 1L)));
    }

    [Fact]
    public void OneHot_with_a_float_depth_inserts_it_at_the_axis()
    {
        Assert.Equal("tensor(int32)[2,10,3]", InferNode("OneHot", g => [g.AddInput("i", DataType.Int64, 2, 3), g.AddInitializer("depth", Tensor.FromArray(new[] { 10f }, 1)),
            g.AddInput("values", DataType.Int32, 2)], 11, Attribute.Create("axis", 1L)));
    }

    [Fact]
    public void EyeLike_uses_dtype_and_needs_a_matrix()
    {
        Assert.Equal("tensor(double)[3,n]", InferNode("EyeLike", g => [g.AddInput("x", DataType.Float, 3, "n")], 9, Attribute.Create("dtype", (long)DataType.Double)));
        Assert.Contains("rank 2", Failure("EyeLike", g => [g.AddInput("x", DataType.Float, 3)], 9));
    }

    [Fact]
    public void BitCast_rejects_a_target_of_another_width()
    {
        Assert.Equal("tensor(int32)[2,3]", InferNode("BitCast", g => [g.AddInput("x", DataType.Float, 2, 3)], 26, Attribute.Create("to", (long)DataType.Int32)));
        Assert.Contains("bit width", Failure("BitCast", g => [g.AddInput("x", DataType.Float, 2, 3)], 26, Attribute.Create("to", (long)DataType.Int64)));
    }

    [Fact]
    public void TensorScatter_rejects_an_update_that_differs_outside_the_sequence_axis()
    {
        Assert.Equal("tensor(float)[2,4,16,8]", InferNode("TensorScatter", g => [g.AddInput("past", DataType.Float, 2, 4, 16, 8), g.AddInput("update", DataType.Float, 2, 4, 1, 8)], 24));
        Assert.Contains("dimension 1", Failure("TensorScatter", g => [g.AddInput("past", DataType.Float, 2, 4, 16, 8), g.AddInput("update", DataType.Float, 2, 3, 1, 8)], 24));
    }

    [Fact]
    public void Where_broadcasts_all_three_inputs()
    {
        Assert.Equal("tensor(int64)[2,3,4]", InferNode("Where", g => [g.AddInput("c", DataType.Bool, 3, 1), g.AddInput("x", DataType.Int64, 2, 1, 4), g.AddInput("y", DataType.Int64, 1)], 16));
    }
}
