namespace Onyx.Tests.Operators.ControlFlowOperators;

public sealed class ControlFlowInferenceTests
{
    /// <summary>A subgraph with untyped inputs and outputs (their types come from the operator and from inference).</summary>
    private static Graph Body(string name, string[] inputs, string[] outputs, params Node[] nodes)
    {
        var graph = new Graph(name);
        graph.Inputs.AddRange(inputs.Select(i => new ValueInfo(i)));
        graph.Nodes.AddRange(nodes);
        graph.Outputs.AddRange(outputs.Select(o => new ValueInfo(o)));
        return graph;
    }

    /// <summary>The outputs of an If on a graph input over the outer values x and y (of the given dims and types), with the given branches.</summary>
    private static string[] If(ValueInfo x, ValueInfo y, Graph thenBranch, Graph elseBranch)
    {
        var g = new GraphBuilder();
        g.AddInput(x);
        g.AddInput(y);
        string condition = g.AddInput("c", DataType.Bool);
        Node node = g.AddNode("If", [condition], thenBranch.Outputs.Count, "",
            Attribute.Create("then_branch", thenBranch), Attribute.Create("else_branch", elseBranch));
        return OneNodeInference.Infer(g, 16, [.. node.Outputs]);
    }

    /// <summary>An If whose then branch is Identity(x) and whose else branch is Identity(y).</summary>
    private static string IfChoosing(ValueInfo x, ValueInfo y) =>
        If(x, y, Body("then", [], ["t"], new Node("Identity", ["x"], ["t"])), Body("else", [], ["e"], new Node("Identity", ["y"], ["e"]))).Single();

    private static ValueInfo Value(string name, DataType type, params Dim[] dims) => ValueInfo.Tensor(name, type, dims);

    private static string Failure(Action infer) => Assert.Throws<ShapeInferenceException>(infer).Message;

    [Fact]
    public void If_keeps_known_dims_that_both_branches_agree_on() =>
        Assert.Equal("tensor(float)[2,3]", IfChoosing(Value("x", DataType.Float, 2, 3), Value("y", DataType.Float, 2, 3)));

    [Fact]
    public void If_keeps_a_symbol_both_branches_share() =>
        Assert.Equal("tensor(float)[N,3]", IfChoosing(Value("x", DataType.Float, "N", 3), Value("y", DataType.Float, "N", 3)));

    [Fact]
    public void If_makes_dims_that_differ_unknown()
    {
        Assert.Equal("tensor(float)[?,3]", IfChoosing(Value("x", DataType.Float, 2, 3), Value("y", DataType.Float, 4, 3)));
        Assert.Equal("tensor(float)[?,3]", IfChoosing(Value("x", DataType.Float, "N", 3), Value("y", DataType.Float, "M", 3)));
        Assert.Equal("tensor(float)[?,3]", IfChoosing(Value("x", DataType.Float, "N", 3), Value("y", DataType.Float, 5, 3)));
    }

    [Fact]
    public void If_gives_an_unknown_rank_when_the_branch_ranks_differ() =>
        Assert.Equal("tensor(float)[unknown rank]", IfChoosing(Value("x", DataType.Float, 2, 3), Value("y", DataType.Float, 6)));

    [Fact]
    public void If_rejects_branches_of_different_element_types() =>
        Assert.Contains("output 0: then_branch gives tensor(float) but else_branch gives tensor(int32)",
            Failure(() => IfChoosing(Value("x", DataType.Float, 2), Value("y", DataType.Int32, 2))));

    [Fact]
    public void If_rejects_branches_with_different_output_counts()
    {
        Graph thenBranch = Body("then", [], ["t", "u"], new Node("Identity", ["x"], ["t"]), new Node("Identity", ["y"], ["u"]));
        Graph elseBranch = Body("else", [], ["e"], new Node("Identity", ["y"], ["e"]));
        Assert.Contains("then_branch has 2 outputs but else_branch has 1",
            Failure(() => If(Value("x", DataType.Float, 2), Value("y", DataType.Float, 2), thenBranch, elseBranch)));
    }

    [Fact]
    public void If_infers_each_branch_from_its_own_nodes()
    {
        Graph thenBranch = Body("then", [], ["t", "u"], new Node("Add", ["x", "y"], ["t"]), new Node("Shape", ["x"], ["u"]));
        Graph elseBranch = Body("else", [], ["e", "f"], new Node("Mul", ["y", "x"], ["e"]), new Node("Shape", ["y"], ["f"]));
        Assert.Equal(["tensor(float)[N,3]", "tensor(int64)[2]"],
            If(Value("x", DataType.Float, "N", 1), Value("y", DataType.Float, 1, 3), thenBranch, elseBranch));
    }

