using Onyx.Tests;

namespace Onyx.Conformance;

/// <summary>The nine classic CNNs of light/: strict inference gives every intermediate value a fully concrete shape.</summary>
public sealed class LightModelInferenceTests
{
    public static TheoryData<string> Models =>
        [.. Directory.EnumerateFiles(Path.Combine(BackendTestData.Root, "light"), "*.onnx").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_value_gets_a_concrete_shape(string file)
    {
        Model model = Model.Load(Path.Combine(BackendTestData.Root, "light", file));
        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });

        var typed = model.Graph.ValueInfos.Concat(model.Graph.Outputs).ToDictionary(v => v.Name, v => v.Type);
        var missing = new List<string>();
        foreach (Node node in model.Graph.Nodes)
            foreach (string output in node.Outputs.Where(o => o.Length > 0))
                if (!typed.TryGetValue(output, out TypeInfo? type) || type is not TensorTypeInfo { Shape: { } shape } || shape.Dims.Any(d => d.Value is null))
                    missing.Add($"{output} ({node.OpType}): {(type is null ? "no type" : InferenceOutcome.Describe(type))}");
        Assert.True(missing.Count == 0, $"{missing.Count} values without a concrete shape, first: {string.Join("; ", missing.Take(5))}");
    }
}
