using Onyx.Operators;

namespace Onyx.Tests.Operators.Functions;

public sealed class FunctionBodyWriterTests
{
    [Fact]
    public void Output_renames_the_value_also_where_a_subgraph_reads_it()
    {
        var w = new FunctionBodyWriter(20);
        string value = w.Op("Relu", "X");
        w.Op("If", ["cond"], Attribute.Create("then_branch", w.Branch("then", b => [b.Op("Identity", value)])));
        w.Output("Y", value);

        FunctionBody body = w.ToBody();
        Assert.Equal("Y", body.Nodes[0].Outputs[0]);
        Assert.Equal("Y", body.Nodes[1].FindAttribute("then_branch")!.Graph!.Nodes[0].Inputs[0]);
    }

    [Fact]
    public void Branch_names_differ_from_the_outer_scope()
    {
        var w = new FunctionBodyWriter(20);
        string outer = w.Op("Relu", "X");
        Graph branch = w.Branch("then", b => [b.Op("Relu", outer)]);
        Assert.NotEqual(outer, branch.Nodes[0].Outputs[0]);
        Assert.Equal(branch.Outputs[0].Name, branch.Nodes[0].Outputs[0]);
    }

    [Fact]
    public void Inline_binds_inputs_writes_initializers_as_constants_and_makes_other_names_fresh()
    {
        var modifier = new Graph("mod");
        modifier.Inputs.Add(new ValueInfo("score"));
        modifier.Outputs.Add(new ValueInfo("out"));
        Tensor bias = Tensor.Scalar(0.5f);
        bias.Name = "bias";
        modifier.Initializers.Add(bias);
        modifier.Nodes.Add(new Node("Add", ["score", "bias"], ["out"]));

        var w = new FunctionBodyWriter(26);
        string result = w.Inline(modifier, ["S"]);

        FunctionBody body = w.ToBody();
        Assert.Equal(["Constant", "Add"], body.Nodes.Select(n => n.OpType));
        Assert.Equal(["S", body.Nodes[0].Outputs[0]], body.Nodes[1].Inputs);
        Assert.Equal(result, body.Nodes[1].Outputs[0]);
        Assert.NotEqual("out", result);
    }

    [Fact]
    public void CastLike_has_no_body_while_the_target_type_is_unknown()
    {
        OperatorSchema schema = OperatorRegistry.Default.Resolve("", "CastLike", 21)!;
        var node = new Node("CastLike", ["x", "t"], ["y"]);
        Assert.Null(schema.FunctionBody!(new FunctionBodyContext(node, schema, 21, [TypeInfo.Tensor(DataType.Float, [2]), null])));
    }

    [Fact]
    public void Clip_without_bounds_is_an_identity()
    {
        OperatorSchema schema = OperatorRegistry.Default.Resolve("", "Clip", 13)!;
        var node = new Node("Clip", ["x"], ["y"]);
        FunctionBody body = schema.FunctionBody!(new FunctionBodyContext(node, schema, 13, [TypeInfo.Tensor(DataType.Float, [2])]))!;
        Assert.Equal("Identity", Assert.Single(body.Nodes).OpType);
    }
}
