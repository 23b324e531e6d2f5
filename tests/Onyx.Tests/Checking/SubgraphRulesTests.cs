using static Onyx.Tests.Checking.CheckAssert;

namespace Onyx.Tests.Checking;

public sealed class SubgraphRulesTests
{
    private static Model WithIf(Graph thenBranch, Graph elseBranch, Action<GraphBuilder>? after = null)
    {
        GraphBuilder g = WithCondition();
        g.AddNode(If("if", thenBranch, elseBranch, "r"));
        after?.Invoke(g);
        g.AddOutput("r", DataType.Float, 2, 3);
        return g.ToModel(17);
    }

    [Fact]
    public void Branches_may_use_outer_values_defined_before_the_node() =>
        Valid(WithIf(Branch("then", "x"), Branch("else", "x")));

    [Fact]
    public void Branch_using_an_outer_value_defined_after_the_node()
    {
        GraphBuilder g = WithCondition();
        g.AddNode(If("if", Branch("then", "late"), Branch("else", "x"), "r"));
        g.AddNode(new Node("Relu", ["x"], ["late"]));
        g.AddOutput("r", DataType.Float, 2, 3);
        CheckProblem p = Only(g.ToModel(17), CheckCode.NotTopologicallySorted, "g/if:then_branch", 0);
        Assert.Contains("enclosing graph g", p.Message);
    }

    [Fact]
    public void Branch_using_the_output_of_its_own_node() =>
        Only(WithIf(Branch("then", "r", "o"), Branch("else", "x")), CheckCode.NotTopologicallySorted, "g/if:then_branch", 0);

    [Fact]
    public void Branch_using_an_undefined_value() =>
        Only(WithIf(Branch("then", "x"), Branch("else", "nope")), CheckCode.UndefinedInput, "g/if:else_branch", 0);

    [Fact]
    public void Branch_output_that_nothing_produces()
    {
        Graph elseBranch = Branch("else", "x");
        elseBranch.Outputs[0].Name = "zzz";
        Only(WithIf(Branch("then", "x"), elseBranch), CheckCode.UndefinedGraphOutput, "g/if:else_branch");
    }

    [Fact]
    public void Branch_output_must_be_defined_in_the_branch_not_outside()
    {
        var elseBranch = new Graph("else");
        elseBranch.Outputs.Add(ValueInfo.Tensor("x", DataType.Float, 2, 3));
        Only(WithIf(Branch("then", "x"), elseBranch), CheckCode.UndefinedGraphOutput, "g/if:else_branch");
    }

    [Fact]
    public void Branch_listing_an_output_twice()
    {
        Graph thenBranch = Branch("then", "x");
        thenBranch.Outputs.Add(ValueInfo.Tensor("out", DataType.Float, 2, 3));
        Only(WithIf(thenBranch, Branch("else", "x")), CheckCode.DuplicateGraphOutput, "g/if:then_branch");
    }

    [Fact]
    public void Branch_node_output_shadowing_an_outer_value() =>
        Only(WithIf(Branch("then", "x", "x"), Branch("else", "x")), CheckCode.OutputRedefinesValue, "g/if:then_branch", 0);

    [Fact]
    public void Branch_initializer_shadowing_an_outer_value()
    {
        Graph thenBranch = Branch("then", "x");
        thenBranch.Initializers.Add(new Tensor(DataType.Float, [1], new byte[4], "c"));
        Only(WithIf(thenBranch, Branch("else", "x")), CheckCode.ShadowsOuterValue, "g/if:then_branch");
    }

    [Fact]
    public void Branch_without_a_name()
    {
        Graph thenBranch = Branch("", "x");
        Only(WithIf(thenBranch, Branch("else", "x")), CheckCode.EmptyName, "g/if:then_branch");
    }

    [Fact]
    public void Branch_with_an_unknown_operator()
    {
        Graph thenBranch = Branch("then", "x");
        thenBranch.Nodes[0].OpType = "Frobnicate";
        Only(WithIf(thenBranch, Branch("else", "x")), CheckCode.UnknownOperator, "g/if:then_branch", 0);
    }

