using Onyx.Runtime;
using static Onyx.Tests.Runtime.Fusion.FusionModel;

namespace Onyx.Tests.Runtime.Fusion;

public sealed class FuseGeluTests
{
    private static string Scalar(GraphBuilder g, string name, float value) => g.AddInitializer(name, Tensor.FromArray([value]));

    /// <summary>x·0.5 first, then erf(x·(1/√2)) + 1, then the product: the order HF's BERT writes.</summary>
    private static GraphBuilder HalfFirstErfGelu()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 5);
        string half = g.AddNode("Mul", [x, Scalar(g, "half", 0.5f)]);
        string erf = g.AddNode("Erf", [g.AddNode("Mul", [Scalar(g, "inv", 0.70710677f), x])]);
        string y = g.AddNode("Mul", [half, g.AddNode("Add", [Scalar(g, "one", 1f), erf])]);
        g.AddOutput(new ValueInfo(y, null));
        return g;
    }

    [Fact]
    public void Erf_gelu_with_the_half_applied_to_x_becomes_onyx_gelu_before_opset_20()
    {
        List<string> ops = AssertSameOutputs(Build(HalfFirstErfGelu(), 13), new() { ["x"] = Input(1, 2, 5) });

        Assert.Equal(["ai.onyx.Gelu"], ops);
    }

    [Fact]
    public void Erf_gelu_becomes_the_standard_gelu_from_opset_20()
    {
        Assert.Equal(["Gelu"], AssertSameOutputs(Build(HalfFirstErfGelu(), 20), new() { ["x"] = Input(1, 2, 5) }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Tanh_gelu_with_pow_or_repeated_products_becomes_gelu_tanh(bool pow)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 3, 4);
        string cube = pow ? g.AddNode("Pow", [x, Scalar(g, "three", 3f)]) : g.AddNode("Mul", [g.AddNode("Mul", [x, x]), x]);
        string inner = g.AddNode("Add", [x, g.AddNode("Mul", [cube, Scalar(g, "c", 0.044715f)])]);
        string tanh = g.AddNode("Tanh", [g.AddNode("Mul", [Scalar(g, "k", 0.7978846f), inner])]);
        string y = g.AddNode("Mul", [g.AddNode("Mul", [Scalar(g, "half", 0.5f), x]), g.AddNode("Add", [tanh, Scalar(g, "one", 1f)])]);
        g.AddOutput(new ValueInfo(y, null));
        var feeds = new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray([-3f, -1.5f, -0.5f, 0, 0.25f, 0.5f, 1, 2, 3, 4, -4, 0.1f], 3, 4) };

        Assert.Equal(["ai.onyx.Gelu"], AssertSameOutputs(Build(g, 17), feeds));
    }

    [Fact]
    public void Erf_gelu_whose_sum_is_read_elsewhere_is_left_alone()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 5);
        string sum = g.AddNode("Add", [g.AddNode("Erf", [g.AddNode("Div", [x, Scalar(g, "sqrt2", 1.4142135f)])]), Scalar(g, "one", 1f)]);
        g.AddOutput(new ValueInfo(g.AddNode("Mul", [g.AddNode("Mul", [x, sum]), Scalar(g, "half", 0.5f)]), null));
        g.AddOutput(new ValueInfo(sum, null));

        Assert.DoesNotContain("ai.onyx.Gelu", AssertSameOutputs(Build(g, 13), new() { ["x"] = Input(1, 2, 5) }));
    }

    [Fact]
    public void A_scale_other_than_one_over_root_two_is_not_gelu()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 5);
        string sum = g.AddNode("Add", [g.AddNode("Erf", [g.AddNode("Div", [x, Scalar(g, "two", 2f)])]), Scalar(g, "one", 1f)]);
        g.AddOutput(new ValueInfo(g.AddNode("Mul", [g.AddNode("Mul", [x, sum]), Scalar(g, "half", 0.5f)]), null));

        Assert.DoesNotContain("ai.onyx.Gelu", Optimized(Build(g, 13)));
    }
}
