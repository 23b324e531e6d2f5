namespace Onyx.Tests.Operators.MathOperators;

public sealed class MathInferenceTests
{
    private static string[] Infer(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, int outputCount = 1, params Attribute[] attributes) =>
        OneNodeInference.Outputs(opType, inputs, opset, outputCount, attributes);

    private static string InferSingle(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, params Attribute[] attributes) =>
        Infer(opType, inputs, opset, 1, attributes).Single();


    private static ShapeInferenceException Rejects(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, long opset, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Infer(opType, inputs, opset, 1, attributes));

    [Fact]
    public void Sub_mul_and_div_compute_shape_values_through()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 4, 6);
        string shape = g.AddNode("Shape", [x]);
        string doubled = g.AddNode("Mul", [shape, g.AddInitializer("two", Tensor.FromArray([1L, 2L], 2))]);
        string less = g.AddNode("Sub", [doubled, g.AddInitializer("three", Tensor.FromArray([3L, 0L], 2))]);
        string halved = g.AddNode("Div", [less, g.AddInitializer("half", Tensor.FromArray([1L, 3L], 2))]);
        string y = g.AddNode("Expand", [g.AddInput("one", DataType.Float, 1, 1), halved]);
        g.AddOutput(new ValueInfo(y));
        Model model = g.ToModel(18);
        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });
        Assert.Equal("tensor(float)[1,4]", OneNodeInference.Describe(model.Graph.Outputs[0].Type));
    }

    [Fact]
    public void Mul_by_one_keeps_a_symbolic_shape_value()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "batch", 3);
        string shape = g.AddNode("Shape", [x]);
        string scaled = g.AddNode("Mul", [shape, g.AddInitializer("factors", Tensor.FromArray([1L, 2L], 2))]);
        string y = g.AddNode("Expand", [g.AddInput("one", DataType.Float, 1), scaled]);
        g.AddOutput(new ValueInfo(y));
        Model model = g.ToModel(18);
        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });
        Assert.Equal("tensor(float)[batch,6]", OneNodeInference.Describe(model.Graph.Outputs[0].Type));
    }

    [Fact]
    public void Neg_and_abs_compute_shape_values_through()
    {
        var g = new GraphBuilder();
        string negated = g.AddNode("Neg", [g.AddInitializer("dims", Tensor.FromArray([-2L, 3L], 2))]);
        string magnitude = g.AddNode("Abs", [negated]);
        string y = g.AddNode("Expand", [g.AddInput("one", DataType.Float, 1), magnitude]);
        g.AddOutput(new ValueInfo(y));
        Model model = g.ToModel(18);
        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });
        Assert.Equal("tensor(float)[2,3]", OneNodeInference.Describe(model.Graph.Outputs[0].Type));
    }

    [Fact]
    public void Add_keeps_symbolic_dims_and_broadcasts_ones()
    {
        string type = InferSingle("Add", g => [g.AddInput("a", DataType.Float, "batch", 1, 5), g.AddInput("b", DataType.Float, 3, 1)], 14);
        Assert.Equal("tensor(float)[batch,3,5]", type);
    }

    [Fact]
    public void Mul_rejects_shapes_that_do_not_broadcast()
    {
        var error = Rejects("Mul", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 4)], 14);
        Assert.Contains("cannot be broadcast", error.Message);
    }

    [Fact]
    public void Add_before_opset_7_broadcasts_b_into_a_at_the_axis()
    {
        Assert.Equal("tensor(float)[2,3,4,5]", InferSingle("Add", g => [g.AddInput("a", DataType.Float, 2, 3, 4, 5), g.AddInput("b", DataType.Float, 3, 4)], 6,
            Attribute.Create("broadcast", 1L), Attribute.Create("axis", 1L)));
        Assert.Contains("starting at axis 1", Rejects("Sub", g => [g.AddInput("a", DataType.Float, 2, 3, 4, 5), g.AddInput("b", DataType.Float, 4, 5)], 6,
            Attribute.Create("broadcast", 1L), Attribute.Create("axis", 1L)).Message);
    }

    [Fact]
    public void Mod_rejects_integer_mode_on_floats()
    {
        var error = Rejects("Mod", g => [g.AddInput("a", DataType.Float, 2), g.AddInput("b", DataType.Float, 2)], 13);
        Assert.Contains("'fmod'", error.Message);
    }

    [Fact]
    public void Max_before_opset_8_requires_equal_shapes()
    {
        Assert.Equal("tensor(float)[2,n]", InferSingle("Max", g => [g.AddInput("a", DataType.Float, 2, "n"), g.AddInput("b", DataType.Float, 2, "n")], 6));
        var error = Rejects("Max", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 3)], 6);
        Assert.Contains("same shape", error.Message);
    }

    [Fact]
    public void Sum_since_opset_8_broadcasts_every_input()
    {
        string type = InferSingle("Sum", g =>
            [g.AddInput("a", DataType.Float, 3, 1), g.AddInput("b", DataType.Float, 1, 4), g.AddInput("c", DataType.Float, 4)], 13);
        Assert.Equal("tensor(float)[3,4]", type);
    }

    [Theory]
    [InlineData(new long[] { 2, 3, 4 }, new long[] { 4, 5 }, "[2,3,5]")]
    [InlineData(new long[] { 4 }, new long[] { 2, 4, 5 }, "[2,5]")]
    [InlineData(new long[] { 2, 3, 4 }, new long[] { 4 }, "[2,3]")]
    [InlineData(new long[] { 4 }, new long[] { 4 }, "[]")]
    [InlineData(new long[] { 7, 1, 3, 4 }, new long[] { 6, 4, 2 }, "[7,6,3,2]")]
    public void MatMul_follows_numpy_including_one_dimensional_inputs(long[] a, long[] b, string expected)
    {
        string type = InferSingle("MatMul", g =>
            [g.AddInput("a", DataType.Float, [.. a.Select(d => new Dim(d))]), g.AddInput("b", DataType.Float, [.. b.Select(d => new Dim(d))])], 13);
        Assert.Equal("tensor(float)" + expected, type);
    }

    [Fact]
    public void MatMul_rejects_mismatched_inner_dims()
    {
        var error = Rejects("MatMul", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 4, 5)], 13);
        Assert.Contains("3 does not match 4", error.Message);
    }

    [Fact]
    public void MatMulInteger_gives_int32()
    {
        string type = InferSingle("MatMulInteger", g => [g.AddInput("a", DataType.UInt8, "m", 3), g.AddInput("b", DataType.Int8, 3, 5)], 10);
        Assert.Equal("tensor(int32)[m,5]", type);
    }

    [Fact]
    public void Gemm_applies_transposes()
    {
        string type = InferSingle("Gemm", g => [g.AddInput("a", DataType.Float, 3, "m"), g.AddInput("b", DataType.Float, "n", 3), g.AddInput("c", DataType.Float, "n")], 13,
            Attribute.Create("transA", 1L), Attribute.Create("transB", 1L));
        Assert.Equal("tensor(float)[m,n]", type);
    }

    [Fact]
    public void Gemm_rejects_mismatched_inner_dims_and_bad_bias()
    {
        Assert.Contains("inner dimension", Rejects("Gemm", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 2, 4)], 13).Message);
        Assert.Contains("input C", Rejects("Gemm", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 3, 4), g.AddInput("c", DataType.Float, 3)], 13).Message);
        Assert.Contains("rank 2", Rejects("Gemm", g => [g.AddInput("a", DataType.Float, 3), g.AddInput("b", DataType.Float, 3, 4)], 13).Message);
    }

    [Fact]
    public void Gemm_before_opset_7_without_broadcast_requires_c_of_m_by_n()
    {
        Assert.Equal("tensor(float)[2,4]", InferSingle("Gemm", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 3, 4), g.AddInput("c", DataType.Float, 2, 4)], 6));
        Assert.Contains("'broadcast' is 0", Rejects("Gemm", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 3, 4), g.AddInput("c", DataType.Float, 4)], 6).Message);
        Assert.Equal("tensor(float)[2,4]", InferSingle("Gemm", g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 3, 4), g.AddInput("c", DataType.Float, 4)], 6,
            Attribute.Create("broadcast", 1L)));
    }

    [Theory]
    [InlineData("...ij,...jk->...ik", "tensor(float)[b,2,3,5]")]
    [InlineData("...ij,...jk", "tensor(float)[b,2,3,5]")]
    [InlineData("b x i j , x j k -> k i", "tensor(float)[5,3]")]
    public void Einsum_handles_ellipsis_and_implicit_output(string equation, string expected)
    {
        string type = InferSingle("Einsum", g => [g.AddInput("x", DataType.Float, "b", 1, 3, 4), g.AddInput("y", DataType.Float, 2, 4, 5)], 12,
            Attribute.Create("equation", equation));
        Assert.Equal(expected, type);
    }

    [Fact]
    public void Einsum_implicit_output_sorts_the_letters_used_once()
    {
        string type = InferSingle("Einsum", g => [g.AddInput("x", DataType.Double, 2, 3), g.AddInput("y", DataType.Double, 3, 4)], 12, Attribute.Create("equation", "ba,ac"));
        Assert.Equal("tensor(double)[2,4]", type);
    }

    [Fact]
    public void Einsum_rejects_bad_equations()
    {
        Assert.Contains("2 input terms", Rejects("Einsum", g => [g.AddInput("x", DataType.Float, 2, 3)], 12, Attribute.Create("equation", "ij,jk->ik")).Message);
        Assert.Contains("names 2 dimensions", Rejects("Einsum", g => [g.AddInput("x", DataType.Float, 2, 3, 4)], 12, Attribute.Create("equation", "ij->i")).Message);
        Assert.Contains("no input term", Rejects("Einsum", g => [g.AddInput("x", DataType.Float, 2, 3)], 12, Attribute.Create("equation", "ij->k")).Message);
        Assert.Contains("different sizes", Rejects("Einsum", g => [g.AddInput("x", DataType.Float, 2, 3)], 12, Attribute.Create("equation", "ii->i")).Message);
        Assert.Contains("invalid term", Rejects("Einsum", g => [g.AddInput("x", DataType.Float, 2, 3)], 12, Attribute.Create("equation", "i1->i")).Message);
    }

    [Fact]
    public void TopK_takes_k_from_a_constant_input_or_the_v1_attribute()
    {
        string[] types = Infer("TopK", g => [g.AddInput("x", DataType.Float, "n", 10), g.AddInitializer("k", Tensor.FromArray([3L], 1))], 11, 2);
        Assert.Equal(["tensor(float)[n,3]", "tensor(int64)[n,3]"], types);
        string[] legacy = Infer("TopK", g => [g.AddInput("x", DataType.Float, 10, 4)], 1, 2, Attribute.Create("k", 2L), Attribute.Create("axis", 0L));
        Assert.Equal(["tensor(float)[2,4]", "tensor(int64)[2,4]"], legacy);
    }

    [Fact]
    public void TopK_rejects_an_axis_out_of_range_and_k_above_the_axis_size()
    {
        var error = Assert.Throws<ShapeInferenceException>(() =>
            Infer("TopK", g => [g.AddInput("x", DataType.Float, 10), g.AddInitializer("k", Tensor.FromArray([3L], 1))], 11, 2, Attribute.Create("axis", 1L)));
        Assert.Contains("'axis'", error.Message);
        error = Assert.Throws<ShapeInferenceException>(() =>
            Infer("TopK", g => [g.AddInput("x", DataType.Float, 10), g.AddInitializer("k", Tensor.FromArray([11L], 1))], 11, 2));
        Assert.Contains("only 10 elements", error.Message);
    }

    [Fact]
    public void Softmax_since_opset_11_validates_the_axis()
    {
        Assert.Equal("tensor(float)[2,3]", InferSingle("Softmax", g => [g.AddInput("x", DataType.Float, 2, 3)], 13, Attribute.Create("axis", -2L)));
        Assert.Contains("'axis'", Rejects("LogSoftmax", g => [g.AddInput("x", DataType.Float, 2, 3)], 13, Attribute.Create("axis", 2L)).Message);
        Assert.Contains("rank at least 1", Rejects("Hardmax", g => [g.AddInput("x", DataType.Float)], 11).Message);
    }

    [Fact]
    public void Expand_broadcasts_with_a_constant_shape()
    {
        string type = InferSingle("Expand", g => [g.AddInput("x", DataType.Float, 3, 1), g.AddInitializer("shape", Tensor.FromArray([2L, 1L, 6L], 3))], 13);
        Assert.Equal("tensor(float)[2,3,6]", type);
        Assert.Contains("cannot be broadcast", Rejects("Expand", g => [g.AddInput("x", DataType.Float, 3), g.AddInitializer("shape", Tensor.FromArray([4L], 1))], 13).Message);
    }

    [Fact]
    public void Expand_with_an_unknown_shape_of_known_length_keeps_the_known_dims()
    {
        string type = InferSingle("Expand", g => [g.AddInput("x", DataType.Float, 3, 1), g.AddInput("shape", DataType.Int64, 3)], 13);
        Assert.Equal("tensor(float)[?,3,?]", type);
    }

    [Fact]
    public void Det_drops_the_matrix_dims_and_rejects_non_square()
    {
        Assert.Equal("tensor(float)[b]", InferSingle("Det", g => [g.AddInput("x", DataType.Float, "b", 3, 3)], 11));
        Assert.Contains("square", Rejects("Det", g => [g.AddInput("x", DataType.Float, 3, 4)], 11).Message);
    }

    [Fact]
    public void PRelu_rejects_a_slope_that_does_not_broadcast_to_x()
    {
        Assert.Equal("tensor(float)[2,3,4]", InferSingle("PRelu", g => [g.AddInput("x", DataType.Float, 2, 3, 4), g.AddInput("s", DataType.Float, 3, 1)], 16));
        Assert.Contains("the slope", Rejects("PRelu", g => [g.AddInput("x", DataType.Float, 2, 3, 4), g.AddInput("s", DataType.Float, 3)], 16).Message);
    }

    [Fact]
    public void SoftmaxCrossEntropyLoss_shapes_follow_the_reduction()
    {
        string[] none = Infer("SoftmaxCrossEntropyLoss", g => [g.AddInput("x", DataType.Float, "n", 5, 7), g.AddInput("t", DataType.Int64, "n", 7)], 13, 2,
            Attribute.Create("reduction", "none"));
        Assert.Equal(["tensor(float)[n,7]", "tensor(float)[n,5,7]"], none);
        string[] mean = Infer("SoftmaxCrossEntropyLoss", g => [g.AddInput("x", DataType.Float, "n", 5), g.AddInput("t", DataType.Int64, "n")], 13, 1);
        Assert.Equal(["tensor(float)[]"], mean);
    }

    [Fact]
    public void NegativeLogLikelihoodLoss_rejects_mismatched_targets_and_weights()
    {
        Assert.Contains("without its class dimension", Rejects("NegativeLogLikelihoodLoss", g => [g.AddInput("x", DataType.Float, 2, 5, 7), g.AddInput("t", DataType.Int64, 2)], 13).Message);
        Assert.Contains("class count", Rejects("NegativeLogLikelihoodLoss", g =>
            [g.AddInput("x", DataType.Float, 2, 5), g.AddInput("t", DataType.Int64, 2), g.AddInput("w", DataType.Float, 4)], 13).Message);
        Assert.Contains("'reduction'", Rejects("NegativeLogLikelihoodLoss", g => [g.AddInput("x", DataType.Float, 2, 5), g.AddInput("t", DataType.Int64, 2)], 13,
            Attribute.Create("reduction", "max")).Message);
    }

    [Fact]
    public void CumSum_rejects_a_constant_axis_out_of_range()
    {
        Assert.Equal("tensor(int32)[2,3]", InferSingle("CumSum", g => [g.AddInput("x", DataType.Int32, 2, 3), g.AddInitializer("axis", Tensor.Scalar(-1L))], 14));
        Assert.Contains("'axis'", Rejects("CumSum", g => [g.AddInput("x", DataType.Int32, 2, 3), g.AddInitializer("axis", Tensor.Scalar(2L))], 14).Message);
    }

    [Fact]
    public void SwiGLU_requires_identical_shapes()
    {
        Assert.Equal("tensor(float)[n,4]", InferSingle("SwiGLU", g => [g.AddInput("a", DataType.Float, "n", 4), g.AddInput("b", DataType.Float, "n", 4)], 28));
        Assert.Contains("identical shapes", Rejects("SwiGLU", g => [g.AddInput("a", DataType.Float, 2, 4), g.AddInput("b", DataType.Float, 4)], 28).Message);
    }

    [Fact]
    public void Unary_operators_keep_type_and_shape()
    {
        Assert.Equal("tensor(float16)[n,2]", InferSingle("Tanh", g => [g.AddInput("x", DataType.Float16, "n", 2)], 13));
        Assert.Equal("tensor(float)[3]", InferSingle("Clip", g => [g.AddInput("x", DataType.Float, 3), g.AddInput("lo", DataType.Float)], 13));
        Assert.Contains("must be a scalar", Rejects("Clip", g => [g.AddInput("x", DataType.Float, 3), g.AddInput("lo", DataType.Float, 3)], 13).Message);
        Assert.Contains("'approximate'", Rejects("Gelu", g => [g.AddInput("x", DataType.Float, 3)], 20, Attribute.Create("approximate", "erf")).Message);
    }
}
