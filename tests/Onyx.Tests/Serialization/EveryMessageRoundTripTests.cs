namespace Onyx.Tests.Serialization;

/// <summary>A model that sets every message and field of onnx.proto survives save and load unchanged.</summary>
public sealed class EveryMessageRoundTripTests
{
    private static List<MetadataEntry> Meta(string prefix) => [new($"{prefix}.k", "v"), new($"{prefix}.k", "duplicate keys are kept")];

    private static Model EveryMessage()
    {
        var body = new Graph("body") { DocString = "then" };
        body.Nodes.Add(new Node("Identity", ["outer"], ["y"]));
        body.Outputs.Add(ValueInfo.Tensor("y", DataType.Float, new Dim(), "n"));

        var graph = new Graph("main") { DocString = "graph doc" };
        graph.Inputs.Add(ValueInfo.Tensor("x", DataType.Float, new Dim("n") { Denotation = "DATA_BATCH" }, 3));
        graph.Inputs.Add(new ValueInfo("cond", TypeInfo.Tensor(DataType.Bool)) { DocString = "input doc" });
        graph.Outputs.Add(new ValueInfo("out", new TensorTypeInfo(DataType.Float, new Shape())));
        graph.ValueInfos.Add(new ValueInfo("s", new SparseTensorTypeInfo(DataType.Int64, null)));
        var node = new Node("If", ["cond"], ["out"], "if_node") { DocString = "node doc", Overload = "v2" };
        node.Attributes.Add(Attribute.Create("then_branch", body));
        node.Attributes.Add(new Attribute("else_branch", AttributeType.Graph) { Graph = body, DocString = "attr doc" });
        var device = new NodeDeviceConfiguration("mesh") { PipelineStage = 2 };
        var spec = new ShardingSpec("x");
        spec.Devices.AddRange([0, 1]);
        var group = new IndexToDeviceGroup(0);
        group.Values.AddRange([0, 1]);
        spec.IndexToDeviceGroupMap.Add(group);
        var sharded = new ShardedDim(0);
        sharded.SimpleShardings.Add(new SimpleShardedDim { Dim = "n", NumShards = 2 });
        sharded.SimpleShardings.Add(new SimpleShardedDim { Dim = 8, NumShards = 4 });
        spec.ShardedDims.Add(sharded);
        device.ShardingSpecs.Add(spec);
        node.DeviceConfigurations.Add(device);
        node.Metadata.AddRange(Meta("node"));
        graph.Nodes.Add(node);

        var segmented = new Tensor(DataType.Int32, [3], new byte[12]) { Name = "seg", Dims = [10], Segment = new TensorSegment(4, 7) };
        segmented.Metadata.AddRange(Meta("tensor"));
        graph.Initializers.Add(Tensor.FromArray(new[] { 1.5f, -2f }, 2));
        graph.Initializers.Add(segmented);
        graph.Initializers[0].Name = "w";
        graph.Initializers[0].DocString = "tensor doc";
        graph.SparseInitializers.Add(new SparseTensor(Tensor.FromArray(new[] { 3L }), Tensor.FromArray(new[] { 1L }, 1, 1), [2, 2]));
        var annotation = new TensorAnnotation("w");
        annotation.QuantParameterTensorNames.Add(new("SCALE_TENSOR", "w_scale"));
        graph.QuantizationAnnotations.Add(annotation);
        graph.Metadata.AddRange(Meta("graph"));

        var training = new TrainingInfo { Initialization = new Graph("init"), Algorithm = new Graph("step") };
        training.InitializationBinding.Add(new("w", "w_init"));
        training.UpdateBinding.Add(new("w", "w_new"));

        var function = new Function("custom", "F") { Overload = "v2", DocString = "function doc" };
        function.Inputs.Add("a");
        function.Outputs.Add("b");
        function.AttributeNames.Add("mode");
        function.AttributeDefaults.Add(Attribute.Create("alpha", 1f));
        function.Nodes.Add(new Node("Identity", ["a"], ["b"]));
        function.OpsetImports.Add(new OpsetImport("", 21));
        function.ValueInfos.Add(ValueInfo.Tensor("b", DataType.Float));
        function.Metadata.AddRange(Meta("function"));

        var configuration = new DeviceConfiguration("mesh") { NumDevices = 2 };
        configuration.Devices.AddRange(["gpu0", "gpu1"]);

        var model = new Model(graph)
        {
            IrVersion = 11,
            ProducerName = "tests",
            ProducerVersion = "1",
            Domain = "com.example",
            ModelVersion = 42,
            DocString = "model doc",
        };
        model.OpsetImports.Add(new OpsetImport("", 21));
        model.OpsetImports.Add(new OpsetImport("custom", 1));
        model.Metadata.AddRange(Meta("model"));
        model.TrainingInfos.Add(training);
        model.Functions.Add(function);
        model.DeviceConfigurations.Add(configuration);
        return model;
    }

