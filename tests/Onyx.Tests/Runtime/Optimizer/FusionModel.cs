using Onyx.Runtime;
using Onyx.Runtime.Kernels;
using Onyx.Runtime.Planning;

namespace Onyx.Tests.Runtime.Fusion;

/// <summary>Builds small models of the patterns the fusion passes match and compares them run with and without the passes.</summary>
internal static class FusionModel
{
    /// <summary>A float constant of the given dims with values drawn from a fixed seed in [-1, 1).</summary>
    public static Tensor Random(int seed, params long[] dims)
    {
        var random = new Random(seed);
        var values = new float[dims.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(random.NextDouble() * 2 - 1);
        return Tensor.FromArray(values, dims);
    }

    public static OnnxValue Input(int seed, params long[] dims) => OnnxValue.FromTensor(Random(seed, dims));

    /// <summary>A model of <paramref name="g"/> importing ai.onnx at <paramref name="opset"/>, its outputs' types inferred.</summary>
    public static Model Build(GraphBuilder g, long opset)
    {
        Model model = g.ToModel(opset);
        ShapeInference.InferShapes(model);
        return model;
    }

    /// <summary>The op types of the graph the session runs at <paramref name="level"/>, ai.onyx ones prefixed with their domain.</summary>
    public static List<string> Optimized(Model model, GraphOptimizationLevel level = GraphOptimizationLevel.Extended)
    {
        Model copy = Model.Parse(model.ToBytes());
        Planner.Build(copy, new SessionOptions { OptimizationLevel = level }, KernelRegistry.Default);
        return [.. copy.Graph.Nodes.Select(n => n.Domain.Length > 0 ? $"{n.Domain}.{n.OpType}" : n.OpType)];
    }

    /// <summary>
    /// Runs <paramref name="model"/> with every pass off and at Extended, asserts every output agrees within a relative
    /// 1e-5 (absolute 1e-5 near zero), and returns the optimized graph's op types.
    /// </summary>
    public static List<string> AssertSameOutputs(Model model, Dictionary<string, OnnxValue> feeds)
    {
        var reference = new InferenceSession(model, new SessionOptions { OptimizationLevel = GraphOptimizationLevel.DisableAll }).Run(feeds);
        var optimized = new InferenceSession(model, new SessionOptions { OptimizationLevel = GraphOptimizationLevel.Extended }).Run(feeds);
        foreach (var (name, expected) in reference)
        {
            float[] e = expected.ToArray<float>(), a = optimized[name].ToArray<float>();
            Assert.Equal(expected.Dims, optimized[name].Dims);
            for (int i = 0; i < e.Length; i++)
                Assert.True(System.Math.Abs(e[i] - a[i]) <= 1e-5 * System.Math.Max(1, System.Math.Abs(e[i])), $"{name}[{i}]: expected {e[i]}, found {a[i]}");
        }
        return Optimized(model);
    }
}
