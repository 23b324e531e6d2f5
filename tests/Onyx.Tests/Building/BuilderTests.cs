namespace Onyx.Tests.Building;

public sealed class BuilderTests
{
    [Fact]
    public void Readme_mlp_example_builds_and_saves_a_model()
    {
        using var folder = new TempFolder();
        string path = folder.File("mlp.onnx");
        // The README's example, verbatim.
        var g = new GraphBuilder("mlp");
        string x = g.AddInput("x", DataType.Float, "batch", 4);
        string w1 = g.AddInitializer("w1", Tensor.FromArray(new float[4 * 8], 4, 8));
        string b1 = g.AddInitializer("b1", Tensor.FromArray(new float[8], 8));
        string w2 = g.AddInitializer("w2", Tensor.FromArray(new float[8 * 3], 8, 3));
        string b2 = g.AddInitializer("b2", Tensor.FromArray(new float[3], 3));
        string h = g.AddNode("Relu", [g.AddNode("Gemm", [x, w1, b1])]);
        string y = g.AddNode("Softmax", [g.AddNode("Gemm", [h, w2, b2])], Attribute.Create("axis", -1));
        g.AddOutput(y, DataType.Float, "batch", 3);
        g.ToModel(opset: 21).Save(path);

        Model model = Model.Load(path);
        Assert.Equal(10, model.IrVersion);
        Assert.Equal("", model.OpsetImports.Single().Domain);
        Assert.Equal(21, model.OpsetImports.Single().Version);
        Assert.Equal(4, model.Graph.Nodes.Count);
        Assert.Equal(-1, model.Graph.Nodes[3].FindAttribute("axis")!.Int);
        Assert.Equal(AttributeType.Int, model.Graph.Nodes[3].FindAttribute("axis")!.Type);
    }

    [Fact]
    public void Output_names_are_unique_even_when_they_collide_with_inputs()
    {
        var g = new GraphBuilder();
        string x = g.AddInput("relu", DataType.Float, 1);
        string a = g.AddNode("Relu", [x]);
        string b = g.AddNode("Relu", [a]);
        Assert.Equal(["relu_1", "relu_2"], new[] { a, b });
        Assert.Equal(["node_Relu", "node_Relu_1"], g.Graph.Nodes.Select(n => n.Name));
    }

    [Fact]
    public void Multi_output_nodes_get_one_name_per_output()
    {
        var g = new GraphBuilder();
        Node split = g.AddNode("Split", [g.AddInput("x", DataType.Float, 4)], outputCount: 2, attributes: Attribute.Create("axis", 0L));
        Assert.Equal(["split_out0", "split_out1"], split.Outputs);
    }