    [Fact]
    public void A_model_using_every_message_round_trips()
    {
        Model model = EveryMessage();
        byte[] bytes = model.ToBytes();
        Model back = Model.Parse(bytes);
        IrComparer.AssertEqual(model, back);
        Assert.Equal(bytes, back.ToBytes());

        Assert.Equal("v2", back.Graph.Nodes[0].Overload);
        Assert.Equal(2, back.Graph.Nodes[0].DeviceConfigurations[0].PipelineStage);
        Assert.Equal("n", back.Graph.Nodes[0].DeviceConfigurations[0].ShardingSpecs[0].ShardedDims[0].SimpleShardings[0].Dim!.Param);
        Assert.Equal("DATA_BATCH", ((TensorTypeInfo)back.Graph.Inputs[0].Type!).Shape!.Dims[0].Denotation);
        Assert.Equal(0, ((TensorTypeInfo)back.Graph.Outputs[0].Type!).Shape!.Rank);
        Assert.Null(((TensorTypeInfo)back.Graph.Inputs[1].Type!).Shape);
        Assert.Equal([2L, 2L], back.Graph.SparseInitializers[0].Dims);
        Assert.Equal("w_new", back.TrainingInfos[0].UpdateBinding[0].Value);
        Assert.Equal(2, back.Graph.Metadata.Count);
    }

    [Fact]
    public void A_segment_holds_only_its_range_of_elements()
    {
        var tensor = new Tensor(DataType.Int32, [3], new byte[12]) { Name = "seg", Dims = [10], Segment = new TensorSegment(4, 7) };
        Tensor back = TensorFile.ParseTensor(TensorFile.ToBytes(tensor));
        Assert.Equal(4, back.Segment!.Begin);
        Assert.Equal(7, back.Segment.End);
        Assert.Equal(12, back.RawData.Length);
    }

    [Fact]
    public void Test_data_values_of_every_kind_round_trip()
    {
        var inner = new SequenceValue(ValueKind.Tensor, "inner");
        inner.Tensors.Add(Tensor.Scalar(1f));
        var map = new MapValue(DataType.String, "m") { Values = inner };
        map.StringKeys.Add("key"u8.ToArray());
        var optional = new OptionalValue(ValueKind.Map, "o") { Map = map };
        var outer = new SequenceValue(ValueKind.Optional, "outer");
        outer.Optionals.Add(optional);
        outer.Optionals.Add(new OptionalValue(ValueKind.Tensor));

        using var folder = new TempFolder();
        TensorFile.Write(folder.File("seq.pb"), outer);
        SequenceValue back = TensorFile.ReadSequence(folder.File("seq.pb"));
        IrComparer.AssertEqual(outer, back);
        Assert.False(back.Optionals[1].HasValue);
        Assert.Equal("key"u8.ToArray(), back.Optionals[0].Map!.StringKeys[0]);
    }
}

public sealed class IrComparerTests
{
    [Fact]
    public void The_comparer_finds_a_difference_in_any_part_of_a_model()
    {
        Model Load() => Model.Load(Building.SampleModels.MlpPath);
        Assert.Null(IrComparer.FirstDifference(Load(), Load()));

        Model changed = Load();
        changed.Graph.Initializers[1].RawData = new byte[32];
        Assert.Contains(".Graph.Initializers[1].RawData", IrComparer.FirstDifference(Load(), changed));

        changed = Load();
        ((TensorTypeInfo)changed.Graph.Inputs[0].Type!).Shape!.Dims[0].Param = "n";
        Assert.Contains(".Graph.Inputs[0].Type.Shape.Dims[0].Param", IrComparer.FirstDifference(Load(), changed));

        changed = Load();
        changed.Graph.Nodes[3].Attributes[0].Int = 1;
        Assert.Contains(".Graph.Nodes[3].Attributes[0].Int", IrComparer.FirstDifference(Load(), changed));

        changed = Load();
        changed.Graph.UnknownFields = new byte[] { 0x08, 0x01 };
        Assert.Contains(".Graph.UnknownFields", IrComparer.FirstDifference(Load(), changed));
    }
}
