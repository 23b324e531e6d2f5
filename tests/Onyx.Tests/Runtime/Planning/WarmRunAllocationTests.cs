using Onyx.Bench.Models;
using Onyx.Runtime;

namespace Onyx.Tests.Runtime.Planning;

public sealed class WarmRunAllocationTests
{
    private static readonly SessionOptions OneThread = new() { IntraOpThreads = 1 };

    /// <summary>
    /// x float [batch,3,4], ids int64 [batch] → y float [batch,5] through Transpose, Reshape, Gather, Add (equal shapes,
    /// a row, a scalar), Sub, Mul, LayerNormalization, Flatten and Gemm; z float [batch,3,6] = MatMul(x, w);
    /// q int64 [batch,3] = ids as a column times a row (the generic broadcast loop).
    /// </summary>
    private static Model KernelChain()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "batch", 3, 4);
        string ids = g.AddInput("ids", DataType.Int64, "batch");
        string t = g.AddNode("Transpose", [x], Attribute.Create("perm", new long[] { 0, 2, 1 }));
        string r = g.AddNode("Reshape", [t, g.AddInitializer("rows", Tensor.FromArray(new long[] { 0, -1 }, 2))]);
        string table = g.AddInitializer("table", Tensor.FromArray(Sequence(60, 0.1f), 5, 12));
        string gathered = g.AddNode("Gather", [table, ids], Attribute.Create("axis", 0L));
        string sum = g.AddNode("Add", [g.AddNode("Add", [r, gathered]), g.AddInitializer("bias", Tensor.FromArray(Sequence(12, 0.5f), 12))]);
        string scaled = g.AddNode("Mul", [g.AddNode("Sub", [g.AddInitializer("one", Tensor.Scalar(1f)), sum]), g.AddInitializer("half", Tensor.FromArray(new[] { 0.5f }, 1, 1))]);
        string normalized = g.AddNode("LayerNormalization",
            [scaled, g.AddInitializer("gamma", Tensor.FromArray(Sequence(12, 0.25f), 12)), g.AddInitializer("beta", Tensor.FromArray(Sequence(12, -0.1f), 12))],
            Attribute.Create("axis", -1L));
        string flat = g.AddNode("Flatten", [g.AddNode("Reshape", [normalized, g.AddInitializer("cube", Tensor.FromArray(new long[] { 0, 3, 4 }, 3))])], Attribute.Create("axis", 1L));
        string y = g.AddNode("Gemm", [flat, g.AddInitializer("w", Tensor.FromArray(Sequence(60, 0.01f), 12, 5)), g.AddInitializer("c", Tensor.FromArray(Sequence(5, 1f), 5))]);
        g.AddOutput(g.AddNode(new Node("Identity", [y], ["y"])).Outputs[0], DataType.Float, "batch", 5);
        string z = g.AddNode("MatMul", [x, g.AddInitializer("w2", Tensor.FromArray(Sequence(24, 0.1f), 4, 6))]);
        g.AddOutput(g.AddNode(new Node("Identity", [z], ["z"])).Outputs[0], DataType.Float, "batch", 3, 6);
        string column = g.AddNode("Unsqueeze", [ids, g.AddInitializer("last", Tensor.FromArray(new long[] { 1 }, 1))]);
        string q = g.AddNode("Mul", [column, g.AddInitializer("steps", Tensor.FromArray(new long[] { 1, 10, 100 }, 1, 3))]);
        g.AddOutput(g.AddNode(new Node("Identity", [q], ["q"])).Outputs[0], DataType.Int64, "batch", 3);
        return g.ToModel(17);
    }

    private static float[] Sequence(int count, float step)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
            values[i] = (i % 7 - 3) * step;
        return values;
    }

    private static Dictionary<string, OnnxValue> ChainInputs(int batch)
    {
        var x = new float[batch * 12];
        var ids = new long[batch];
        for (int i = 0; i < x.Length; i++)
            x[i] = (i * 37 % 23 - 11) * 0.125f;
        for (int i = 0; i < batch; i++)
            ids[i] = i % 2 == 0 ? i % 5 : -1 - i % 5;
        return new() { ["x"] = OnnxValue.FromArray(x, batch, 3, 4), ["ids"] = OnnxValue.FromArray(ids, batch) };
    }

    private static readonly string[] ChainOutputs = ["y", "z", "q"];

    private static OnnxValue[] ChainTargets(int batch) =>
    [
        OnnxValue.FromMemory<float>(new float[batch * 5], batch, 5),
        OnnxValue.FromMemory<float>(new float[batch * 18], batch, 3, 6),
        OnnxValue.FromMemory<long>(new long[batch * 3], batch, 3),
    ];

    /// <summary>The allocation of a third run into <paramref name="outputs"/> after two warm-up runs.</summary>
    private static long WarmRunAllocation(InferenceSession session, Dictionary<string, OnnxValue> inputs, string[] names, OnnxValue[] outputs)
    {
        session.Run(inputs, names, outputs);
        session.Run(inputs, names, outputs);
        long before = GC.GetAllocatedBytesForCurrentThread();
        session.Run(inputs, names, outputs);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(GraphOptimizationLevel.DisableAll)]
    [InlineData(GraphOptimizationLevel.Basic)]
    public void A_warm_run_of_the_elementwise_layout_gather_normalization_and_matrix_kernels_allocates_nothing(GraphOptimizationLevel level)
    {
        var session = new InferenceSession(KernelChain(), OneThread with { OptimizationLevel = level });

        Assert.Equal(0, WarmRunAllocation(session, ChainInputs(3), ChainOutputs, ChainTargets(3)));
    }

    [Fact]
    public void Runs_alternating_between_two_batch_sizes_match_fresh_sessions()
    {
        var session = new InferenceSession(KernelChain(), OneThread);
        IReadOnlyDictionary<string, OnnxValue> expectedTwo = new InferenceSession(KernelChain(), OneThread).Run(ChainInputs(2));
        IReadOnlyDictionary<string, OnnxValue> expectedFive = new InferenceSession(KernelChain(), OneThread).Run(ChainInputs(5));

        for (int round = 0; round < 3; round++)
        {
            foreach ((int batch, IReadOnlyDictionary<string, OnnxValue> expected) in new[] { (2, expectedTwo), (5, expectedFive) })
            {
                OnnxValue[] targets = ChainTargets(batch);
                session.Run(ChainInputs(batch), ChainOutputs, targets);
                Assert.Equal(expected["y"].ToArray<float>(), targets[0].ToArray<float>());
                Assert.Equal(expected["z"].ToArray<float>(), targets[1].ToArray<float>());
                Assert.Equal(expected["q"].ToArray<long>(), targets[2].ToArray<long>());
            }
        }
    }

    [Fact]
    public void A_column_times_a_row_broadcasts_both_ways()
    {
        IReadOnlyDictionary<string, OnnxValue> outputs = new InferenceSession(KernelChain(), OneThread).Run(ChainInputs(3));

        // ids are 0, -2, 2.
        Assert.Equal([0, 0, 0, -2, -20, -200, 2, 20, 200], outputs["q"].ToArray<long>());
    }

    [Fact]
    public void A_transpose_outside_the_two_group_swaps_moves_each_element()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Int16, 2, 3, 2);
        g.AddOutput(g.AddNode(new Node("Transpose", [x], ["y"]).With(Attribute.Create("perm", new long[] { 1, 0, 2 }))).Outputs[0], DataType.Int16, 3, 2, 2);
        var session = new InferenceSession(g.ToModel(17), OneThread);
        short[] values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

        short[] y = session.Run(new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(values, 2, 3, 2) })["y"].ToArray<short>();

        Assert.Equal([0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11], y);
    }

    [Fact]
    public void A_reshape_output_kept_from_an_earlier_run_keeps_its_values()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 2);
        string doubled = g.AddNode("Add", [x, x]);
        g.AddOutput(g.AddNode(new Node("Reshape", [doubled, g.AddInitializer("flat", Tensor.FromArray(new long[] { 4 }, 1))], ["y"])).Outputs[0], DataType.Float, 4);
        var session = new InferenceSession(g.ToModel(17), OneThread);

        OnnxValue first = session.Run(new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(new[] { 1f, 2, 3, 4 }, 2, 2) })["y"];
        OnnxValue second = session.Run(new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(new[] { 5f, 6, 7, 8 }, 2, 2) })["y"];

        Assert.Equal([2f, 4, 6, 8], first.ToArray<float>());
        Assert.Equal([10f, 12, 14, 16], second.ToArray<float>());
    }

    [Fact]
    public void Gemm_broadcasts_c_as_a_column_a_row_or_a_scalar()
    {
        float[] a = [1, 2, 3, 4], b = [1, 0, 0, 1];
        foreach ((float[] c, long[] dims, float[] expected) in new[]
        {
            (new[] { 10f, 20 }, new long[] { 2, 1 }, new[] { 11f, 12, 23, 24 }),
            (new[] { 10f, 20 }, new long[] { 1, 2 }, new[] { 11f, 22, 13, 24 }),
            (new[] { 10f }, new long[0], new[] { 11f, 12, 13, 14 }),
        })
        {
            var g = new GraphBuilder("g");
            string x = g.AddInput("a", DataType.Float, 2, 2);
            string y = g.AddNode("Gemm", [x, g.AddInitializer("b", Tensor.FromArray(b, 2, 2)), g.AddInitializer("c", Tensor.FromArray(c, dims))]);
            g.AddOutput(g.AddNode(new Node("Identity", [y], ["y"])).Outputs[0], DataType.Float, 2, 2);
            var session = new InferenceSession(g.ToModel(17), OneThread with { OptimizationLevel = GraphOptimizationLevel.DisableAll });

            Assert.Equal(expected, session.Run(new Dictionary<string, OnnxValue> { ["a"] = OnnxValue.FromArray(a, 2, 2) })["y"].ToArray<float>());
        }
    }

    [Fact]
    public void A_warm_run_of_resnet50_into_given_tensors_allocates_nothing()
    {
        BenchmarkModel model = ResNet50.Create();

        Assert.Equal(0, WarmBenchmarkRunAllocation(model));
    }

    [Fact]
    public void A_warm_run_of_bert_base_into_given_tensors_allocates_nothing()
    {
        BenchmarkModel model = BertBase.Create();

        Assert.Equal(0, WarmBenchmarkRunAllocation(model));
    }

    private static long WarmBenchmarkRunAllocation(BenchmarkModel model)
    {
        var session = new InferenceSession(model.Model, OneThread);
        var inputs = new Dictionary<string, OnnxValue>();
        for (int i = 0; i < model.Inputs.Count; i++)
            inputs[model.Model.Graph.Inputs[i].Name] = OnnxValue.FromTensor(model.Inputs[i]);
        ValueInfo output = model.Model.Graph.Outputs[0];
        long[] dims = [.. ((TensorTypeInfo)output.Type!).Shape!.Dims.Select(d => d.Value!.Value)];
        OnnxValue[] outputs = [OnnxValue.FromMemory<float>(new float[dims.Aggregate(1L, (p, d) => p * d)], dims)];
        string[] names = [output.Name];
        return WarmRunAllocation(session, inputs, names, outputs);
    }
}
