using Onyx.Runtime;

namespace Onyx.Tests.Runtime.TrainingKernels;

public sealed class GradientTests
{
    private const string Training = "ai.onnx.preview.training";

    /// <summary>d = (a + b) * a with a[2,3] and b[3], and Gradient(xs=[a,b], y=d) fed from <paramref name="gradientInputs"/>.</summary>
    private static Model AddMul(long opset, string op = "Mul", params string[] gradientInputs)
    {
        var g = new GraphBuilder("g");
        string a = g.AddInput("a", DataType.Float, 2, 3);
        string b = g.AddInput("b", DataType.Float, 3);
        foreach (string extra in gradientInputs.Where(n => n is not ("a" or "b")))
            g.AddInput(extra, DataType.Float, extra == "a1" ? [2, 3] : [3]);
        string c = g.AddNode("Add", [a, b]);
        g.AddNode(new Node(op, [c, a], ["d"]));
        g.AddNode(new Node("Gradient", gradientInputs.Length > 0 ? gradientInputs : [a, b], ["dd_da", "dd_db"], "grad", Training)
        {
            Attributes = { Attribute.Create("xs", ["a", "b"]), Attribute.Create("y", "d") },
        });
        g.AddOutput("d", DataType.Float, 2, 3).AddOutput("dd_da", DataType.Float, 2, 3).AddOutput("dd_db", DataType.Float, 3);
        return new ModelBuilder(g.Build()).UseOpset("", opset).UseOpset(Training, 1).Build();
    }

    private static readonly float[] A = [1, 2, 3, 4, 5, 6];
    private static readonly float[] B = [10, 20, 30];

    [Theory]
    [InlineData(12)]
    [InlineData(18)]
    public void Differentiates_through_broadcasting_add_and_mul(long opset)
    {
        var session = new InferenceSession(AddMul(opset));

        var outputs = session.Run(new Dictionary<string, OnnxValue> { ["a"] = OnnxValue.FromArray(A, 2, 3), ["b"] = OnnxValue.FromArray(B, 3) });

        // d = a² + ab: dd/da = 2a + b; dd/db sums a over the broadcast axis.
        Assert.Equal([12f, 24f, 36f, 18f, 30f, 42f], outputs["dd_da"].ToArray<float>());
        Assert.Equal([5f, 7f, 9f], outputs["dd_db"].ToArray<float>());
    }

    [Fact]
    public void Evaluates_at_the_point_its_inputs_give()
    {
        var session = new InferenceSession(AddMul(13, "Mul", "a1", "b1"));

        var outputs = session.Run(new Dictionary<string, OnnxValue>
        {
            ["a"] = OnnxValue.FromArray(A, 2, 3), ["b"] = OnnxValue.FromArray(B, 3),
            ["a1"] = OnnxValue.FromArray(new float[6], 2, 3), ["b1"] = OnnxValue.FromArray(new float[] { 1, 1, 1 }, 3),
        });

        Assert.Equal([1f, 1f, 1f, 1f, 1f, 1f], outputs["dd_da"].ToArray<float>());
        Assert.Equal([0f, 0f, 0f], outputs["dd_db"].ToArray<float>());
    }

    [Fact]
    public void Differentiates_division()
    {
        var session = new InferenceSession(AddMul(13, "Div"));

        var outputs = session.Run(new Dictionary<string, OnnxValue> { ["a"] = OnnxValue.FromArray(A, 2, 3), ["b"] = OnnxValue.FromArray(B, 3) });

        // d = (a + b) / a = 1 + b/a: dd/da = -b/a², dd/db = Σ 1/a
        float[] expectedA = [.. A.Select((a, i) => -B[i % 3] / (a * a))];
        Assert.Equal(expectedA, outputs["dd_da"].ToArray<float>(), (x, y) => Math.Abs(x - y) < 1e-5f);
        Assert.Equal([1f + 1 / 4f, 1 / 2f + 1 / 5f, 1 / 3f + 1 / 6f], outputs["dd_db"].ToArray<float>(), (x, y) => Math.Abs(x - y) < 1e-6f);
    }

    [Fact]
    public void An_operator_without_a_derivative_rule_is_named()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => new InferenceSession(AddMul(13, "Pow")));

        Assert.Contains("Pow", e.Message);
        Assert.Contains("differentiates only", e.Message);
    }
}
