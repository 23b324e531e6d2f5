namespace Onyx.Tests.Operators.LogicOperators;

public sealed class LogicInferenceTests
{
    private static string Infer(string opType, long opset, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes) =>
        OneNodeInference.Outputs(opType, inputs, opset, 1, attributes).Single();

    private static string Failure(string opType, long opset, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Infer(opType, opset, inputs, attributes)).Message;

    /// <summary>The output type of a binary operator over inputs a and b of the given element type and dims.</summary>
    private static string Binary(string opType, long opset, DataType type, Dim[] a, Dim[] b, params Attribute[] attributes) =>
        Infer(opType, opset, g => [g.AddInput("a", type, a), g.AddInput("b", type, b)], attributes);

    [Theory]
    [InlineData("Equal", 19)]
    [InlineData("Greater", 13)]
    [InlineData("Less", 13)]
    [InlineData("GreaterOrEqual", 16)]
    [InlineData("LessOrEqual", 16)]
    public void Comparisons_broadcast_to_a_bool_tensor_keeping_symbolic_dims(string opType, long opset) =>
        Assert.Equal("tensor(bool)[N,3,4]", Binary(opType, opset, DataType.Float, ["N", 1, 4], [3, 1]));

    [Theory]
    [InlineData("And")]
    [InlineData("Or")]
    [InlineData("Xor")]
    public void Logical_operators_broadcast_bools(string opType) =>
        Assert.Equal("tensor(bool)[N,5]", Binary(opType, 7, DataType.Bool, ["N", 1], [5]));

    [Fact]
    public void A_symbolic_dim_broadcast_with_one_stays_symbolic() =>
        Assert.Equal("tensor(bool)[N,M]", Binary("Equal", 13, DataType.Int64, ["N", 1], [1, "M"]));

    [Fact]
    public void The_same_symbol_on_both_sides_stays() =>
        Assert.Equal("tensor(bool)[N]", Binary("Less", 13, DataType.Float, ["N"], ["N"]));

    [Fact]
    public void Different_symbols_give_an_unknown_dim() =>
        Assert.Equal("tensor(bool)[?]", Binary("Greater", 13, DataType.Float, ["N"], ["M"]));

    [Fact]
    public void A_symbolic_dim_against_a_known_size_takes_the_size() =>
        Assert.Equal("tensor(bool)[2,3]", Binary("Equal", 13, DataType.Int32, ["N", 3], [2, 1]));

    [Fact]
    public void A_scalar_broadcasts_to_anything() =>
        Assert.Equal("tensor(bool)[N,2]", Binary("Greater", 13, DataType.Float, ["N", 2], []));

    [Fact]
    public void Comparisons_reject_shapes_that_do_not_broadcast() =>
        Assert.Contains("cannot be broadcast: dimension 1 is 3 in one and 4 in another",
            Failure("Less", 13, g => [g.AddInput("a", DataType.Float, "N", 3), g.AddInput("b", DataType.Float, 4)]));

    [Fact]
    public void An_operand_of_unknown_rank_gives_an_unknown_rank() =>
        Assert.Equal("tensor(bool)[unknown rank]", Infer("Equal", 13, g => [g.AddInput(new ValueInfo("a", TypeInfo.Tensor(DataType.Float))), g.AddInput("b", DataType.Float, 2)]));

    [Fact]
    public void Before_opset_7_broadcast_gives_the_first_input_shape()
    {
        Assert.Equal("tensor(bool)[2,3,4]", Binary("Greater", 1, DataType.Float, [2, 3, 4], [3, 4], Attribute.Create("broadcast", 1L)));
        Assert.Equal("tensor(bool)[2,3]", Binary("And", 1, DataType.Bool, [2, 3], [2, 3]));
    }

    [Fact]
    public void Not_keeps_the_shape() =>
        Assert.Equal("tensor(bool)[N,3]", Infer("Not", 1, g => [g.AddInput("x", DataType.Bool, "N", 3)]));

    [Theory]
    [InlineData("IsNaN", 20)]
    [InlineData("IsInf", 20)]
    public void IsNaN_and_IsInf_give_bools_of_the_input_shape(string opType, long opset) =>
        Assert.Equal("tensor(bool)[N,3]", Infer(opType, opset, g => [g.AddInput("x", DataType.Float16, "N", 3)]));

    [Fact]
    public void Where_broadcasts_all_three_inputs_and_takes_the_value_type() =>
        Assert.Equal("tensor(double)[N,3,4]", Infer("Where", 16, g =>
            [g.AddInput("c", DataType.Bool, "N", 1, 1), g.AddInput("x", DataType.Double, 1, 3, 1), g.AddInput("y", DataType.Double, 4)]));

    [Fact]
    public void Where_rejects_a_condition_that_does_not_broadcast() =>
        Assert.Contains("cannot be broadcast",
            Failure("Where", 9, g => [g.AddInput("c", DataType.Bool, 2), g.AddInput("x", DataType.Float, 3), g.AddInput("y", DataType.Float, 1)]));

    [Fact]
    public void Where_chooses_known_shape_values_through()
    {
        var g = new GraphBuilder();
        string condition = g.AddInitializer("pick", Tensor.FromArray([true, false], 2));
        string shape = g.AddNode("Shape", [g.AddInput("x", DataType.Float, "N", 3)]);
        string chosen = g.AddNode("Where", [condition, shape, g.AddInitializer("fallback", Tensor.FromArray([7L, 5L], 2))]);
        string y = g.AddNode("Expand", [g.AddInput("one", DataType.Float, 1, 1), chosen]);
        Assert.Equal(["tensor(float)[N,5]"], OneNodeInference.Infer(g, 16, y));
    }

    [Fact]
    public void BitShift_broadcasts_and_keeps_the_unsigned_type() =>
        Assert.Equal("tensor(uint8)[N,4]", Binary("BitShift", 11, DataType.UInt8, ["N", 1], [4], Attribute.Create("direction", "LEFT")));

    [Theory]
    [InlineData("BitwiseAnd")]
    [InlineData("BitwiseOr")]
    [InlineData("BitwiseXor")]
    public void Bitwise_operators_broadcast_and_keep_the_integer_type(string opType) =>
        Assert.Equal("tensor(int32)[2,N]", Binary(opType, 18, DataType.Int32, [2, 1], ["N"]));

    [Fact]
    public void BitwiseNot_keeps_the_shape() =>
        Assert.Equal("tensor(int16)[N,2]", Infer("BitwiseNot", 18, g => [g.AddInput("x", DataType.Int16, "N", 2)]));

    [Fact]
    public void Bitwise_operators_reject_shapes_that_do_not_broadcast() =>
        Assert.Contains("cannot be broadcast", Failure("BitwiseAnd", 18, g => [g.AddInput("a", DataType.Int32, 2), g.AddInput("b", DataType.Int32, 3)]));
}
