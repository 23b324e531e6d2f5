using static Onyx.Tests.Checking.CheckAssert;

namespace Onyx.Tests.Checking;

public sealed class FunctionRulesTests
{
    private const string Domain = "com.example";
    private const string TwicePath = "function com.example.Twice";

    /// <summary>Twice(x) = Add(x, x), importing ai.onnx <paramref name="opset"/>.</summary>
    private static FunctionBuilder Twice(long opset = 17, string name = "Twice")
    {
        var f = new FunctionBuilder(Domain, name);
        string x = f.AddInput("x");
        f.AddNode(new Node("Add", [x, x], ["sum"], name: "add"));
        f.AddOutput("sum").UseOpset("", opset);
        return f;
    }

    /// <summary>Graph "g": x → com.example.<paramref name="opType"/> → y, with the given functions.</summary>
    private static Model Calling(string opType, params Function[] functions)
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddNode(new Node(opType, ["x"], ["y"], name: "call", domain: Domain));
        g.AddOutput("y", DataType.Float, 2);
        var builder = new ModelBuilder(g.Graph).UseOpset("", 17).UseOpset(Domain, 1);
        foreach (Function f in functions)
            builder.AddFunction(f);
        return builder.Build();
    }

    [Fact]
    public void A_model_calling_a_local_function_is_valid() => Valid(Calling("Twice", Twice().Build()));

    [Fact]
    public void Two_functions_with_one_id()
    {
        Only(Calling("Twice", Twice().Build(), Twice().Build()), CheckCode.DuplicateFunction, TwicePath);
    }

    [Fact]
    public void Overloads_distinguish_functions_of_one_name()
    {
        Function other = Twice().Build();
        other.Overload = "v2";
        Model model = Calling("Twice", Twice().Build(), other);
        model.IrVersion = 10;
        Valid(model);
    }

    [Fact]
    public void Function_calling_itself()
    {
        FunctionBuilder f = Twice();
        f.AddNode(new Node("Twice", ["sum"], ["again"], name: "self", domain: Domain));
        f.UseOpset(Domain, 1);
        CheckProblem p = Only(Calling("Twice", f.Build()), CheckCode.RecursiveFunction, TwicePath, 1);
        Assert.Contains("com.example.Twice -> com.example.Twice", p.Message);
    }

    [Fact]
    public void Functions_calling_each_other()
    {
        var ping = new FunctionBuilder(Domain, "Ping");
        ping.AddInput("x");
        ping.AddNode(new Node("Pong", ["x"], ["y"], domain: Domain));
        ping.AddOutput("y").UseOpset(Domain, 1);
        var pong = new FunctionBuilder(Domain, "Pong");
        pong.AddInput("x");
        pong.AddNode(new Node("Ping", ["x"], ["y"], domain: Domain));
        pong.AddOutput("y").UseOpset(Domain, 1);
        CheckProblem p = Only(Calling("Ping", ping.Build(), pong.Build()), CheckCode.RecursiveFunction, "function com.example.Pong", 0);
        Assert.Contains("com.example.Ping -> com.example.Pong -> com.example.Ping", p.Message);
    }

    [Fact]
    public void Recursion_hidden_in_a_subgraph_of_a_function()
    {
        var f = new FunctionBuilder(Domain, "Deep");
        f.AddInput("x");
        f.AddInput("c");
        var branch = new Graph("branch");
        branch.Nodes.Add(new Node("Deep", ["x", "c"], ["inner"], domain: Domain));
        branch.Outputs.Add(new ValueInfo("inner"));
        f.AddNode(new Node("If", ["c"], ["y"], name: "if").With(Attribute.Create("then_branch", branch)).With(Attribute.Create("else_branch", branch)));
        f.AddOutput("y").UseOpset("", 17).UseOpset(Domain, 1);
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddInput("c", DataType.Bool);
        g.AddNode(new Node("Deep", ["x", "c"], ["y"], domain: Domain));
        g.AddOutput("y", DataType.Float, 2);
        Model model = new ModelBuilder(g.Graph).UseOpset("", 17).UseOpset(Domain, 1).AddFunction(f.Build()).Build();
        Only(model, CheckCode.RecursiveFunction, "function com.example.Deep", 0);
    }

    [Fact]
    public void Function_importing_a_version_that_resolves_differently()
    {
        var f = new FunctionBuilder(Domain, "Norm");
        string x = f.AddInput("x");
        f.AddNode(new Node("Softmax", [x], ["y"], name: "softmax"));
        f.AddOutput("y").UseOpset("", 12);
        CheckProblem p = Only(Calling("Norm", f.Build()), CheckCode.FunctionOpsetMismatch, "function com.example.Norm", 0);
        Assert.Contains("Softmax-11", p.Message);
        Assert.Contains("Softmax-13", p.Message);
    }

    [Fact]
    public void Function_importing_another_version_with_the_same_schema_is_valid() => Valid(Calling("Twice", Twice(15).Build()));

    [Fact]
    public void Function_body_using_an_undefined_value()
    {
        FunctionBuilder f = Twice();
        f.AddNode(new Node("Relu", ["nowhere"], ["r"]));
        Only(Calling("Twice", f.Build()), CheckCode.UndefinedInput, TwicePath, 1);
    }

    [Fact]
    public void Function_body_cannot_see_the_calling_graph()
    {
        FunctionBuilder f = Twice();
        f.AddNode(new Node("Relu", ["y"], ["r"]));
        Only(Calling("Twice", f.Build()), CheckCode.UndefinedInput, TwicePath, 1);
    }

    [Fact]
    public void Function_body_out_of_order()
    {
        var f = new FunctionBuilder(Domain, "Twice");
        f.AddInput("x");
        f.AddNode(new Node("Relu", ["h"], ["sum"]));
        f.AddNode(new Node("Relu", ["x"], ["h"]));
        f.AddOutput("sum").UseOpset("", 17);
        Only(Calling("Twice", f.Build()), CheckCode.NotTopologicallySorted, TwicePath, 0);
    }

    [Fact]
    public void Function_body_assigning_a_value_twice()
    {
        FunctionBuilder f = Twice();
        f.AddNode(new Node("Relu", ["x"], ["sum"]));
        Only(Calling("Twice", f.Build()), CheckCode.DuplicateNodeOutput, TwicePath, 1);
    }

    [Fact]
    public void Function_output_that_its_body_does_not_produce()
    {
        FunctionBuilder f = Twice();
        f.AddOutput("ghost");
        Only(Calling("Twice", f.Build()), CheckCode.UndefinedGraphOutput, TwicePath);
    }

    [Fact]
    public void Function_body_with_an_unknown_operator()
    {
        FunctionBuilder f = Twice();
        f.AddNode(new Node("Frobnicate", ["x"], ["r"]));
        Only(Calling("Twice", f.Build()), CheckCode.UnknownOperator, TwicePath, 1);
    }

    [Fact]
    public void Function_body_domain_must_be_imported_by_the_function()
    {
        var f = new FunctionBuilder(Domain, "Twice");
        string x = f.AddInput("x");
        f.AddNode(new Node("Add", [x, x], ["sum"]));
        f.AddOutput("sum");
        Only(Calling("Twice", f.Build()), CheckCode.DomainNotImported, TwicePath, 0);
    }

    [Fact]
    public void Function_importing_a_domain_twice()
    {
        FunctionBuilder f = Twice();
        f.UseOpset("ai.onnx", 17);
        Only(Calling("Twice", f.Build()), CheckCode.DuplicateOpsetDomain, TwicePath);
    }

    [Fact]
    public void Function_listing_an_input_twice()
    {
        FunctionBuilder f = Twice();
        f.Function.Inputs.Add("x");
        Only(Calling("Twice", f.Build()), CheckCode.FunctionSignatureInvalid, TwicePath);
    }

    [Fact]
    public void Function_listing_an_output_twice()
    {
        FunctionBuilder f = Twice();
        f.AddOutput("sum");
        Only(Calling("Twice", f.Build()), CheckCode.FunctionSignatureInvalid, TwicePath);
    }

    [Fact]
    public void Function_declaring_an_attribute_twice()
    {
        FunctionBuilder f = Twice();
        f.AddAttribute("alpha");
        f.AddAttribute(Attribute.Create("alpha", 1f));
        Model model = Calling("Twice", f.Build());
        model.IrVersion = 9;
        Only(model, CheckCode.FunctionSignatureInvalid, TwicePath);
    }

    [Fact]
    public void Function_attribute_defaults_need_ir_version_9()
    {
        FunctionBuilder f = Twice();
        f.AddAttribute(Attribute.Create("alpha", 1f));
        Model model = Calling("Twice", f.Build());
        model.IrVersion = 8;
        Only(model, CheckCode.FeatureNeedsNewerIrVersion, TwicePath);
    }

    [Fact]
    public void Function_overloads_need_ir_version_10()
    {
        Function f = Twice().Build();
        f.Overload = "v2";
        Model model = Calling("Twice", f);
        model.Graph.Nodes[0].Overload = "v2";
        model.IrVersion = 9;
        CheckResult result = ModelChecker.Check(model);
        Assert.Equal(2, result.Problems.Count(p => p.Code == CheckCode.FeatureNeedsNewerIrVersion));
        Includes(model, CheckCode.FeatureNeedsNewerIrVersion, "g", 0);
        Includes(model, CheckCode.FeatureNeedsNewerIrVersion, "function com.example.Twice:v2");
    }

    [Fact]
    public void Calling_a_function_with_too_many_inputs()
    {
        Model model = Calling("Twice", Twice().Build());
        model.Graph.Nodes[0].Inputs.Add("x");
        Only(model, CheckCode.TooManyInputs, "g", 0);
    }

    [Fact]
    public void Calling_a_function_with_too_many_outputs()
    {
        Model model = Calling("Twice", Twice().Build());
        model.Graph.Nodes[0].Outputs.Add("extra");
        Only(model, CheckCode.TooManyOutputs, "g", 0);
    }

    [Fact]
    public void Calling_a_function_with_an_attribute_it_does_not_declare()
    {
        Model model = Calling("Twice", Twice().Build());
        model.Graph.Nodes[0].Attributes.Add(Attribute.Create("beta", 2f));
        Only(model, CheckCode.UnknownAttribute, "g", 0);
    }

    [Fact]
    public void Function_body_may_refer_to_the_callers_attributes()
    {
        var f = new FunctionBuilder(Domain, "Norm");
        string x = f.AddInput("x");
        f.AddAttribute("axis");
        f.AddNode(new Node("Softmax", [x], ["y"]).With(Attribute.Reference("axis", AttributeType.Int, "axis")));
        f.AddOutput("y").UseOpset("", 17);
        Model model = Calling("Norm", f.Build());
        model.Graph.Nodes[0].Attributes.Add(Attribute.Create("axis", 0L));
        Valid(model);
    }

    [Fact]
    public void Attribute_reference_that_also_holds_a_value()
    {
        var f = new FunctionBuilder(Domain, "Norm");
        string x = f.AddInput("x");
        f.AddAttribute("axis");
        Attribute reference = Attribute.Reference("axis", AttributeType.Int, "axis");
        reference.Int = 3;
        f.AddNode(new Node("Softmax", [x], ["y"]).With(reference));
        f.AddOutput("y").UseOpset("", 17);
        Only(Calling("Norm", f.Build()), CheckCode.AttributeMalformed, "function com.example.Norm", 0);
    }
}