    [Fact]
    public void Unnamed_node_subgraphs_are_labelled_by_operator_and_index()
    {
        GraphBuilder g = WithCondition();
        g.AddNode(new Node("Relu", ["x"], ["a"], name: "relu"));
        g.AddNode(new Node("If", ["c"], ["r"])
            .With(Attribute.Create("then_branch", Branch("then", "a")))
            .With(Attribute.Create("else_branch", Branch("else", "missing"))));
        g.AddOutput("r", DataType.Float, 2, 3);
        Only(g.ToModel(17), CheckCode.UndefinedInput, "g/If_1:else_branch", 0);
    }

    [Fact]
    public void Nested_branch_using_an_undefined_value()
    {
        var middle = new Graph("middle");
        middle.Nodes.Add(If("inner", Branch("inner_then", "x", "o1"), Branch("inner_else", "nope", "o2"), "m"));
        middle.Outputs.Add(ValueInfo.Tensor("m", DataType.Float, 2, 3));
        Only(WithIf(middle, Branch("else", "x")), CheckCode.UndefinedInput, "g/if:then_branch/inner:else_branch", 0);
    }

    [Fact]
    public void Nested_branch_using_a_value_its_enclosing_branch_defines_later()
    {
        var middle = new Graph("middle");
        middle.Nodes.Add(If("inner", Branch("inner_then", "x", "o1"), Branch("inner_else", "later", "o2"), "m"));
        middle.Nodes.Add(new Node("Relu", ["x"], ["later"], name: "late"));
        middle.Outputs.Add(ValueInfo.Tensor("m", DataType.Float, 2, 3));
        Only(WithIf(middle, Branch("else", "x")), CheckCode.NotTopologicallySorted, "g/if:then_branch/inner:else_branch", 0);
    }

    [Fact]
    public void Nested_branch_may_use_values_of_every_enclosing_graph()
    {
        var middle = new Graph("middle");
        middle.Nodes.Add(new Node("Relu", ["x"], ["mid"], name: "mid"));
        middle.Nodes.Add(If("inner", Branch("inner_then", "mid", "o1"), Branch("inner_else", "x", "o2"), "m"));
        middle.Outputs.Add(ValueInfo.Tensor("m", DataType.Float, 2, 3));
        Valid(WithIf(middle, Branch("else", "x")));
    }

    [Fact]
    public void If_without_its_required_branch()
    {
        GraphBuilder g = WithCondition();
        g.AddNode(new Node("If", ["c"], ["r"], name: "if").With(Attribute.Create("then_branch", Branch("then", "x"))));
        g.AddOutput("r", DataType.Float, 2, 3);
        Only(g.ToModel(17), CheckCode.MissingRequiredAttribute, "g", 0);
    }

    private static Graph LoopBody(string iterationName)
    {
        var body = new Graph("body");
        body.Inputs.Add(ValueInfo.Tensor(iterationName, DataType.Int64));
        body.Inputs.Add(ValueInfo.Tensor("cond_in", DataType.Bool));
        body.Inputs.Add(ValueInfo.Tensor("v_in", DataType.Float, 2, 3));
        body.Nodes.Add(new Node("Identity", ["cond_in"], ["cond_out"]));
        body.Nodes.Add(new Node("Add", ["v_in", "x"], ["v_out"]));
        body.Outputs.Add(ValueInfo.Tensor("cond_out", DataType.Bool));
        body.Outputs.Add(ValueInfo.Tensor("v_out", DataType.Float, 2, 3));
        return body;
    }

    private static Model WithLoop(Graph body)
    {
        GraphBuilder g = WithCondition();
        g.AddInitializer("trips", Tensor.Scalar(3L));
        g.AddNode(new Node("Loop", ["trips", "c", "x"], ["v"], name: "loop").With(Attribute.Create("body", body)));
        g.AddOutput("v", DataType.Float, 2, 3);
        return g.ToModel(17);
    }

    [Fact]
    public void Loop_body_using_outer_values_is_valid() => Valid(WithLoop(LoopBody("i")));

    [Fact]
    public void Loop_body_input_shadowing_an_outer_value() =>
        Only(WithLoop(LoopBody("trips")), CheckCode.ShadowsOuterValue, "g/loop:body");

    [Fact]
    public void Loop_body_input_listed_twice() =>
        Only(WithLoop(LoopBody("cond_in")), CheckCode.DuplicateGraphInput, "g/loop:body");
}
