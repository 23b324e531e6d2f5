using Onyx.Runtime;

namespace Onyx.Tests.Runtime;

public sealed class InferenceSessionTests
{
    /// <summary>y = (x + b) * x over x[batch,3] with the initializer b = [1,2,3]; the sum is named "sum".</summary>
    private static Model AddMul()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "batch", 3);
        string b = g.AddInitializer("b", Tensor.FromArray(new[] { 1f, 2f, 3f }, 3));
        Node sum = g.AddNode(new Node("Add", [x, b], ["sum"]));
        g.AddOutput(g.AddNode("Mul", [sum.Outputs[0], x]), DataType.Float, "batch", 3);
        return g.ToModel(17);
    }

    private static Dictionary<string, OnnxValue> X(params float[] values) => new() { ["x"] = OnnxValue.FromArray(values, values.Length / 3, 3) };

    [Fact]
    public void Runs_and_describes_inputs_and_outputs()
    {
        var session = new InferenceSession(AddMul());

        float[] y = session.Run(X(1, 1, 1, 2, 2, 2)).Values.Single().ToArray<float>();

        Assert.Equal([2f, 3f, 4f, 6f, 8f, 10f], y);
        NodeMetadata input = Assert.Single(session.InputMetadata);
        Assert.Equal(("x", DataType.Float), (input.Name, input.ElementType));
        Assert.Equal("-1,3", string.Join(",", input.Dims!));
        Assert.Equal("batch,", string.Join(",", input.SymbolicDims!));
        Assert.Equal("-1,3", string.Join(",", session.OutputMetadata.Single().Dims!));
    }

    [Fact]
    public void Intermediate_values_can_be_fetched_by_name()
    {
        var session = new InferenceSession(AddMul());

        IReadOnlyDictionary<string, OnnxValue> outputs = session.Run(X(1, 1, 1), ["sum"]);

        Assert.Equal([2f, 3f, 4f], outputs["sum"].ToArray<float>());
    }

    [Fact]
    public void Concurrent_runs_on_one_session_each_get_their_own_results()
    {
        var session = new InferenceSession(AddMul());
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            float v = i;
            float[] y = session.Run(X(v, v, v)).Values.Single().ToArray<float>();
            float[] expected = [(v + 1) * v, (v + 2) * v, (v + 3) * v];
            if (!y.AsSpan().SequenceEqual(expected))
                failures.Add($"run {i}: [{string.Join(",", y)}]");
        });
        Assert.Empty(failures);
    }

    [Fact]
    public void The_callers_model_is_not_changed()
    {
        Model model = AddMul();
        byte[] before = model.ToBytes();

        _ = new InferenceSession(model);

        Assert.Equal(before, model.ToBytes());
    }

    [Fact]
    public void Free_dimension_overrides_fix_symbolic_input_dims()
    {
        var session = new InferenceSession(AddMul(), new SessionOptions { FreeDimensionOverrides = new Dictionary<string, long> { ["batch"] = 2 } });

        Assert.Equal("2,3", string.Join(",", session.InputMetadata.Single().Dims!));
        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(X(1, 1, 1)));
        Assert.Contains("input 'x' must have shape [2,3]", error.Message);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("type")]
    [InlineData("shape")]
    [InlineData("unknown")]
    [InlineData("output")]
    public void Bad_inputs_and_output_names_are_refused_by_name(string problem)
    {
        var session = new InferenceSession(AddMul());
        var inputs = problem switch
        {
            "missing" => new Dictionary<string, OnnxValue>(),
            "type" => new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(new[] { 1.0, 2.0, 3.0 }, 1, 3) },
            "shape" => new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(new[] { 1f, 2f }, 1, 2) },
            "unknown" => new Dictionary<string, OnnxValue>(X(1, 2, 3)) { ["z"] = OnnxValue.FromArray(new[] { 1f }) },
            _ => X(1, 2, 3),
        };

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(inputs, problem == "output" ? ["nope"] : null));

        Assert.Contains(problem switch
        {
            "missing" => "input 'x'",
            "type" => "input 'x' must be tensor(float)",
            "shape" => "input 'x' must have shape [batch,3]",
            "unknown" => "'z' is not an input",
            _ => "'nope' is not a value",
        }, error.Message);
    }

    [Fact]
    public void A_kernel_failure_names_the_node()
    {
        var g = new GraphBuilder("g");
        string a = g.AddInput("a", DataType.Float, "n");
        string b = g.AddInput("b", DataType.Float, "m");
        g.AddOutput(g.AddNode("Add", [a, b]), DataType.Float, "n");
        var session = new InferenceSession(g.ToModel(17));

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxValue>
        {
            ["a"] = OnnxValue.FromArray(new[] { 1f, 2f }),
            ["b"] = OnnxValue.FromArray(new[] { 1f, 2f, 3f }),
        }));

        Assert.Contains("g: node 0", error.Message);
        Assert.Contains("cannot be broadcast", error.Message);
    }

    [Fact]
    public void Operators_without_a_kernel_are_refused_when_the_session_is_prepared()
    {
        // Every standard operator has a kernel, so the registry here leaves NonMaxSuppression's out.
        var g = new GraphBuilder("g");
        string boxes = g.AddInput("boxes", DataType.Float, 1, 1, 4), scores = g.AddInput("scores", DataType.Float, 1, 1, 1);
        g.AddOutput(g.AddNode("NonMaxSuppression", [boxes, scores]), DataType.Int64, "selected", 3);
        var withoutNms = new Onyx.Runtime.Kernels.KernelRegistry(Onyx.Runtime.Kernels.KernelRegistry.Default.All.Where(r => r.OpType != "NonMaxSuppression"));
        var error = Assert.Throws<OnnxRuntimeException>(() => Onyx.Runtime.Planning.Planner.Build(g.ToModel(17), new SessionOptions(), withoutNms));
        Assert.Contains("no kernel for NonMaxSuppression", error.Message);
    }

    [Fact]
    public void Model_local_functions_run_inlined_even_when_nested()
    {
        // custom.Square(x) = Mul(x, x); custom.SquarePlus(x, y) = Add(Square(x), y)
        var square = new FunctionBuilder("custom", "Square").UseOpset("", 17);
        string x = square.AddInput("x");
        square.AddNode(new Node("Mul", [x, x], ["y"]));
        square.AddOutput("y");
        var squarePlus = new FunctionBuilder("custom", "SquarePlus").UseOpset("", 17).UseOpset("custom", 1);
        string a = squarePlus.AddInput("a"), b = squarePlus.AddInput("b");
        squarePlus.AddNode(new Node("Square", [a], ["s"], domain: "custom"));
        squarePlus.AddNode(new Node("Add", ["s", b], ["out"]));
        squarePlus.AddOutput("out");
        var g = new GraphBuilder("g");
        Node call = g.AddNode("SquarePlus", [g.AddInput("p", DataType.Float, 2), g.AddInput("q", DataType.Float, 2)], 1, "custom");
        g.AddOutput(call.Outputs[0], DataType.Float, 2);
        Model model = new ModelBuilder(g.Graph).UseOpset("", 17).UseOpset("custom", 1).AddFunction(square.Build()).AddFunction(squarePlus.Build()).Build();

        var outputs = new InferenceSession(model).Run(new Dictionary<string, OnnxValue>
        {
            ["p"] = OnnxValue.FromArray(new[] { 2f, 3f }),
            ["q"] = OnnxValue.FromArray(new[] { 1f, 1f }),
        });

        Assert.Equal([5f, 10f], outputs.Values.Single().ToArray<float>());
    }
}