    /// <summary>
    /// The outputs of a Loop with a trip count, a condition and the carried values, whose body takes
    /// (i, cond_in, carried inputs...) and returns (cond_out, bodyOutputs...); cond_out is cond_in.
    /// </summary>
    private static string[] Loop(Action<GraphBuilder> outerValues, string[] carried, string[] bodyInputs, string[] bodyOutputs, params Node[] nodes)
    {
        var g = new GraphBuilder();
        string tripCount = g.AddInput("M", DataType.Int64);
        string condition = g.AddInput("cond", DataType.Bool);
        outerValues(g);
        Graph body = Body("body", ["i", "cond_in", .. bodyInputs], ["cond_out", .. bodyOutputs], [new Node("Identity", ["cond_in"], ["cond_out"]), .. nodes]);
        Node node = g.AddNode("Loop", [tripCount, condition, .. carried], bodyOutputs.Length, "", Attribute.Create("body", body));
        return OneNodeInference.Infer(g, 16, [.. node.Outputs]);
    }

    [Fact]
    public void Loop_carries_values_and_stacks_scan_outputs_under_an_unknown_iteration_count()
    {
        string[] types = Loop(g => g.AddInput("x", DataType.Float, "N", 3), ["x"], ["x_in"], ["x_out", "scan"],
            new Node("Neg", ["x_in"], ["x_out"]), new Node("Cast", ["x_out"], ["scan"]).With(Attribute.Create("to", (long)DataType.Double)));
        Assert.Equal(["tensor(float)[N,3]", "tensor(double)[?,N,3]"], types);
    }

    [Fact]
    public void Loop_body_sees_the_iteration_number_as_an_int64_scalar()
    {
        string[] types = Loop(_ => { }, [], [], ["iterations"], new Node("Identity", ["i"], ["iterations"]));
        Assert.Equal(["tensor(int64)[?]"], types);
    }

    [Fact]
    public void Loop_body_sees_outer_scope_values()
    {
        string[] types = Loop(g => { g.AddInput("x", DataType.Float, "N", 3); g.AddInput("w", DataType.Float, 3); }, ["x"], ["x_in"], ["x_out", "scan"],
            new Node("Add", ["x_in", "w"], ["x_out"]), new Node("ReduceSum", ["w"], ["scan"]).With(Attribute.Create("keepdims", 0L)));
        Assert.Equal(["tensor(float)[N,3]", "tensor(float)[?]"], types);
    }

    [Fact]
    public void Loop_carried_values_that_grow_get_unknown_dims_and_so_do_the_body_values_built_from_them()
    {
        string[] types = Loop(g => g.AddInput("x", DataType.Float, 1, 3), ["x"], ["x_in"], ["x_out", "rows"],
            new Node("Concat", ["x_in", "x_in"], ["x_out"]).With(Attribute.Create("axis", 0L)), new Node("Shape", ["x_out"], ["rows"]));
        Assert.Equal(["tensor(float)[?,3]", "tensor(int64)[?,2]"], types);
    }

    [Fact]
    public void Loop_carried_values_whose_rank_changes_keep_only_their_element_type()
    {
        string[] types = Loop(g => g.AddInput("x", DataType.Float, 2), ["x"], ["x_in"], ["x_out"],
            new Node("Unsqueeze", ["x_in", "zero"], ["x_out"]), new Node("Constant", [], ["zero"]).With(Attribute.Create("value", Tensor.FromArray(new[] { 0L }, 1))));
        Assert.Equal(["tensor(float)[unknown rank]"], types);
    }

    /// <summary>A Loop over x[N,3] whose body nests <paramref name="depth"/> more loops around Neg.</summary>
    private static string NestedLoops(int depth)
    {
        Graph body = Body("body_0", ["i", "cond_in", "x_in"], ["cond_out", "x_out"], new Node("Identity", ["cond_in"], ["cond_out"]), new Node("Neg", ["x_in"], ["x_out"]));
        for (int level = 1; level <= depth; level++)
            body = Body($"body_{level}", ["i", "cond_in", "x_in"], ["cond_out", "x_out"], new Node("Identity", ["cond_in"], ["cond_out"]),
                new Node("Loop", ["", "cond_in", "x_in"], ["x_out"]).With(Attribute.Create("body", body)));
        var g = new GraphBuilder();
        string x = g.AddInput("x", DataType.Float, "N", 3);
        Node loop = g.AddNode("Loop", [g.AddInput("M", DataType.Int64), g.AddInput("cond", DataType.Bool), x], 1, "", Attribute.Create("body", body));
        return OneNodeInference.Infer(g, 16, loop.Outputs[0]).Single();
    }

