using Onyx.Runtime;

namespace Onyx.Tests.Runtime.Planning;

public sealed class ExecutionStateTests
{
    /// <summary>doubled = x + x; flat = Reshape(doubled, [-1]) and relu = Relu(doubled) are outputs; x is float[2,3].</summary>
    private static Model Doubling()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string doubled = g.AddNode("Add", [x, x]);
        string shape = g.AddInitializer("shape", Tensor.FromArray(new long[] { -1 }, 1));
        g.AddOutput(g.AddNode(new Node("Reshape", [doubled, shape], ["flat"])).Outputs[0], DataType.Float, 6);
        g.AddOutput(g.AddNode(new Node("Relu", [doubled], ["relu"])).Outputs[0], DataType.Float, 2, 3);
        return g.ToModel(17);
    }

    private static Dictionary<string, OnnxValue> X(float value) => new() { ["x"] = OnnxValue.FromArray(Enumerable.Repeat(value, 6).ToArray(), 2, 3) };

    [Fact]
    public void Outputs_of_an_earlier_run_keep_their_values_through_later_runs()
    {
        var session = new InferenceSession(Doubling());

        IReadOnlyDictionary<string, OnnxValue> first = session.Run(X(1));
        IReadOnlyDictionary<string, OnnxValue> second = session.Run(X(-3));

        Assert.Equal(Enumerable.Repeat(2f, 6), first["flat"].ToArray<float>());
        Assert.Equal(Enumerable.Repeat(2f, 6), first["relu"].ToArray<float>());
        Assert.Equal(Enumerable.Repeat(-6f, 6), second["flat"].ToArray<float>());
        Assert.Equal(Enumerable.Repeat(0f, 6), second["relu"].ToArray<float>());
    }

    [Fact]
    public void A_sequence_of_intermediate_tensors_keeps_them_through_later_runs()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string sequence = g.AddNode("SequenceConstruct", [g.AddNode("Add", [x, x]), g.AddNode("Mul", [x, x])]);
        g.AddOutput(new ValueInfo(sequence) { Type = TypeInfo.Sequence(TypeInfo.Tensor(DataType.Float, [2, 3])) });
        var session = new InferenceSession(g.ToModel(17));

        OnnxValue first = session.Run(X(3)).Values.Single();
        session.Run(X(5));

        Assert.Equal(Enumerable.Repeat(6f, 6), first.Elements[0].ToArray<float>());
        Assert.Equal(Enumerable.Repeat(9f, 6), first.Elements[1].ToArray<float>());
    }

    [Fact]
    public void Runs_into_given_tensors_write_them()
    {
        var session = new InferenceSession(Doubling());
        float[] flat = new float[6], relu = new float[6];

        session.Run(X(2), ["relu", "flat"], [OnnxValue.FromMemory<float>(relu, 2, 3), OnnxValue.FromMemory<float>(flat, 6)]);

        Assert.Equal(Enumerable.Repeat(4f, 6), flat);
        Assert.Equal(Enumerable.Repeat(4f, 6), relu);
    }

    [Fact]
    public void A_warm_run_into_given_tensors_allocates_nothing()
    {
        var g = new GraphBuilder("g");
        g.AddOutput(g.AddNode(new Node("Identity", [g.AddInput("x", DataType.Float, 2, 3)], ["y"])).Outputs[0], DataType.Float, 2, 3);
        var session = new InferenceSession(g.ToModel(17));
        Dictionary<string, OnnxValue> inputs = X(2);
        string[] names = ["y"];
        OnnxValue[] outputs = [OnnxValue.FromMemory<float>(new float[6], 2, 3)];
        for (int i = 0; i < 3; i++)
            session.Run(inputs, names, outputs);

        long before = GC.GetAllocatedBytesForCurrentThread();
        session.Run(inputs, names, outputs);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_given_tensor_of_the_wrong_shape_is_refused_naming_the_output()
    {
        var session = new InferenceSession(Doubling());

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(X(1), ["relu"], [OnnxValue.FromMemory<float>(new float[6], 6)]));

        Assert.Contains("output 'relu' must be float[2,3]", error.Message);
        Assert.Contains("float[6]", error.Message);
    }
}
