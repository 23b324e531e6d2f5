namespace Onyx.Tests.Operators.ReduceOperators;

public sealed class ReduceInferenceTests
{
    private static string Infer(string opType, long opset, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes) =>
        OneNodeInference.Outputs(opType, inputs, opset, 1, attributes).Single();

    private static string Failure(string opType, long opset, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Infer(opType, opset, inputs, attributes)).Message;

    /// <summary>The usual input: float data of shape [N,3,4].</summary>
    private static string Data(GraphBuilder g) => g.AddInput("data", DataType.Float, "N", 3, 4);

    private static string AxesInput(GraphBuilder g, params long[] axes) => g.AddInitializer("axes", Tensor.FromArray(axes, axes.Length));

    private static Attribute Axes(params long[] axes) => Attribute.Create("axes", axes);

    private static Attribute KeepDims(long keep) => Attribute.Create("keepdims", keep);

    private static Attribute NoopWithEmptyAxes => Attribute.Create("noop_with_empty_axes", 1L);

    [Fact]
    public void ReduceSum_13_takes_axes_from_a_constant_input_and_keeps_the_symbolic_dim() =>
        Assert.Equal("tensor(float)[N,4]", Infer("ReduceSum", 13, g => [Data(g), AxesInput(g, 1)], KeepDims(0)));

    [Fact]
    public void ReduceSum_11_takes_axes_from_the_attribute() =>
        Assert.Equal("tensor(float)[N,1,4]", Infer("ReduceSum", 11, g => [Data(g)], Axes(1)));

    [Theory]
    [InlineData("ReduceMean")]
    [InlineData("ReduceMax")]
    [InlineData("ReduceMin")]
    [InlineData("ReduceProd")]
    [InlineData("ReduceL1")]
    [InlineData("ReduceL2")]
    [InlineData("ReduceLogSum")]
    [InlineData("ReduceLogSumExp")]
    [InlineData("ReduceSumSquare")]
    public void Reductions_take_axes_from_the_attribute_before_18_and_from_the_input_since(string opType)
    {
        Assert.Equal("tensor(float)[N,4]", Infer(opType, 13, g => [Data(g)], Axes(1), KeepDims(0)));
        Assert.Equal("tensor(float)[N,4]", Infer(opType, 18, g => [Data(g), AxesInput(g, 1)], KeepDims(0)));
    }

    [Fact]
    public void Negative_axes_count_from_the_back() =>
        Assert.Equal("tensor(float)[N,3,1]", Infer("ReduceMax", 18, g => [Data(g), AxesInput(g, -1)]));

    [Fact]
    public void Several_axes_are_reduced_together() =>
        Assert.Equal("tensor(float)[3]", Infer("ReduceMean", 13, g => [Data(g)], Axes(0, -1), KeepDims(0)));

    [Fact]
    public void Without_axes_every_axis_is_reduced()
    {
        Assert.Equal("tensor(float)[1,1,1]", Infer("ReduceSum", 13, g => [Data(g)]));
        Assert.Equal("tensor(float)[]", Infer("ReduceMin", 11, g => [Data(g)], KeepDims(0)));
    }

    [Fact]
    public void An_empty_axes_input_reduces_every_axis() =>
        Assert.Equal("tensor(float)[]", Infer("ReduceSum", 13, g => [Data(g), AxesInput(g)], KeepDims(0)));

    [Fact]
    public void Noop_with_empty_axes_returns_the_input_unchanged()
    {
        Assert.Equal("tensor(float)[N,3,4]", Infer("ReduceSum", 13, g => [Data(g)], NoopWithEmptyAxes, KeepDims(0)));
        Assert.Equal("tensor(float)[N,3,4]", Infer("ReduceMean", 18, g => [Data(g), AxesInput(g)], NoopWithEmptyAxes));
    }

    [Fact]
    public void Noop_with_empty_axes_does_not_apply_when_axes_are_given() =>
        Assert.Equal("tensor(float)[3,4]", Infer("ReduceSum", 13, g => [Data(g), AxesInput(g, 0)], NoopWithEmptyAxes, KeepDims(0)));

    [Fact]
    public void Axes_known_only_at_run_time_keep_the_rank_only_with_keepdims()
    {
        Assert.Equal("tensor(float)[?,?,?]", Infer("ReduceSum", 13, g => [Data(g), g.AddInput("axes", DataType.Int64, 1)]));
        Assert.Equal("tensor(float)[unknown rank]", Infer("ReduceSum", 13, g => [Data(g), g.AddInput("axes", DataType.Int64, 1)], KeepDims(0)));
    }

    [Fact]
    public void Axes_computed_from_a_shape_are_propagated()
    {
        // The shape of a tensor of shape [1] is the known value [1].
        Assert.Equal("tensor(float)[N,4]", Infer("ReduceSum", 13, g => [Data(g), g.AddNode("Shape", [g.AddInput("one", DataType.Float, 1)])], KeepDims(0)));
    }

    [Fact]
    public void An_input_of_unknown_rank_keeps_its_element_type() =>
        Assert.Equal("tensor(double)[unknown rank]", Infer("ReduceMax", 13, g => [g.AddInput(new ValueInfo("x", TypeInfo.Tensor(DataType.Double)))], Axes(0)));

    [Fact]
    public void An_axis_out_of_range_is_rejected()
    {
        Assert.Contains("axes element 3 is out of range for rank 3", Failure("ReduceSum", 13, g => [Data(g), AxesInput(g, 3)]));
        Assert.Contains("axes element -4 is out of range for rank 3", Failure("ReduceMean", 13, g => [Data(g)], Axes(-4)));
    }

    [Fact]
    public void An_axis_given_twice_is_rejected() =>
        Assert.Contains("appears more than once", Failure("ReduceProd", 18, g => [Data(g), AxesInput(g, 1, -2)]));

    [Fact]
    public void ArgMax_gives_int64_indices_along_one_axis()
    {
        Assert.Equal("tensor(int64)[N,4]", Infer("ArgMax", 13, g => [Data(g)], Attribute.Create("axis", 1L), KeepDims(0)));
        Assert.Equal("tensor(int64)[N,3,1]", Infer("ArgMax", 12, g => [Data(g)], Attribute.Create("axis", -1L), Attribute.Create("select_last_index", 1L)));
    }

    [Fact]
    public void ArgMin_defaults_to_axis_0_with_keepdims() =>
        Assert.Equal("tensor(int64)[1,3,4]", Infer("ArgMin", 11, g => [Data(g)]));

    [Fact]
    public void ArgMax_rejects_an_axis_out_of_range() =>
        Assert.Contains("out of range for rank 3", Failure("ArgMax", 13, g => [Data(g)], Attribute.Create("axis", 3L)));
}
