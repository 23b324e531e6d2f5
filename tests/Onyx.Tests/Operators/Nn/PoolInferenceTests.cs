using static Onyx.Tests.Operators.Nn.NnInference;

namespace Onyx.Tests.Operators.Nn;

public sealed class PoolInferenceTests
{
    [Fact]
    public void MaxPool_ceil_mode_rounds_up_and_indices_are_int64_of_the_same_shape()
    {
        string[] outputs = Outputs("MaxPool", g => [g.AddInput("x", DataType.Float, "N", 3, 6, 6)], 12, 2,
            Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Attribute.Create("ceil_mode", 1L));
        Assert.Equal(["tensor(float)[N,3,3,3]", "tensor(int64)[N,3,3,3]"], outputs);
    }

    [Fact]
    public void Ceil_mode_drops_a_window_that_would_start_in_the_end_padding()
    {
        string y = Output("AveragePool", g => [g.AddInput("x", DataType.Float, 1, 1, 5)], 19,
            Ints("kernel_shape", 2), Ints("strides", 2), Ints("pads", 1, 1), Attribute.Create("ceil_mode", 1L));
        Assert.Equal("tensor(float)[1,1,3]", y);
    }

    [Fact]
    public void MaxPool_with_dilations_and_same_lower()
    {
        string y = Output("MaxPool", g => [g.AddInput("x", DataType.Float, 1, 1, 9, 9)], 22,
            Ints("kernel_shape", 3, 3), Ints("dilations", 2, 2), Attribute.Create("auto_pad", "SAME_LOWER"), Ints("strides", 2, 2));
        Assert.Equal("tensor(float)[1,1,5,5]", y);
    }

    [Fact]
    public void MaxPool_requires_kernel_shape_of_the_spatial_rank()
    {
        string problem = Problem("MaxPool", g => [g.AddInput("x", DataType.Float, 1, 1, 9, 9)], 22, 1, Ints("kernel_shape", 3));
        Assert.Contains("'kernel_shape' has 1 values; expected 2", problem);
    }

    [Fact]
    public void Pools_reject_inputs_without_spatial_axes()
    {
        string problem = Problem("AveragePool", g => [g.AddInput("x", DataType.Float, 1, 4)], 22, 1, Ints("kernel_shape", 2));
        Assert.Contains("input X has rank 2; expected at least 3", problem);
    }

    [Fact]
    public void GlobalAveragePool_pools_every_spatial_axis_to_one()
    {
        Assert.Equal("tensor(float)[N,3,1,1,1]", Output("GlobalAveragePool", g => [g.AddInput("x", DataType.Float, "N", 3, 4, 5, 6)], 22));
    }

    [Fact]
    public void MaxUnpool_inverts_the_pool_window()
    {
        string y = Output("MaxUnpool", g => [g.AddInput("x", DataType.Float, 1, 1, 2, 2), g.AddInput("i", DataType.Int64, 1, 1, 2, 2)], 22,
            Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));
        Assert.Equal("tensor(float)[1,1,4,4]", y);
    }

    [Fact]
    public void Col2Im_reads_image_and_block_shapes_and_checks_the_block_count()
    {
        string y = Output("Col2Im", g =>
        [
            g.AddInput("x", DataType.Float, 1, 5, 5),
            g.AddInitializer("image", Tensor.FromArray([5L, 5L], 2)),
            g.AddInitializer("block", Tensor.FromArray([1L, 5L], 2)),
        ], 18);
        Assert.Equal("tensor(float)[1,1,5,5]", y);
        string problem = Problem("Col2Im", g =>
        [
            g.AddInput("x", DataType.Float, 1, 5, 6),
            g.AddInitializer("image", Tensor.FromArray([5L, 5L], 2)),
            g.AddInitializer("block", Tensor.FromArray([1L, 5L], 2)),
        ], 18, 1);
        Assert.Contains("6 does not match 5", problem);
    }
}
