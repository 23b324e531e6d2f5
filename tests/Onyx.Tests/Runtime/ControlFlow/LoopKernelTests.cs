using Onyx.Runtime;

namespace Onyx.Tests.Runtime.ControlFlowKernels;

public sealed class LoopKernelTests
{
    /// <summary>sum += step each iteration while i &lt; M and sum &lt; limit (limit read from outside); each sum is also scanned.</summary>
    private static Model Accumulate()
    {
        var body = new GraphBuilder("body");
        body.AddInput("i", DataType.Int64);
        body.AddInput("cond_in", DataType.Bool);
        body.AddInput("sum_in", DataType.Float, 1);
        string sum = body.AddNode("Add", ["sum_in", "step"]);
        body.AddOutput(body.AddNode("Less", [sum, "limit"]), DataType.Bool);
        body.AddOutput(body.AddNode("Identity", [sum]), DataType.Float, 1);
        body.AddOutput(body.AddNode("Identity", [sum]), DataType.Float, 1);

        var g = new GraphBuilder("g");
        g.AddInput("M", DataType.Int64);
        g.AddInput("limit", DataType.Float, 1);
        g.AddInitializer("step", Tensor.FromArray(new[] { 2f }, 1));
        g.AddInitializer("start", Tensor.FromArray(new[] { 0f }, 1));
        g.AddInitializer("go", Tensor.Scalar(true));
        Node loop = g.AddNode("Loop", ["M", "go", "start"], 2, "", Attribute.Create("body", body.Build()));
        g.AddOutput(loop.Outputs[0], DataType.Float, 1).AddOutput(loop.Outputs[1], DataType.Float, "n", 1);
        return g.ToModel(16);
    }

    private static OnnxValue[] Run(long trips, float limit, SessionOptions? options = null) =>
        [.. new InferenceSession(Accumulate(), options).Run(new Dictionary<string, OnnxValue>
        {
            ["M"] = OnnxValue.FromTensor(Tensor.Scalar(trips)),
            ["limit"] = OnnxValue.FromArray(new[] { limit }, 1),
        }).Values];

    [Fact]
    public void Stops_at_the_trip_count_and_stacks_the_scan_outputs()
    {
        OnnxValue[] outputs = Run(3, 100);

        Assert.Equal([6f], outputs[0].ToArray<float>());
        Assert.Equal([3L, 1], outputs[1].Dims);
        Assert.Equal([2f, 4f, 6f], outputs[1].ToArray<float>());
    }

    [Fact]
    public void Stops_when_the_body_clears_the_condition()
    {
        OnnxValue[] outputs = Run(100, 5);

        Assert.Equal([6f], outputs[0].ToArray<float>());
        Assert.Equal([2f, 4f, 6f], outputs[1].ToArray<float>());
    }

    [Fact]
    public void Zero_iterations_keep_the_initial_values_and_give_empty_scans()
    {
        OnnxValue[] outputs = Run(0, 100);

        Assert.Equal([0f], outputs[0].ToArray<float>());
        Assert.Equal([0L, 1], outputs[1].Dims);
    }

    [Fact]
    public void A_body_that_changes_a_loop_carried_type_is_rejected()
    {
        var body = new GraphBuilder("body");
        body.AddInput("i", DataType.Int64);
        body.AddInput("cond_in", DataType.Bool);
        body.AddInput("v_in", DataType.Float, 1);
        body.AddOutput(body.AddNode("Identity", ["cond_in"]), DataType.Bool);
        body.AddOutput(body.AddNode("Cast", ["v_in"], Attribute.Create("to", (long)DataType.Int64)), DataType.Int64, 1);
        var g = new GraphBuilder("g");
        g.AddInput("v", DataType.Float, 1);
        g.AddInitializer("M", Tensor.Scalar(2L));
        Node loop = g.AddNode("Loop", ["M", "", "v"], 1, "", Attribute.Create("body", body.Build()));
        g.AddOutput(loop.Outputs[0], DataType.Float, 1);

        var e = Assert.ThrowsAny<OnyxException>(() => new InferenceSession(g.ToModel(16)).Run(new Dictionary<string, OnnxValue>
        {
            ["v"] = OnnxValue.FromArray(new[] { 1f }, 1),
        }));
        Assert.Contains("Loop", e.Message);
    }

    [Fact]
    public void A_loop_past_the_iteration_limit_fails()
    {
        var options = new SessionOptions { MaxLoopIterations = 2 };

        Assert.Equal([4f], Run(2, 100, options)[0].ToArray<float>());
        var e = Assert.Throws<OnnxRuntimeException>(() => Run(3, 100, options));
        Assert.Contains("Loop", e.Message);
        Assert.Contains("MaxLoopIterations", e.Message);
    }

    [Fact]
    public void Subgraphs_nested_past_the_depth_limit_are_refused_when_the_session_is_prepared()
    {
        Model model = Accumulate();

        var e = Assert.Throws<OnnxRuntimeException>(() => new InferenceSession(model, new SessionOptions { MaxSubgraphDepth = 0 }));
        Assert.Contains("MaxSubgraphDepth", e.Message);
        Assert.NotNull(new InferenceSession(model, new SessionOptions { MaxSubgraphDepth = 1 }));
    }

    [Fact]
    public void A_loop_carried_value_may_change_shape_between_iterations()
    {
        // v = Concat(v, v) three times: [1] -> [8].
        var body = new GraphBuilder("body");
        body.AddInput("i", DataType.Int64);
        body.AddInput("cond_in", DataType.Bool);
        body.AddInput("v_in", DataType.Float, "n");
        body.AddOutput(body.AddNode("Identity", ["cond_in"]), DataType.Bool);
        body.AddOutput(body.AddNode("Concat", ["v_in", "v_in"], Attribute.Create("axis", 0L)), DataType.Float, "m");
        var g = new GraphBuilder("g");
        g.AddInput("v", DataType.Float, 1);
        g.AddInitializer("M", Tensor.Scalar(3L));
        Node loop = g.AddNode("Loop", ["M", "", "v"], 1, "", Attribute.Create("body", body.Build()));
        g.AddOutput(loop.Outputs[0], DataType.Float, "k");

        OnnxValue result = new InferenceSession(g.ToModel(16)).Run(new Dictionary<string, OnnxValue>
        {
            ["v"] = OnnxValue.FromArray(new[] { 2f }, 1),
        }).Values.Single();

        Assert.Equal([8L], result.Dims);
        Assert.All(result.ToArray<float>(), v => Assert.Equal(2f, v));
    }
}