    [Fact]
    public void Nested_loops_keep_carried_shapes_while_probes_may_nest()
    {
        Assert.Equal("tensor(float)[N,3]", NestedLoops(1));
    }

    [Fact]
    public void Deeply_nested_loops_keep_only_element_types_and_finish_quickly()
    {
        // Probes nest at most two deep: beyond, a loop keeps only element types, so 60 levels cost little more than 60 bodies.
        Assert.Equal("tensor(float)[unknown rank]", NestedLoops(60));
    }

    [Fact]
    public void Loop_body_failures_are_reported()
    {
        Assert.Contains("cannot be broadcast", Failure(() => Loop(g => { g.AddInput("x", DataType.Float, 2, 3); g.AddInput("w", DataType.Float, 4); },
            ["x"], ["x_in"], ["x_out"], new Node("Add", ["x_in", "w"], ["x_out"]))));
    }

    /// <summary>The outputs of a Scan (opset 16, or 8 with its batch axis) with one state and one scan input; the body returns (state, Relu(scan element)).</summary>
    private static string[] Scan(long opset, Action<GraphBuilder> outerValues, string[] inputs, params Attribute[] attributes)
    {
        var g = new GraphBuilder();
        outerValues(g);
        Graph body = Body("body", ["s_in", "x_in"], ["s_out", "y"], new Node("Identity", ["s_in"], ["s_out"]), new Node("Relu", ["x_in"], ["y"]));
        Node node = g.AddNode("Scan", inputs, 2, "", [Attribute.Create("body", body), Attribute.Create("num_scan_inputs", 1L), .. attributes]);
        return OneNodeInference.Infer(g, opset, [.. node.Outputs]);
    }

    private static void StateAndScanInput(GraphBuilder g, Dim[] scanInput)
    {
        g.AddInput("s", DataType.Float, 2);
        g.AddInput("x", DataType.Float, scanInput);
    }

    [Fact]
    public void Scan_9_and_later_scans_along_axis_0_by_default() =>
        Assert.Equal(["tensor(float)[2]", "tensor(float)[T,4]"], Scan(16, g => StateAndScanInput(g, ["T", 4]), ["s", "x"]));

    [Fact]
    public void Scan_9_and_later_take_the_scan_input_and_output_axes()
    {
        Assert.Equal(["tensor(float)[2]", "tensor(float)[T,4]"],
            Scan(16, g => StateAndScanInput(g, [4, "T"]), ["s", "x"], Attribute.Create("scan_input_axes", [1L])));
        Assert.Equal(["tensor(float)[2]", "tensor(float)[4,T]"],
            Scan(16, g => StateAndScanInput(g, [4, "T"]), ["s", "x"], Attribute.Create("scan_input_axes", [-1L]), Attribute.Create("scan_output_axes", [-1L])));
    }

    [Fact]
    public void Scan_8_keeps_the_leading_batch_axis()
    {
        string[] types = Scan(8, g => { g.AddInput("s", DataType.Float, "B", 2); g.AddInput("x", DataType.Float, "B", "T", 4); }, ["", "s", "x"]);
        Assert.Equal(["tensor(float)[B,2]", "tensor(float)[B,T,4]"], types);
    }

    [Fact]
    public void Scan_rejects_a_num_scan_inputs_beyond_the_inputs() =>
        Assert.Contains("num_scan_inputs 3 must be between 1 and the 2 state and scan inputs", Failure(() =>
        {
            var g = new GraphBuilder();
            StateAndScanInput(g, ["T", 4]);
            g.AddNode("Scan", ["s", "x"], 2, "", Attribute.Create("body", Body("body", [], [])), Attribute.Create("num_scan_inputs", 3L));
            OneNodeInference.Infer(g, 16);
        }));

    [Fact]
    public void Scan_rejects_an_axis_out_of_range()
    {
        Assert.Contains("scan_input_axes element 2 is out of range for rank 2",
            Failure(() => Scan(16, g => StateAndScanInput(g, ["T", 4]), ["s", "x"], Attribute.Create("scan_input_axes", [2L]))));
        Assert.Contains("scan_output_axes element 3 is out of range for rank 2",
            Failure(() => Scan(16, g => StateAndScanInput(g, ["T", 4]), ["s", "x"], Attribute.Create("scan_output_axes", [3L]))));
    }
}
