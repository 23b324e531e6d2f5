namespace Onyx.Tests.Inference;

public sealed class ShapeInferenceDriverTests
{
    private static ValueInfo Value(Model model, string name) =>
        model.Graph.ValueInfos.Concat(model.Graph.Outputs).Single(v => v.Name == name);

    private static string Describe(Model model, string name) => Value(model, name).ToString();

    [Fact]
    public void Broadcasting_keeps_symbolic_dims()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "N", 1, 3);
        string y = g.AddInput("y", DataType.Float, 5, 3);
        string sum = g.AddNode("Add", [x, y]);
        Model model = g.ToModel(17);

        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });

        Assert.Equal($"{sum}: tensor(float)[N,5,3]", Describe(model, sum));
    }

    [Fact]
    public void Shape_values_flow_through_integer_arithmetic()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "N", 3);
        string shape = g.AddNode("Shape", [x]);
        string one = g.AddInitializer("one", Tensor.FromArray(new long[] { 1, 1 }, 2));
        string plusOne = g.AddNode("Add", [shape, one]);
        g.AddOutput(plusOne, DataType.Int64, 2);
        Model model = g.ToModel(17);

        var inferencer = new GraphInferencer(model, new ShapeInferenceOptions { Strict = true });
        inferencer.InferModel();

        Assert.Equal($"{shape}: tensor(int64)[2]", Describe(model, shape));
        Assert.Equal($"{plusOne}: tensor(int64)[2]", Describe(model, plusOne));
    }

    [Fact]
    public void Strict_mode_throws_with_the_node_location()
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string y = g.AddInput("y", DataType.Float, 4, 3);
        g.AddNode(new Node("Add", [x, y], ["sum"], name: "adder"));
        Model model = g.ToModel(17);

        var e = Assert.Throws<ShapeInferenceException>(() => ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true }));

        Assert.Equal(new NodeLocation("g", 0, "adder", "Add", "", 14), e.Location);
        Assert.Contains("dimension 0 is 2 in one and 4 in another", e.Problem);
    }

    [Fact]
    public void Non_strict_mode_reports_problems_and_goes_on()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 2);
        string y = g.AddInput("y", DataType.Float, 3);
        g.AddNode("Add", [x, y]);
        string a = g.AddNode("Abs", [x]);
        Model model = g.ToModel(17);

        ShapeInferenceResult result = ShapeInference.InferShapes(model);

        Assert.Single(result.Problems);
        Assert.Equal($"{a}: tensor(float)[2]", Describe(model, a));
    }

    [Fact]
    public void A_declared_type_that_contradicts_inference_is_reported()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 2, 3);
        string a = g.AddNode("Abs", [x]);
        g.AddOutput(a, DataType.Float, 2, 4);
        Model model = g.ToModel(17);

        var e = Assert.Throws<ShapeInferenceException>(() => ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true }));
        Assert.Contains("does not match declared shape [2,4] in dimension 1", e.Problem);
    }

    [Fact]
    public void Declared_symbols_are_kept_where_inference_knows_nothing_more()
    {
        var g = new GraphBuilder();
        string x = g.AddInput(new ValueInfo("x", TypeInfo.Tensor(DataType.Float, new Dim(), 3)));
        string a = g.AddNode("Abs", [x]);
        g.AddOutput(a, DataType.Float, "batch", 3);
        Model model = g.ToModel(17);

        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });

        Assert.Equal($"{a}: tensor(float)[batch,3]", model.Graph.Outputs[0].ToString());
    }

    [Fact]
    public void Unknown_operators_and_domains_are_problems()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 2);
        g.AddNode("NoSuchOp", [x]);
        g.AddNode("Relu", [x], 1, domain: "com.example");
        Model model = g.ToModel(17);

        ShapeInferenceResult result = ShapeInference.InferShapes(model);

        Assert.Equal(2, result.Problems.Count);
        Assert.Contains("no operator NoSuchOp is defined in ai.onnx version 17", result.Problems[0].Problem);
        Assert.Contains("does not import domain 'com.example'", result.Problems[1].Problem);
    }

    [Fact]
    public void Model_local_functions_are_inferred_through_their_body()
    {
        var f = new FunctionBuilder("com.example", "AbsPlus");
        string fx = f.AddInput("X");
        string fy = f.AddInput("Y");
        f.AddOutput(f.AddNode("Add", [f.AddNode("Abs", [fx]), fy])).UseOpset("", 17);
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "N", 4);
        string y = g.AddInput("y", DataType.Float, 4);
        string z = g.AddNode("AbsPlus", [x, y], 1, domain: "com.example").Outputs[0];
        Model model = new ModelBuilder(g.Graph).UseOpset("", 17).UseOpset("com.example", 1).AddFunction(f.Build()).Build();

        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });

        Assert.Equal($"{z}: tensor(float)[N,4]", Describe(model, z));
    }

    [Fact]
    public void A_function_that_calls_itself_is_a_problem_not_a_stack_overflow()
    {
        var f = new FunctionBuilder("com.example", "Forever");
        f.AddOutput(f.AddNode(new Node("Forever", [f.AddInput("X")], ["Y"], domain: "com.example")).Outputs[0]).UseOpset("com.example", 1);
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, 2);
        g.AddNode("Forever", [x], 1, domain: "com.example");
        Model model = new ModelBuilder(g.Graph).UseOpset("", 17).UseOpset("com.example", 1).AddFunction(f.Build()).Build();

        ShapeInferenceResult result = ShapeInference.InferShapes(model);

        Assert.Contains(result.Problems, p => p.Problem.Contains("calls itself", StringComparison.Ordinal));
    }
}
