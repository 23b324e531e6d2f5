namespace Onyx.Tests.Building;

public sealed class SampleModelTests
{
    /// <summary>
    /// samples/mlp.onnx is exactly what the builder writes. Set ONYX_UPDATE_SAMPLES=1 to rewrite it after a
    /// deliberate change to the sample or the writer.
    /// </summary>
    [Fact]
    public void Sample_model_in_the_repository_is_what_the_builder_writes()
    {
        byte[] built = SampleModels.Mlp().ToBytes();
        if (Environment.GetEnvironmentVariable("ONYX_UPDATE_SAMPLES") == "1")
            File.WriteAllBytes(SampleModels.MlpPath, built);
        Assert.Equal(built, File.ReadAllBytes(SampleModels.MlpPath));
    }

    [Fact]
    public void Sample_model_has_the_declared_structure()
    {
        Model model = Model.Load(SampleModels.MlpPath);
        Assert.Equal(10, model.IrVersion);
        Assert.Equal(["Gemm", "Relu", "Gemm", "Softmax"], model.Graph.Nodes.Select(n => n.OpType));
        Assert.Equal(["x", "w1", "b1"], model.Graph.Nodes[0].Inputs);
        Assert.Equal(["gemm", "relu", "gemm_1", "softmax"], model.Graph.Nodes.Select(n => n.Outputs.Single()));
        Assert.Equal([4L, 8L], model.Graph.Initializers[0].Dims);
        Assert.Equal(0.1875f, model.Graph.Initializers[0].AsSpan<float>()[0]); // (0 * 37 + 1 * 11) % 17 - 8 = 3, 3 / 16
        var output = (TensorTypeInfo)model.Graph.Outputs[0].Type!;
        Assert.Equal("batch", output.Shape!.Dims[0].Param);
        Assert.Equal(3, output.Shape.Dims[1].Value);
    }
}
