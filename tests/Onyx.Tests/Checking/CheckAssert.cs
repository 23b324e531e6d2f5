namespace Onyx.Tests.Checking;

/// <summary>Assertions on checker results, and small models to break.</summary>
internal static class CheckAssert
{
    /// <summary>The check finds exactly one problem, of <paramref name="code"/>, at the given graph and node.</summary>
    public static CheckProblem Only(Model model, CheckCode code, string graphPath, int nodeIndex = -1, CheckerOptions? options = null)
    {
        CheckResult result = ModelChecker.Check(model, options);
        Assert.True(result.Problems.Count == 1, $"expected one {code} problem, found {result.Problems.Count}:{Environment.NewLine}{result}");
        CheckProblem problem = result.Problems[0];
        Assert.True(problem.Code == code, $"expected {code}, found {problem}");
        Assert.Equal(graphPath, problem.Location.GraphPath);
        Assert.Equal(nodeIndex, problem.Location.NodeIndex);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        return problem;
    }

    /// <summary>Among the problems is one of <paramref name="code"/> at the given graph and node.</summary>
    public static CheckProblem Includes(Model model, CheckCode code, string graphPath, int nodeIndex = -1, CheckerOptions? options = null)
    {
        CheckResult result = ModelChecker.Check(model, options);
        CheckProblem? problem = result.Problems.FirstOrDefault(p => p.Code == code && p.Location.GraphPath == graphPath && p.Location.NodeIndex == nodeIndex);
        Assert.True(problem is not null, $"expected {code} at {graphPath} node {nodeIndex}, found:{Environment.NewLine}{result}");
        return problem!;
    }

    /// <summary>The model has no problem at all.</summary>
    public static void Valid(Model model, CheckerOptions? options = null)
    {
        CheckResult result = ModelChecker.Check(model, options);
        Assert.True(result.Problems.Count == 0, result.ToString());
    }

    /// <summary>x: float[2,3] → Relu → y: float[2,3], graph "g", node 0 named "relu".</summary>
    public static GraphBuilder ReluGraph()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2, 3);
        g.AddNode(new Node("Relu", ["x"], ["y"], name: "relu"));
        g.AddOutput("y", DataType.Float, 2, 3);
        return g;
    }

    /// <summary>A graph with no inputs whose one node (Identity of <paramref name="source"/>) produces <paramref name="output"/>: an If branch.</summary>
    public static Graph Branch(string name, string source, string output = "out")
    {
        var branch = new Graph(name);
        branch.Nodes.Add(new Node("Identity", [source], [output], name: "id"));
        branch.Outputs.Add(ValueInfo.Tensor(output, DataType.Float, 2, 3));
        return branch;
    }

    /// <summary>An If node named <paramref name="name"/> on condition <c>c</c> with the given branches.</summary>
    public static Node If(string name, Graph thenBranch, Graph elseBranch, string output) =>
        new Node("If", ["c"], [output], name: name)
            .With(Attribute.Create("then_branch", thenBranch))
            .With(Attribute.Create("else_branch", elseBranch));

    /// <summary>Graph "g" with inputs x: float[2,3] and c: bool[].</summary>
    public static GraphBuilder WithCondition()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2, 3);
        g.AddInput("c", DataType.Bool);
        return g;
    }
}
