using Onyx.Runtime;
using static Onyx.Tests.Runtime.Fusion.FusionModel;

namespace Onyx.Tests.Runtime.Fusion;

public sealed class FuseMatMulBiasActivationTests
{
    private static Dictionary<string, OnnxValue> X(params long[] dims) => new() { ["x"] = Input(1, dims) };

    [Fact]
    public void MatMul_with_constant_weights_bias_and_relu_becomes_one_fused_matmul()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3, 5);
        string w = g.AddInitializer("w", Random(2, 5, 7));
        string b = g.AddInitializer("b", Random(3, 7));
        string y = g.AddNode("Relu", [g.AddNode("Add", [b, g.AddNode("MatMul", [x, w])])]);
        g.AddOutput(new ValueInfo(y, null));

        List<string> ops = AssertSameOutputs(Build(g, 17), X(2, 3, 5));

        Assert.Equal(["ai.onyx.FusedMatMul"], ops);
    }

    [Fact]
    public void A_matrix_MatMul_with_a_bias_row_and_no_activation_becomes_Gemm_at_the_basic_level_first()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "batch", 4);
        string w = g.AddInitializer("w", Random(2, 4, 3));
        string b = g.AddInitializer("b", Random(3, 1, 3));
        g.AddOutput(new ValueInfo(g.AddNode("Add", [g.AddNode("MatMul", [x, w]), b]), null));

        Assert.Equal(["Gemm"], AssertSameOutputs(Build(g, 13), X(5, 4)));
    }

    [Fact]
    public void MatMul_followed_by_decomposed_erf_gelu_absorbs_it()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 3, 8);
        string h = g.AddNode("Add", [g.AddNode("MatMul", [x, g.AddInitializer("w", Random(2, 8, 16))]), g.AddInitializer("b", Random(3, 16))]);
        string erf = g.AddNode("Erf", [g.AddNode("Div", [h, g.AddInitializer("sqrt2", Tensor.FromArray([1.4142135f]))])]);
        string sum = g.AddNode("Add", [erf, g.AddInitializer("one", Tensor.FromArray([1f]))]);
        string y = g.AddNode("Mul", [g.AddNode("Mul", [h, sum]), g.AddInitializer("half", Tensor.FromArray([0.5f]))]);
        g.AddOutput(new ValueInfo(y, null));

        Assert.Equal(["ai.onyx.FusedMatMul"], AssertSameOutputs(Build(g, 17), X(3, 8)));
    }

    [Fact]
    public void Gemm_with_transposed_weights_alpha_beta_and_sigmoid_is_fused()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 3, 6);
        string gemm = g.AddNode("Gemm", [x, g.AddInitializer("w", Random(2, 5, 6)), g.AddInitializer("c", Random(3, 5))],
            Attribute.Create("transB", 1L), Attribute.Create("alpha", 0.5f), Attribute.Create("beta", 2f));
        g.AddOutput(new ValueInfo(g.AddNode("Sigmoid", [gemm]), null));

        Assert.Equal(["ai.onyx.FusedMatMul"], AssertSameOutputs(Build(g, 13), X(3, 6)));
    }

    [Fact]
    public void Clip_with_constant_bounds_is_fused_as_the_activation()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 4, 3);
        string h = g.AddNode("MatMul", [x, g.AddInitializer("w", Random(2, 3, 9))]);
        string y = g.AddNode("Clip", [h, g.AddInitializer("lo", Tensor.FromArray([-0.2f])), g.AddInitializer("hi", Tensor.FromArray([0.3f]))]);
        g.AddOutput(new ValueInfo(y, null));

        Assert.Equal(["ai.onyx.FusedMatMul"], AssertSameOutputs(Build(g, 13), X(4, 3)));
    }

    [Fact]
    public void A_product_read_elsewhere_too_is_left_alone()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string h = g.AddNode("MatMul", [x, g.AddInitializer("w", Random(2, 3, 4))]);
        g.AddOutput(new ValueInfo(g.AddNode("Relu", [h]), null));
        g.AddOutput(new ValueInfo(h, null));

        Assert.Equal(["MatMul", "Relu"], AssertSameOutputs(Build(g, 13), X(2, 3)));
    }

    [Fact]
    public void MatMul_with_weights_that_are_an_input_is_left_alone()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string w = g.AddInput("w", DataType.Float, 3, 4);
        g.AddOutput(new ValueInfo(g.AddNode("Relu", [g.AddNode("MatMul", [x, w])]), null));

        Assert.Equal(["MatMul", "Relu"], Optimized(Build(g, 13)));
    }

    [Fact]
    public void Basic_level_leaves_the_standard_operators()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        g.AddOutput(new ValueInfo(g.AddNode("Relu", [g.AddNode("MatMul", [x, g.AddInitializer("w", Random(2, 3, 4))])]), null));

        Assert.Equal(["MatMul", "Relu"], Optimized(Build(g, 13), GraphOptimizationLevel.Basic));
    }
}
