using Onyx.Runtime;

namespace Onyx.Tests.Runtime.TrainingKernels;

public sealed class OptimizerTests
{
    private const string Training = "ai.onnx.preview.training";

    /// <summary>Runs one optimizer node on R = 0.1, T and the tensors given (each [1]), returning its outputs.</summary>
    private static float[] Run(string op, long t, float[] tensors, int outputs, params Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        g.AddInput("R", DataType.Float);
        g.AddInput("T", DataType.Int64);
        var feeds = new Dictionary<string, OnnxValue> { ["R"] = OnnxValue.FromTensor(Tensor.Scalar(0.1f)), ["T"] = OnnxValue.FromTensor(Tensor.Scalar(t)) };
        for (int i = 0; i < tensors.Length; i++)
        {
            g.AddInput($"in{i}", DataType.Float, 1);
            feeds[$"in{i}"] = OnnxValue.FromArray(new[] { tensors[i] }, 1);
        }
        Node node = g.AddNode(op, ["R", "T", .. Enumerable.Range(0, tensors.Length).Select(i => $"in{i}")], outputs, Training, attributes);
        foreach (string output in node.Outputs)
            g.AddOutput(output, DataType.Float, 1);
        Model model = new ModelBuilder(g.Build()).UseOpset("", 17).UseOpset(Training, 1).Build();
        IReadOnlyDictionary<string, OnnxValue> results = new InferenceSession(model).Run(feeds);
        return [.. node.Outputs.Select(o => results[o].ToArray<float>()[0])];
    }

    [Fact]
    public void Adagrad_scales_the_step_by_the_accumulated_squares()
    {
        // g' = 0.5·2 + 1 = 2; h = 3 + 4 = 7; x = 2 − 0.1/(1 + 2·0.5)·2/(√7 + 0.01).
        float[] y = Run("Adagrad", 2, [2, 1, 3], 2, Attribute.Create("norm_coefficient", 0.5f), Attribute.Create("decay_factor", 0.5f), Attribute.Create("epsilon", 0.01f));
        Assert.Equal(2 - 0.05 * 2 / (Math.Sqrt(7) + 0.01), y[0], 5);
        Assert.Equal(7f, y[1]);
    }

    [Fact]
    public void Momentum_standard_and_nesterov_with_the_first_step_unscaled()
    {
        // t = 0: v = 0.9·1 + 1·2 = 2.9; x = 1 − 0.1·2.9.
        float[] standard = Run("Momentum", 0, [1, 2, 1], 2, Attribute.Create("alpha", 0.9f), Attribute.Create("beta", 0.5f),
            Attribute.Create("norm_coefficient", 0f), Attribute.Create("mode", "standard"));
        Assert.Equal([0.71f, 2.9f], standard, (a, b) => Math.Abs(a - b) < 1e-6);
        // t = 1: v = 0.9·1 + 0.5·2 = 1.9; nesterov x = 1 − 0.1·(2 + 0.9·1.9).
        float[] nesterov = Run("Momentum", 1, [1, 2, 1], 2, Attribute.Create("alpha", 0.9f), Attribute.Create("beta", 0.5f),
            Attribute.Create("norm_coefficient", 0f), Attribute.Create("mode", "nesterov"));
        Assert.Equal([1 - 0.1f * (2 + 0.9f * 1.9f), 1.9f], nesterov, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Adam_corrects_the_bias_after_the_first_step()
    {
        // t = 1, v = h = 0, g = 1: v = 0.1, h = 0.001; rate = 0.1·√0.001/0.1; x = 1 − rate·0.1/√0.001 = 0.9.
        float[] y = Run("Adam", 1, [1, 1, 0, 0], 3);
        Assert.Equal([0.9f, 0.1f, 0.001f], y, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void An_unknown_momentum_mode_and_a_wrong_input_count_are_rejected()
    {
        var e = Assert.ThrowsAny<OnyxException>(() => Run("Momentum", 0, [1, 2, 1], 2, Attribute.Create("alpha", 0.9f), Attribute.Create("beta", 0.5f),
            Attribute.Create("norm_coefficient", 0f), Attribute.Create("mode", "heavy")));
        Assert.Contains("heavy", e.Message);

        e = Assert.ThrowsAny<OnyxException>(() => Run("Adagrad", 0, [1, 2], 1));
        Assert.Contains("Adagrad", e.Message);
    }
}
