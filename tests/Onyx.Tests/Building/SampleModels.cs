namespace Onyx.Tests.Building;

/// <summary>The sample model that ships in samples/: a small MLP classifier written by the builder.</summary>
internal static class SampleModels
{
    public static string MlpPath => Path.Combine(BackendTestData.RepositoryRoot, "samples", "mlp.onnx");

    /// <summary>x[batch,4] → Gemm → Relu → Gemm → Softmax → y[batch,3], with weights from an exact rational formula.</summary>
    public static Model Mlp()
    {
        var g = new GraphBuilder("mlp");
        string x = g.AddInput("x", DataType.Float, "batch", 4);
        string w1 = g.AddInitializer("w1", Tensor.FromArray(Weights(4 * 8, seed: 1), 4, 8));
        string b1 = g.AddInitializer("b1", Tensor.FromArray(Weights(8, seed: 2), 8));
        string w2 = g.AddInitializer("w2", Tensor.FromArray(Weights(8 * 3, seed: 3), 8, 3));
        string b2 = g.AddInitializer("b2", Tensor.FromArray(Weights(3, seed: 4), 3));
        string h = g.AddNode("Relu", [g.AddNode("Gemm", [x, w1, b1])]);
        string y = g.AddNode("Softmax", [g.AddNode("Gemm", [h, w2, b2])], Attribute.Create("axis", -1));
        g.AddOutput(y, DataType.Float, "batch", 3);
        Model model = new ModelBuilder(g.Build())
            .UseOpset("", 21)
            .WithDocString("A 4-8-3 multilayer perceptron, written by Onyx's builder as the repository's sample model.")
            .WithMetadata("license", "Apache-2.0")
            .Build();
        return model;
    }

    /// <summary>Values k/16 for k in [-8, 8], exact in binary, spread by a multiplicative step.</summary>
    private static float[] Weights(int count, int seed)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
            values[i] = ((i * 37 + seed * 11) % 17 - 8) / 16f;
        return values;
    }
}