    public static TheoryData<Attribute, AttributeType> Attributes() => new()
    {
        { Attribute.Create("f", 0.5f), AttributeType.Float },
        { Attribute.Create("i", 3), AttributeType.Int },
        { Attribute.Create("s", "same_upper"), AttributeType.String },
        { Attribute.Create("t", Tensor.Scalar(1f)), AttributeType.Tensor },
        { Attribute.Create("g", new Graph("body")), AttributeType.Graph },
        { Attribute.Create("sp", new SparseTensor(Tensor.FromArray(new[] { 5f }), Tensor.FromArray(new[] { 2L }), [4])), AttributeType.SparseTensor },
        { Attribute.Create("tp", TypeInfo.Tensor(DataType.Int64, "n")), AttributeType.TypeProto },
        { Attribute.Create("fs", new[] { 1f, 2f }), AttributeType.Floats },
        { Attribute.Create("is", new[] { 1L, -2L }), AttributeType.Ints },
        { Attribute.Create("ss", new[] { "a", "b" }), AttributeType.Strings },
        { Attribute.Create("ts", new[] { Tensor.Scalar(1L) }), AttributeType.Tensors },
        { Attribute.Create("gs", new[] { new Graph("a"), new Graph("b") }), AttributeType.Graphs },
        { Attribute.Create("sps", new[] { new SparseTensor(Tensor.FromArray(new[] { 1 }), Tensor.FromArray(new[] { 0L }), [2]) }), AttributeType.SparseTensors },
        { Attribute.Create("tps", new TypeInfo[] { TypeInfo.Sequence(TypeInfo.Tensor(DataType.Float)), TypeInfo.Map(DataType.String, TypeInfo.Optional(TypeInfo.Tensor(DataType.Bool))) }), AttributeType.TypeProtos },
        { Attribute.Reference("alpha", AttributeType.Float, "beta"), AttributeType.Float },
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Every_attribute_kind_survives_a_round_trip(Attribute attribute, AttributeType type)
    {
        Assert.Equal(type, attribute.Type);
        var g = new GraphBuilder();
        g.AddNode(new Node("Custom", [], ["y"], domain: "test").With(attribute));
        Model model = new ModelBuilder(g.Build()).UseOpset("test", 1).Build();
        Model back = Model.Parse(model.ToBytes());
        IrComparer.AssertEqual(model, back);
        Assert.Equal(type, back.Graph.Nodes[0].Attributes[0].Type);
    }

    [Fact]
    public void Functions_value_infos_and_every_type_kind_round_trip()
    {
        var f = new FunctionBuilder("custom", "LeakyAdd").UseOpset("", 18);
        string a = f.AddInput("A"), b = f.AddInput("B");
        f.AddAttribute(Attribute.Create("alpha", 0.1f)).AddAttribute("mode");
        string sum = f.AddNode("Add", [a, b]);
        f.AddNode(new Node("LeakyRelu", [sum], ["C"]).With(Attribute.Reference("alpha", AttributeType.Float, "alpha")));
        f.AddOutput("C");
        Function function = f.Build();
        function.ValueInfos.Add(ValueInfo.Tensor(sum, DataType.Float, "n"));

        var g = new GraphBuilder("main");
        string x = g.AddInput("x", DataType.Float, "n");
        g.AddInput(new ValueInfo("seq", TypeInfo.Sequence(TypeInfo.Tensor(DataType.Float, new Dim(), "k"))));
        g.AddInput(new ValueInfo("map", TypeInfo.Map(DataType.Int64, TypeInfo.Tensor(DataType.Double))));
        g.AddInput(new ValueInfo("opt", TypeInfo.Optional(TypeInfo.SparseTensor(DataType.Float16, 3, 3))));
        g.AddInput(new ValueInfo("opaque", new OpaqueTypeInfo("com.example", "Handle")) { DocString = "a handle" });
        Node call = g.AddNode("LeakyAdd", [x, x], outputCount: 1, domain: "custom", Attribute.Create("mode", "fast"));
        g.AddOutput(call.Outputs[0], DataType.Float, "n");
        TensorTypeInfo unknownRank = TypeInfo.Tensor(DataType.Float);
        unknownRank.Denotation = "TENSOR";
        g.Graph.ValueInfos.Add(new ValueInfo("unknown_rank", unknownRank));
        Model model = new ModelBuilder(g.Build())
            .UseOpset("", 18).UseOpset("custom", 1)
            .WithProducer("tests", "1.0")
            .WithMetadata("k", "v")
            .AddFunction(function)
            .Build();

        Assert.Equal(9, model.IrVersion); // the function's attribute default (alpha) needs IR version 9
        Model back = Model.Parse(model.ToBytes());
        IrComparer.AssertEqual(model, back);
        Assert.Null(((TensorTypeInfo)back.Graph.ValueInfos[0].Type!).Shape);
        Assert.Equal("seq(tensor(float))", back.Graph.Inputs[1].Type!.ToString());
        Assert.Equal("map(int64,tensor(double))", back.Graph.Inputs[2].Type!.ToString());
        Assert.Equal("alpha", back.Functions[0].Nodes[1].Attributes[0].RefAttrName);
    }

    [Fact]
    public void Ir_version_follows_the_newest_opset_imported()
    {
        Assert.Equal(3, IrVersions.ForOpset("", 8));
        Assert.Equal(7, IrVersions.ForOpset("", 13));
        Assert.Equal(9, IrVersions.ForOpset("", 19));
        Assert.Equal(13, IrVersions.ForOpset("", 28));
        Assert.Equal(8, IrVersions.ForOpset("ai.onnx.ml", 3));
        Assert.Equal(3, IrVersions.ForOpset("com.example", 99));
        Model model = new ModelBuilder(new Graph()).UseOpset("", 11).UseOpset("ai.onnx.ml", 4).Build();
        Assert.Equal(9, model.IrVersion);
    }

    [Fact]
    public void Strings_scalars_and_sub_byte_tensors_are_made_from_arrays()
    {
        Tensor s = Tensor.FromStrings(["a", "bc", "d", "e"], 2, 2);
        Assert.Equal([2L, 2L], s.Dims);
        Assert.Equal(["a", "bc", "d", "e"], s.ToStrings());
        Tensor scalar = Tensor.Scalar(2.5);
        Assert.Empty(scalar.Dims);
        Assert.Equal(1, scalar.ElementCount);
    }

    [Theory]
    [InlineData(false, false, 8)]
    [InlineData(true, false, 9)]
    [InlineData(false, true, 10)]
    public void Functions_raise_the_ir_version_to_what_their_features_need(bool attributeDefault, bool overload, long expected)
    {
        var f = new FunctionBuilder("custom", "Twice");
        f.AddInput("x");
        f.AddOutput("y").UseOpset("", 13);
        if (attributeDefault)
            f.AddAttribute(Attribute.Create("alpha", 2f));
        f.Function.Nodes.Add(new Node("Add", ["x", "x"], ["y"]));
        if (overload)
            f.Function.Overload = "v2";
        var g = new GraphBuilder();
        g.AddOutput(g.AddNode("Twice", [g.AddInput("x", DataType.Float, 2)], 1, "custom").Outputs[0], DataType.Float, 2);

        Model model = new ModelBuilder(g.Graph).UseOpset("", 13).UseOpset("custom", 1).AddFunction(f.Function).Build();

        Assert.Equal(expected, model.IrVersion);
        Assert.True(ModelChecker.Check(model).IsValid, ModelChecker.Check(model).ToString());
    }
}
