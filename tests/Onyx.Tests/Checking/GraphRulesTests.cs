using static Onyx.Tests.Checking.CheckAssert;

namespace Onyx.Tests.Checking;

public sealed class GraphRulesTests
{
    [Fact]
    public void Input_that_is_never_defined()
    {
        GraphBuilder g = ReluGraph();
        g.AddNode(new Node("Add", ["y", "nowhere"], ["z"]));
        CheckProblem p = Only(g.ToModel(17), CheckCode.UndefinedInput, "g", 1);
        Assert.Contains("input 1 'nowhere'", p.Message);
    }

    [Fact]
    public void Input_produced_by_a_later_node()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddNode(new Node("Relu", ["a"], ["b"]));
        g.AddNode(new Node("Relu", ["x"], ["a"]));
        g.AddOutput("b", DataType.Float, 2);
        CheckProblem p = Only(g.ToModel(17), CheckCode.NotTopologicallySorted, "g", 0);
        Assert.Contains("node 1", p.Message);
    }

    [Fact]
    public void Two_nodes_feeding_each_other_form_a_cycle()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddNode(new Node("Add", ["x", "b"], ["a"]));
        g.AddNode(new Node("Relu", ["a"], ["b"]));
        g.AddOutput("b", DataType.Float, 2);
        Only(g.ToModel(17), CheckCode.NotTopologicallySorted, "g", 0);
    }

    [Fact]
    public void Node_consuming_its_own_output()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddNode(new Node("Add", ["x", "a"], ["a"]));
        g.AddOutput("a", DataType.Float, 2);
        Only(g.ToModel(17), CheckCode.NotTopologicallySorted, "g", 0);
    }

    [Fact]
    public void Two_nodes_producing_one_value()
    {
        GraphBuilder g = ReluGraph();
        g.AddNode(new Node("Relu", ["x"], ["y"]));
        Only(g.ToModel(17), CheckCode.DuplicateNodeOutput, "g", 1);
    }

    [Fact]
    public void One_node_listing_an_output_twice()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 4);
        g.AddNode(new Node("Split", ["x"], ["a", "a"]).With(Attribute.Create("num_outputs", 2L)));
        g.AddOutput("a", DataType.Float, 2);
        Only(g.ToModel(18), CheckCode.DuplicateNodeOutput, "g", 0);
    }

    [Fact]
    public void Node_output_with_the_name_of_a_graph_input()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddNode(new Node("Relu", ["x"], ["x"]));
        g.AddOutput("x", DataType.Float, 2);
        Only(g.ToModel(17), CheckCode.OutputRedefinesValue, "g", 0);
    }

    [Fact]
    public void Node_output_with_the_name_of_an_initializer()
    {
        GraphBuilder g = ReluGraph();
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        g.AddNode(new Node("Relu", ["x"], ["w"]));
        Only(g.ToModel(17), CheckCode.OutputRedefinesValue, "g", 1);
    }

    [Fact]
    public void Graph_input_listed_twice()
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Inputs.Add(ValueInfo.Tensor("x", DataType.Float, 2, 3));
        Only(g.ToModel(17), CheckCode.DuplicateGraphInput, "g");
    }

    [Fact]
    public void Graph_output_listed_twice()
    {
        GraphBuilder g = ReluGraph();
        g.AddOutput("y", DataType.Float, 2, 3);
        Only(g.ToModel(17), CheckCode.DuplicateGraphOutput, "g");
    }

    [Fact]
    public void Graph_output_that_nothing_produces()
    {
        GraphBuilder g = ReluGraph();
        g.AddOutput("ghost", DataType.Float, 2, 3);
        CheckProblem p = Only(g.ToModel(17), CheckCode.UndefinedGraphOutput, "g");
        Assert.Contains("'ghost'", p.Message);
    }

    [Fact]
    public void Graph_input_may_be_a_graph_output()
    {
        GraphBuilder g = ReluGraph();
        g.AddOutput("x", DataType.Float, 2, 3);
        Valid(g.ToModel(17));
    }

    [Fact]
    public void Initializer_defined_twice()
    {
        GraphBuilder g = ReluGraph();
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        g.AddInitializer("w", Tensor.FromArray(new float[] { 3, 4 }));
        Only(g.ToModel(17), CheckCode.DuplicateInitializer, "g");
    }

    [Fact]
    public void Dense_and_sparse_initializer_sharing_a_name()
    {
        GraphBuilder g = ReluGraph();
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        Tensor values = Tensor.FromArray(new float[] { 5 }, 1);
        values.Name = "w";
        g.Graph.SparseInitializers.Add(new SparseTensor(values, Tensor.FromArray(new long[] { 1 }, 1), [2]));
        Only(g.ToModel(17), CheckCode.DuplicateInitializer, "g");
    }

    [Fact]
    public void Initializer_with_an_input_of_another_element_type()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddInput("w", DataType.Int64, 2);
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        g.AddNode(new Node("Add", ["x", "w"], ["y"]));
        g.AddOutput("y", DataType.Float, 2);
        Includes(g.ToModel(17), CheckCode.InitializerInputMismatch, "g");
    }

    [Fact]
    public void Initializer_with_an_input_of_another_rank()
    {
        var g = new GraphBuilder("g");
        g.AddInput("w", DataType.Float, 2, 1);
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        g.AddNode(new Node("Relu", ["w"], ["y"]));
        g.AddOutput("y", DataType.Float, 2, 1);
        Only(g.ToModel(17), CheckCode.InitializerInputMismatch, "g");
    }

    [Fact]
    public void Initializer_with_an_input_of_another_dimension()
    {
        var g = new GraphBuilder("g");
        g.AddInput("w", DataType.Float, 3);
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        g.AddNode(new Node("Relu", ["w"], ["y"]));
        g.AddOutput("y", DataType.Float, 3);
        Only(g.ToModel(17), CheckCode.InitializerInputMismatch, "g");
    }

    [Fact]
    public void Initializer_with_an_input_of_a_sequence_type()
    {
        var g = new GraphBuilder("g");
        g.AddInput(new ValueInfo("w", TypeInfo.Sequence(TypeInfo.Tensor(DataType.Float, 2))));
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        g.AddNode(new Node("Identity", ["w"], ["y"]));
        g.AddOutput(new ValueInfo("y", TypeInfo.Sequence(TypeInfo.Tensor(DataType.Float, 2))));
        Only(g.ToModel(17), CheckCode.InitializerInputMismatch, "g");
    }

    [Fact]
    public void Initializer_matching_a_symbolic_input_is_valid()
    {
        var g = new GraphBuilder("g");
        g.AddInput("w", DataType.Float, "n");
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        g.AddNode(new Node("Relu", ["w"], ["y"]));
        g.AddOutput("y", DataType.Float, "n");
        Valid(g.ToModel(17));
    }

    [Fact]
    public void Main_graph_input_without_a_type()
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Inputs[0].Type = null;
        Only(g.ToModel(17), CheckCode.ValueTypeIncomplete, "g");
    }

    [Fact]
    public void Main_graph_output_without_a_shape()
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Outputs[0].Type = TypeInfo.Tensor(DataType.Float);
        Only(g.ToModel(17), CheckCode.ValueTypeIncomplete, "g");
    }

    [Fact]
    public void Main_graph_input_without_an_element_type()
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Inputs[0].Type = TypeInfo.Tensor(DataType.Undefined, 2, 3);
        Only(g.ToModel(17), CheckCode.ValueTypeIncomplete, "g");
    }

    [Fact]
    public void Graph_without_a_name()
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Name = "";
        Only(g.ToModel(17), CheckCode.EmptyName, "main");
    }

    [Fact]
    public void Graph_input_without_a_name()
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Inputs.Add(ValueInfo.Tensor("", DataType.Float, 1));
        Only(g.ToModel(17), CheckCode.EmptyName, "g");
    }

    [Fact]
    public void Node_without_an_operator_type()
    {
        GraphBuilder g = ReluGraph();
        g.AddNode(new Node("", ["x"], ["z"]));
        Only(g.ToModel(17), CheckCode.EmptyName, "g", 1);
    }

    [Fact]
    public void Initializer_without_a_name()
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Initializers.Add(Tensor.FromArray(new float[] { 1, 2 }));
        Only(g.ToModel(17), CheckCode.EmptyName, "g");
    }

    [Fact]
    public void Node_with_neither_inputs_nor_outputs()
    {
        GraphBuilder g = ReluGraph();
        g.AddNode(new Node("Relu", [], []));
        Includes(g.ToModel(17), CheckCode.EmptyNode, "g", 1);
    }

    [Fact]
    public void Omitted_optional_inputs_are_not_uses()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 2);
        g.AddInitializer("hi", Tensor.Scalar(6f));
        g.AddNode(new Node("Clip", ["x", "", "hi"], ["y"]));
        g.AddOutput("y", DataType.Float, 2);
        Valid(g.ToModel(17));
    }
}
