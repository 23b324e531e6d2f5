using Onyx.Bench.Models;
using Onyx.Runtime;

namespace Onyx.Tests.Bench;

public sealed class BenchmarkModelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void MobileNetV2_is_valid_deterministic_and_runs_to_finite_logits()
    {
        BenchmarkModel first = MobileNetV2.Create();
        BenchmarkModel second = MobileNetV2.Create();

        Assert.True(ModelChecker.Check(first.Model, new CheckerOptions { FullCheck = true }).IsValid);
        Assert.Equal(first.Model.ToBytes(), second.Model.ToBytes());
        Assert.Equal(17, first.Model.Graph.Nodes.Count(n => n.OpType == "Conv" && n.FindAttribute("group") is { Int: > 1 }));
        var session = new InferenceSession(first.Model);
        float[] logits = session.Run(new Dictionary<string, OnnxValue> { ["input"] = OnnxValue.FromTensor(first.Inputs[0]) })["logits"].ToArray<float>();
        Assert.Equal(1000, logits.Length);
        Assert.All(logits, v => Assert.True(float.IsFinite(v)));
        Assert.True(logits.Max() - logits.Min() > 1, "the logits should differ between classes");
    }

    [Fact]
    public void ResNet50_has_conv_without_bias_before_each_batch_normalization()
    {
        Model model = ResNet50.Create().Model;

        Node[] convs = [.. model.Graph.Nodes.Where(n => n.OpType == "Conv")];
        Assert.Equal(53, convs.Length);
        Assert.All(convs, c => Assert.Equal(2, c.Inputs.Count));
        Assert.All(convs, c => Assert.Contains(model.Graph.Nodes, n => n.OpType == "BatchNormalization" && n.Inputs[0] == c.Outputs[0]));
        Assert.Equal(16, model.Graph.Nodes.Count(n => n.OpType == "Add"));
        Assert.True(ModelChecker.Check(model, new CheckerOptions { FullCheck = true }).IsValid);
    }

    [Fact]
    public void Save_writes_the_backend_test_layout_with_named_inputs()
    {
        string folder = MobileNetV2.Create().Save(_folder.Path);

        Assert.Equal(Path.Combine(_folder.Path, "mobilenetv2"), folder);
        Assert.Equal("input", TensorFile.ReadTensor(Path.Combine(folder, "test_data_set_0", "input_0.pb")).Name);
        Assert.Equal("logits", Model.Load(Path.Combine(folder, "model.onnx")).Graph.Outputs[0].Name);
    }
}
