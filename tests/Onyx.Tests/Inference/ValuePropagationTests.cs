using Onyx.Tests.Operators;

namespace Onyx.Tests.Inference;

/// <summary>Values inference carries beyond integer shape arithmetic: real constants through arithmetic and casts, and Loop trip counts.</summary>
public sealed class ValuePropagationTests
{
    [Fact]
    public void Range_length_follows_real_arithmetic_on_a_cast_integer()
    {
        var g = new GraphBuilder();
        string size = g.AddNode("Cast", [g.AddInitializer("size", Tensor.Scalar(10))], Attribute.Create("to", (long)DataType.Float));
        string one = g.AddInitializer("one", Tensor.Scalar(1f));
        string limit = g.AddNode("Div", [g.AddNode("Sub", [size, one]), g.AddInitializer("two", Tensor.Scalar(2f))]);
        string range = g.AddNode("Range", [g.AddInitializer("zero", Tensor.Scalar(0f)), limit, one]);

        Assert.Equal("tensor(float)[5]", OneNodeInference.Infer(g, 17, range).Single());
    }

    [Fact]
    public void Real_values_cast_to_integers_truncate_and_feed_shapes()
    {
        var g = new GraphBuilder();
        string dims = g.AddNode("Ceil", [g.AddInitializer("dims", Tensor.FromArray(new[] { 2.2f, -0.5f + 3f }, 2))]);
        string shape = g.AddNode("Cast", [dims], Attribute.Create("to", (long)DataType.Int64));
        string filled = g.AddNode("ConstantOfShape", [shape]);

        Assert.Equal("tensor(float)[3,3]", OneNodeInference.Infer(g, 17, filled).Single());
    }

    [Fact]
    public void Real_folding_rounds_to_the_element_type()
    {
        // In float16, 2049 is not representable: 2048 + 1 rounds back to 2048, so Range(0, 2048 + 1, 1) has 2048 elements.
        var g = new GraphBuilder();
        string one = g.AddInitializer("one", Tensor.Scalar((Half)1));
        string limit = g.AddNode("Add", [g.AddInitializer("big", Tensor.Scalar((Half)2048)), one]);
        string range = g.AddNode("Range", [g.AddInitializer("zero", Tensor.Scalar((Half)0)), limit, one]);

        Assert.Equal("tensor(float16)[2048]", OneNodeInference.Infer(g, 17, range).Single());
    }

    [Fact]
    public void Real_operands_of_unrelated_shapes_are_not_folded()
    {
        var g = new GraphBuilder();
        string sum = g.AddNode("Add", [g.AddInitializer("a", Tensor.FromArray(new[] { 1f, 2f }, 2, 1)), g.AddInitializer("b", Tensor.FromArray(new[] { 1f, 2f, 3f }, 3))]);
        string shape = g.AddNode("Cast", [g.AddNode("ReduceMax", [sum], Attribute.Create("keepdims", 0L))], Attribute.Create("to", (long)DataType.Int64));
        string range = g.AddNode("Range", [g.AddInitializer("zero", Tensor.Scalar(0L)), shape, g.AddInitializer("step", Tensor.Scalar(1L))]);

        Assert.Equal("tensor(int64)[?]", OneNodeInference.Infer(g, 17, range).Single());
    }

    /// <summary>A Loop over <paramref name="tripCount"/> whose body passes its condition through <paramref name="condition"/> and scans a [2] value.</summary>
    private static string LoopScan(Func<GraphBuilder, string> tripCount, Func<GraphBuilder, string, string> condition)
    {
        var body = new GraphBuilder("body");
        body.AddInput("i", DataType.Int64);
        string conditionIn = body.AddInput("cond_in", DataType.Bool);
        body.AddOutput(new ValueInfo(condition(body, conditionIn)));
        body.AddOutput(new ValueInfo(body.AddNode("Identity", [body.AddInitializer("row", Tensor.FromArray(new[] { 1f, 2f }, 2))])));

        var g = new GraphBuilder();
        Node loop = g.AddNode("Loop", [tripCount(g), ""], 1, "", Attribute.Create("body", body.Graph));
        return OneNodeInference.Infer(g, 17, loop.Outputs[0]).Single();
    }

    [Fact]
    public void Loop_scan_outputs_have_the_trip_count_when_the_body_keeps_the_condition()
    {
        Assert.Equal("tensor(float)[4,2]", LoopScan(g => g.AddInitializer("m", Tensor.Scalar(4L)), (b, c) => b.AddNode("Identity", [c])));
        Assert.Equal("tensor(float)[4,2]", LoopScan(g => g.AddInitializer("m", Tensor.Scalar(4L)), (b, _) => b.AddNode("Constant", [], Attribute.Create("value", Tensor.Scalar(true)))));
    }

    [Fact]
    public void Loop_scan_outputs_take_a_symbolic_trip_count()
    {
        string scan = LoopScan(g =>
        {
            string shape = g.AddNode("Shape", [g.AddInput("x", DataType.Float, "N", 3)]);
            return g.AddNode("Gather", [shape, g.AddInitializer("first", Tensor.Scalar(0L))]);
        }, (b, c) => c);

        Assert.Equal("tensor(float)[N,2]", scan);
    }

    [Fact]
    public void Loop_scan_length_is_unknown_when_the_body_computes_the_condition()
    {
        string scan = LoopScan(g => g.AddInitializer("m", Tensor.Scalar(4L)), (b, c) => b.AddNode("Not", [b.AddNode("Not", [c])]));

        Assert.Equal("tensor(float)[?,2]", scan);
    }
}
