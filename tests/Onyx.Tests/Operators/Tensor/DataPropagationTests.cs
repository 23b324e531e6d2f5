using static Onyx.Tests.Operators.TensorOperators.TensorInference;

namespace Onyx.Tests.Operators.TensorOperators;

/// <summary>Shape arithmetic: integer values flowing from Shape through Gather, Slice, Concat, Cast, … into the shapes of Reshape, Range, ConstantOfShape.</summary>
public sealed class DataPropagationTests
{
    [Fact]
    public void Shape_gather_concat_reshape_keeps_a_symbolic_batch()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "batch", 3, 4);
        string batch = g.AddNode("Gather", [g.AddNode("Shape", [x]), Scalar(g, "zero", 0)]);
        string target = g.AddNode("Concat", [g.AddNode("Unsqueeze", [batch, Ints(g, "axes", 0)]), Ints(g, "rest", -1)], Attribute.Create("axis", 0L));
        string y = g.AddNode("Reshape", [x, target]);
        Assert.Equal(["tensor(int64)[]", "tensor(int64)[2]", "tensor(float)[batch,12]"], Infer(g, 13, batch, target, y));
    }

    [Fact]
    public void Shape_slice_concat_reshape_splits_the_last_dim()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "batch", "seq", 8);
        string leading = g.AddNode("Slice", [g.AddNode("Shape", [x]), Ints(g, "starts", 0), Ints(g, "ends", -1)]);
        string target = g.AddNode("Concat", [leading, Ints(g, "heads", 2, -1)], Attribute.Create("axis", 0L));
        Assert.Equal(["tensor(float)[batch,seq,2,4]"], Infer(g, 13, g.AddNode("Reshape", [x, target])));
    }

    [Fact]
    public void Reshape_minus_one_cancels_symbols_present_on_both_sides()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "batch", "seq", 4, 8);
        string dims = g.AddNode("Shape", [x]);
        string target = g.AddNode("Concat", [Ints(g, "minus", -1), g.AddNode("Slice", [dims, Ints(g, "s", 1), Ints(g, "e", 2)]), Ints(g, "last", 32)],
            Attribute.Create("axis", 0L));
        Assert.Equal(["tensor(float)[batch,seq,32]"], Infer(g, 13, g.AddNode("Reshape", [x, target])));
    }

    [Fact]
    public void Range_over_a_symbolic_length_has_that_length()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "batch", "seq");
        string seq = g.AddNode("Gather", [g.AddNode("Shape", [x]), Scalar(g, "one", 1)]);
        Assert.Equal(["tensor(int64)[seq]"], Infer(g, 13, g.AddNode("Range", [Scalar(g, "start", 0), seq, Scalar(g, "delta", 1)])));
    }

    [Fact]
    public void Range_of_constants_propagates_its_values()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 2, 3, 4, 5);
        string perm = g.AddNode("Range", [Scalar(g, "start", 3), Scalar(g, "limit", -1), Scalar(g, "delta", -1)]);
        string y = g.AddNode("Reshape", [g.AddNode("Transpose", [x], Attribute.Create("perm", new long[] { 3, 2, 1, 0 })),
            g.AddNode("Gather", [g.AddNode("Shape", [x]), perm])]);
        Assert.Equal(["tensor(int64)[4]", "tensor(float)[5,4,3,2]"], Infer(g, 13, perm, y));
    }

    [Fact]
    public void Cast_to_int32_and_back_keeps_the_values()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "n", 6);
        string narrow = g.AddNode("Cast", [g.AddNode("Shape", [x])], Attribute.Create("to", (long)DataType.Int32));
        string wide = g.AddNode("Cast", [narrow], Attribute.Create("to", (long)DataType.Int64));
        Assert.Equal(["tensor(float)[n,6]"], Infer(g, 13, g.AddNode("ConstantOfShape", [wide], Attribute.Create("value", Tensor.FromArray(new[] { 1f }, 1)))));
    }

    [Fact]
    public void Constant_value_ints_feeds_a_reshape()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 6, 4);
        string shape = g.AddNode("Constant", [], Attribute.Create("value_ints", new long[] { 0, 2, -1 }));
        Assert.Equal(["tensor(int64)[3]", "tensor(float)[6,2,2]"], Infer(g, 13, shape, g.AddNode("Reshape", [x, shape])));
    }

    [Fact]
    public void Size_squeeze_and_identity_propagate_a_known_element_count()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 3, 4);
        string count = g.AddNode("Identity", [g.AddNode("Unsqueeze", [g.AddNode("Size", [x]), Ints(g, "axes", 0)])]);
        Assert.Equal(["tensor(float)[12]"], Infer(g, 13, g.AddNode("Reshape", [x, count])));
    }

    [Fact]
    public void Slice_of_values_with_negative_step_reverses_them()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 2, 3, 5);
        string reversed = g.AddNode("Slice", [g.AddNode("Shape", [x]), Ints(g, "s", -1), Ints(g, "e", long.MinValue), Ints(g, "a", 0), Ints(g, "st", -1)]);
        Assert.Equal(["tensor(float)[5,3,2]"], Infer(g, 13, g.AddNode("Reshape", [x, reversed])));
    }

    [Fact]
    public void Range_with_a_huge_constant_length_keeps_the_size_without_values()
    {
        var g = new GraphBuilder();
        string r = g.AddNode("Range", [Scalar(g, "start", 0), Scalar(g, "limit", 1L << 60), Scalar(g, "delta", 1)]);
        Assert.Equal(["tensor(int64)[1152921504606846976]"], Infer(g, 13, r));
    }

    [Fact]
    public void ConstantOfShape_rejects_an_element_count_that_overflows()
    {
        string message = Failure("ConstantOfShape", g => [Ints(g, "shape", 1L << 40, 1L << 40)], 13);
        Assert.Contains("overflow", message);
    }

    [Fact]
    public void Gather_rejects_a_known_index_out_of_range()
    {
        string message = Failure("Gather", g => [g.AddNode("Shape", [g.AddInput("x", DataType.Float, 2, 3)]), Scalar(g, "i", 2)], 13);
        Assert.Contains("index 2 is out of range", message);
    }

    [Fact]
    public void Where_chooses_known_values_between_two_shapes()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "batch", 6);
        string keep = g.AddInitializer("keep", Tensor.FromArray(new[] { true, false }, 2));
        string target = g.AddNode("Where", [keep, g.AddNode("Shape", [x]), Ints(g, "other", 0, -1)]);
        Assert.Equal(["tensor(float)[batch,6]"], Infer(g, 13, g.AddNode("Reshape", [x, target])));
    }
}
