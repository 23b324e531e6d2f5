using Onyx.Runtime;

namespace Onyx.Tests.Runtime.Planning;

public sealed class ProfilingTests
{
    /// <summary>sum = x + x, then y = Relu(sum); x is float[2,3]; no optimization so both nodes stay.</summary>
    private static InferenceSession Session(bool profiling)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string sum = g.AddNode(new Node("Add", [x, x], ["sum"]) { Name = "add" }).Outputs[0];
        g.AddOutput(g.AddNode(new Node("Relu", [sum], ["y"]) { Name = "relu" }).Outputs[0], DataType.Float, 2, 3);
        return new InferenceSession(g.ToModel(17), new SessionOptions { EnableProfiling = profiling, OptimizationLevel = GraphOptimizationLevel.DisableAll });
    }

    private static Dictionary<string, OnnxValue> X() => new() { ["x"] = OnnxValue.FromArray(new float[6], 2, 3) };

    [Fact]
    public void A_profile_counts_each_node_per_run_and_starts_again_after_it_is_taken()
    {
        InferenceSession session = Session(profiling: true);
        session.Run(X());
        session.Run(X());

        IReadOnlyList<NodeProfile> first = session.TakeProfile();
        session.Run(X());
        IReadOnlyList<NodeProfile> second = session.TakeProfile();

        Assert.Equal(["add", "relu"], first.Select(p => p.Name));
        Assert.Equal(["Add", "Relu"], first.Select(p => p.OpType));
        Assert.All(first, p => Assert.Equal(2, p.Calls));
        Assert.All(first, p => Assert.True(p.Time > TimeSpan.Zero));
        Assert.All(second, p => Assert.Equal(1, p.Calls));
    }

    [Fact]
    public void Taking_a_profile_of_a_session_that_does_not_profile_says_how_to_enable_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Session(profiling: false).TakeProfile());

        Assert.Contains("EnableProfiling", error.Message);
    }
}
