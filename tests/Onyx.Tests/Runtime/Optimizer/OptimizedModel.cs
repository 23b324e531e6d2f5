using Onyx.Runtime;
using Onyx.Runtime.Kernels;
using Onyx.Runtime.Planning;

namespace Onyx.Tests.Runtime.Optimizer;

/// <summary>Optimizes models built in tests and checks that optimizing changes no output.</summary>
internal static class OptimizedModel
{
    /// <summary>A copy of <paramref name="model"/> as the session prepares it at <paramref name="level"/>: inlined and optimized.</summary>
    public static Model Prepare(Model model, GraphOptimizationLevel level = GraphOptimizationLevel.Basic) =>
        Planner.Prepare(Model.Parse(model.ToBytes()), new SessionOptions { OptimizationLevel = level }, KernelRegistry.Default).Model;

    /// <summary>
    /// Runs <paramref name="model"/> unoptimized and at <paramref name="level"/> on <paramref name="feeds"/>, asserts that
    /// every output matches (floating-point ones within <paramref name="tolerance"/>, relative), and returns the
    /// optimized model.
    /// </summary>
    public static Model AssertSameOutputs(Model model, Dictionary<string, OnnxValue> feeds, double tolerance = 1e-5,
        GraphOptimizationLevel level = GraphOptimizationLevel.Basic)
    {
        IReadOnlyDictionary<string, OnnxValue> expected = new InferenceSession(model, new SessionOptions { OptimizationLevel = GraphOptimizationLevel.DisableAll }).Run(feeds);
        IReadOnlyDictionary<string, OnnxValue> actual = new InferenceSession(model, new SessionOptions { OptimizationLevel = level }).Run(feeds);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, value) in expected)
        {
            Tensor e = value.Tensor, a = actual[name].Tensor;
            Assert.Equal(e.DataType, a.DataType);
            Assert.Equal(e.Dims, a.Dims);
            if (e.DataType is DataType.Float or DataType.Double)
            {
                double[] x = e.DataType == DataType.Float ? [.. e.ToArray<float>().Select(v => (double)v)] : e.ToArray<double>();
                double[] y = a.DataType == DataType.Float ? [.. a.ToArray<float>().Select(v => (double)v)] : a.ToArray<double>();
                for (int i = 0; i < x.Length; i++)
                    Assert.True(System.Math.Abs(x[i] - y[i]) <= tolerance * System.Math.Max(1, System.Math.Abs(x[i])), $"{name}[{i}]: {y[i]}, expected {x[i]}");
            }
            else
                Assert.Equal(e.RawData.ToArray(), a.RawData.ToArray());
        }
        return Prepare(model, level);
    }

    /// <summary>Declares <paramref name="name"/> a float graph output of rank <paramref name="rank"/> with symbolic dims.</summary>
    public static void AddFloatOutput(GraphBuilder g, string name, int rank) =>
        g.AddOutput(name, DataType.Float, [.. Enumerable.Range(0, rank).Select(i => new Dim($"{name}_{i}"))]);

    /// <summary>The op types of the graph's nodes, in order.</summary>
    public static string[] OpTypes(Model model) => [.. model.Graph.Nodes.Select(n => n.OpType)];

    public static Tensor Initializer(Model model, string name) => model.Graph.Initializers.Single(t => t.Name == name);

    public static Dictionary<string, OnnxValue> Feeds(params (string Name, OnnxValue Value)[] feeds) => feeds.ToDictionary(f => f.Name, f => f.Value);

    /// <summary>Deterministic values in [-1, 1) for a tensor of <paramref name="dims"/>.</summary>
    public static OnnxValue Floats(params long[] dims)
    {
        var random = new Random(17);
        long count = dims.Aggregate(1L, (a, d) => a * d);
        return OnnxValue.FromArray(Enumerable.Range(0, (int)count).Select(_ => random.NextSingle() * 2 - 1).ToArray(), dims);
    }

    public static Tensor Constant(params long[] dims)
    {
        var random = new Random(dims.Length + 5);
        long count = dims.Aggregate(1L, (a, d) => a * d);
        return Tensor.FromArray(Enumerable.Range(0, (int)count).Select(_ => random.NextSingle() * 2 - 1).ToArray(), dims);
    }
}
