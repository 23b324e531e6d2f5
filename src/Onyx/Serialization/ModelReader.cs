namespace Onyx.Serialization;

/// <summary>
/// Maps the messages of onnx.proto from wire format to the IR. One method per message; each checks wire types,
/// keeps fields it does not know, and hands tensor payloads out as slices of the buffer.
/// </summary>
internal static partial class ModelReader
{
    private delegate T MessageReader<T>(ref ProtoReader r);

    /// <summary>Parses a ModelProto that fills <paramref name="bytes"/>.</summary>
    public static Model Read(ReadOnlyMemory<byte> bytes, LoadOptions options, string? source) => Parse(bytes, options, source, ReadModel);

    /// <summary>Parses a TensorProto that fills <paramref name="bytes"/>.</summary>
    public static Tensor ReadTensor(ReadOnlyMemory<byte> bytes, LoadOptions options, string? source) => Parse(bytes, options, source, ReadTensor);

    /// <summary>Parses a SequenceProto that fills <paramref name="bytes"/>.</summary>
    public static SequenceValue ReadSequence(ReadOnlyMemory<byte> bytes, LoadOptions options, string? source) => Parse(bytes, options, source, ReadSequenceValue);

    /// <summary>Parses a MapProto that fills <paramref name="bytes"/>.</summary>
    public static MapValue ReadMap(ReadOnlyMemory<byte> bytes, LoadOptions options, string? source) => Parse(bytes, options, source, ReadMapValue);

    /// <summary>Parses an OptionalProto that fills <paramref name="bytes"/>.</summary>
    public static OptionalValue ReadOptional(ReadOnlyMemory<byte> bytes, LoadOptions options, string? source) => Parse(bytes, options, source, ReadOptionalValue);

    private static T Parse<T>(ReadOnlyMemory<byte> bytes, LoadOptions options, string? source, MessageReader<T> read)
    {
        var context = new ReadContext(bytes, options, source);
        var reader = new ProtoReader(context, 0, bytes.Length);
        return read(ref reader);
    }

    private static T Message<T>(ref ProtoReader r, WireType wireType, string name, int index, MessageReader<T> read)
    {
        ProtoReader sub = r.EnterMessage(wireType, name, index);
        T value = read(ref sub);
        r.Context.Pop();
        return value;
    }

    private static void Skip(ref ProtoReader r, WireType wireType, ref UnknownFieldCollector unknown) =>
        unknown.Add(r.Context.Buffer, r.SkipField(wireType));

    private static Model ReadModel(ref ProtoReader r)
    {
        var model = new Model(new Graph()) { IrVersion = 0 };
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: model.IrVersion = r.ReadInt64(wt, "ir_version"); break;
                case 2: model.ProducerName = r.ReadString(wt, "producer_name"); break;
                case 3: model.ProducerVersion = r.ReadString(wt, "producer_version"); break;
                case 4: model.Domain = r.ReadString(wt, "domain"); break;
                case 5: model.ModelVersion = r.ReadInt64(wt, "model_version"); break;
                case 6: model.DocString = r.ReadString(wt, "doc_string"); break;
                case 7: model.Graph = Message(ref r, wt, "graph", -1, ReadGraph); break;
                case 8: model.OpsetImports.Add(Message(ref r, wt, "opset_import", model.OpsetImports.Count, ReadOpset)); break;
                case 14: model.Metadata.Add(Message(ref r, wt, "metadata_props", model.Metadata.Count, ReadEntry)); break;
                case 20: model.TrainingInfos.Add(Message(ref r, wt, "training_info", model.TrainingInfos.Count, ReadTrainingInfo)); break;
                case 25: model.Functions.Add(Message(ref r, wt, "functions", model.Functions.Count, ReadFunction)); break;
                case 26: model.DeviceConfigurations.Add(Message(ref r, wt, "configuration", model.DeviceConfigurations.Count, ReadDeviceConfiguration)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        model.UnknownFields = unknown.Result(r.Context.Buffer);
        return model;
    }

    private static OpsetImport ReadOpset(ref ProtoReader r)
    {
        var opset = new OpsetImport("", 0);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: opset.Domain = r.ReadString(wt, "domain"); break;
                case 2: opset.Version = r.ReadInt64(wt, "version"); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        opset.UnknownFields = unknown.Result(r.Context.Buffer);
        return opset;
    }

    private static MetadataEntry ReadEntry(ref ProtoReader r)
    {
        var entry = new MetadataEntry("", "");
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: entry.Key = r.ReadString(wt, "key"); break;
                case 2: entry.Value = r.ReadString(wt, "value"); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        entry.UnknownFields = unknown.Result(r.Context.Buffer);
        return entry;
    }

    private static TrainingInfo ReadTrainingInfo(ref ProtoReader r)
    {
        var info = new TrainingInfo();
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: info.Initialization = Message(ref r, wt, "initialization", -1, ReadGraph); break;
                case 2: info.Algorithm = Message(ref r, wt, "algorithm", -1, ReadGraph); break;
                case 3: info.InitializationBinding.Add(Message(ref r, wt, "initialization_binding", info.InitializationBinding.Count, ReadEntry)); break;
                case 4: info.UpdateBinding.Add(Message(ref r, wt, "update_binding", info.UpdateBinding.Count, ReadEntry)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        info.UnknownFields = unknown.Result(r.Context.Buffer);
        return info;
    }

    private static Function ReadFunction(ref ProtoReader r)
    {
        var function = new Function("", "");
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: function.Name = r.ReadString(wt, "name"); break;
                case 4: function.Inputs.Add(r.ReadString(wt, "input")); break;
                case 5: function.Outputs.Add(r.ReadString(wt, "output")); break;
                case 6: function.AttributeNames.Add(r.ReadString(wt, "attribute")); break;
                case 7: function.Nodes.Add(Message(ref r, wt, "node", function.Nodes.Count, ReadNode)); break;
                case 8: function.DocString = r.ReadString(wt, "doc_string"); break;
                case 9: function.OpsetImports.Add(Message(ref r, wt, "opset_import", function.OpsetImports.Count, ReadOpset)); break;
                case 10: function.Domain = r.ReadString(wt, "domain"); break;
                case 11: function.AttributeDefaults.Add(Message(ref r, wt, "attribute_proto", function.AttributeDefaults.Count, ReadAttribute)); break;
                case 12: function.ValueInfos.Add(Message(ref r, wt, "value_info", function.ValueInfos.Count, ReadValueInfo)); break;
                case 13: function.Overload = r.ReadString(wt, "overload"); break;
                case 14: function.Metadata.Add(Message(ref r, wt, "metadata_props", function.Metadata.Count, ReadEntry)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        function.UnknownFields = unknown.Result(r.Context.Buffer);
        return function;
    }

    private static DeviceConfiguration ReadDeviceConfiguration(ref ProtoReader r)
    {
        var configuration = new DeviceConfiguration("");
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: configuration.Name = r.ReadString(wt, "name"); break;
                case 2: configuration.NumDevices = r.ReadInt32(wt, "num_devices"); break;
                case 3: configuration.Devices.Add(r.ReadString(wt, "device")); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        configuration.UnknownFields = unknown.Result(r.Context.Buffer);
        return configuration;
    }

    private static Graph ReadGraph(ref ProtoReader r)
    {
        var graph = new Graph();
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: graph.Nodes.Add(Message(ref r, wt, "node", graph.Nodes.Count, ReadNode)); break;
                case 2: graph.Name = r.ReadString(wt, "name"); break;
                case 5: graph.Initializers.Add(Message(ref r, wt, "initializer", graph.Initializers.Count, ReadTensor)); break;
                case 10: graph.DocString = r.ReadString(wt, "doc_string"); break;
                case 11: graph.Inputs.Add(Message(ref r, wt, "input", graph.Inputs.Count, ReadValueInfo)); break;
                case 12: graph.Outputs.Add(Message(ref r, wt, "output", graph.Outputs.Count, ReadValueInfo)); break;
                case 13: graph.ValueInfos.Add(Message(ref r, wt, "value_info", graph.ValueInfos.Count, ReadValueInfo)); break;
                case 14: graph.QuantizationAnnotations.Add(Message(ref r, wt, "quantization_annotation", graph.QuantizationAnnotations.Count, ReadAnnotation)); break;
                case 15: graph.SparseInitializers.Add(Message(ref r, wt, "sparse_initializer", graph.SparseInitializers.Count, ReadSparseTensor)); break;
                case 16: graph.Metadata.Add(Message(ref r, wt, "metadata_props", graph.Metadata.Count, ReadEntry)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        graph.UnknownFields = unknown.Result(r.Context.Buffer);
        return graph;
    }

    private static TensorAnnotation ReadAnnotation(ref ProtoReader r)
    {
        var annotation = new TensorAnnotation("");
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: annotation.TensorName = r.ReadString(wt, "tensor_name"); break;
                case 2: annotation.QuantParameterTensorNames.Add(Message(ref r, wt, "quant_parameter_tensor_names", annotation.QuantParameterTensorNames.Count, ReadEntry)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        annotation.UnknownFields = unknown.Result(r.Context.Buffer);
        return annotation;
    }

    private static Node ReadNode(ref ProtoReader r)
    {
        var node = new Node("");
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: node.Inputs.Add(r.ReadString(wt, "input")); break;
                case 2: node.Outputs.Add(r.ReadString(wt, "output")); break;
                case 3: node.Name = r.ReadString(wt, "name"); break;
                case 4: node.OpType = r.ReadString(wt, "op_type"); break;
                case 5: node.Attributes.Add(Message(ref r, wt, "attribute", node.Attributes.Count, ReadAttribute)); break;
                case 6: node.DocString = r.ReadString(wt, "doc_string"); break;
                case 7: node.Domain = r.ReadString(wt, "domain"); break;
                case 8: node.Overload = r.ReadString(wt, "overload"); break;
                case 9: node.Metadata.Add(Message(ref r, wt, "metadata_props", node.Metadata.Count, ReadEntry)); break;
                case 10: node.DeviceConfigurations.Add(Message(ref r, wt, "device_configurations", node.DeviceConfigurations.Count, ReadNodeDeviceConfiguration)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        node.UnknownFields = unknown.Result(r.Context.Buffer);
        return node;
    }

    private static NodeDeviceConfiguration ReadNodeDeviceConfiguration(ref ProtoReader r)
    {
        var configuration = new NodeDeviceConfiguration("");
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: configuration.ConfigurationId = r.ReadString(wt, "configuration_id"); break;
                case 2: configuration.ShardingSpecs.Add(Message(ref r, wt, "sharding_spec", configuration.ShardingSpecs.Count, ReadShardingSpec)); break;
                case 3: configuration.PipelineStage = r.ReadInt32(wt, "pipeline_stage"); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        configuration.UnknownFields = unknown.Result(r.Context.Buffer);
        return configuration;
    }

    private static ShardingSpec ReadShardingSpec(ref ProtoReader r)
    {
        var spec = new ShardingSpec("");
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: spec.TensorName = r.ReadString(wt, "tensor_name"); break;
                case 2: r.ReadRepeatedInt64(wt, "device", spec.Devices); break;
                case 3: spec.IndexToDeviceGroupMap.Add(Message(ref r, wt, "index_to_device_group_map", spec.IndexToDeviceGroupMap.Count, ReadDeviceGroup)); break;
                case 4: spec.ShardedDims.Add(Message(ref r, wt, "sharded_dim", spec.ShardedDims.Count, ReadShardedDim)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        spec.UnknownFields = unknown.Result(r.Context.Buffer);
        return spec;
    }

    private static IndexToDeviceGroup ReadDeviceGroup(ref ProtoReader r)
    {
        var group = new IndexToDeviceGroup(0);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: group.Key = r.ReadInt64(wt, "key"); break;
                case 2: r.ReadRepeatedInt64(wt, "value", group.Values); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        group.UnknownFields = unknown.Result(r.Context.Buffer);
        return group;
    }

    private static ShardedDim ReadShardedDim(ref ProtoReader r)
    {
        var dim = new ShardedDim(0);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: dim.Axis = r.ReadInt64(wt, "axis"); break;
                case 2: dim.SimpleShardings.Add(Message(ref r, wt, "simple_sharding", dim.SimpleShardings.Count, ReadSimpleShardedDim)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        dim.UnknownFields = unknown.Result(r.Context.Buffer);
        return dim;
    }

    private static SimpleShardedDim ReadSimpleShardedDim(ref ProtoReader r)
    {
        var sharding = new SimpleShardedDim();
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: sharding.Dim = new Dim(r.ReadInt64(wt, "dim_value")); break;
                case 2: sharding.Dim = new Dim(r.ReadString(wt, "dim_param")); break;
                case 3: sharding.NumShards = r.ReadInt64(wt, "num_shards"); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        sharding.UnknownFields = unknown.Result(r.Context.Buffer);
        return sharding;
    }

    private static Attribute ReadAttribute(ref ProtoReader r)
    {
        var attribute = new Attribute("", AttributeType.Undefined);
        var unknown = new UnknownFieldCollector();
        bool hasType = false, hasFloat = false, hasInt = false;
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: attribute.Name = r.ReadString(wt, "name"); break;
                case 2: attribute.Float = r.ReadFloat(wt, "f"); hasFloat = true; break;
                case 3: attribute.Int = r.ReadInt64(wt, "i"); hasInt = true; break;
                case 4: attribute.StringBytes = r.ReadBytes(wt, "s"); break;
                case 5: attribute.Tensor = Message(ref r, wt, "t", -1, ReadTensor); break;
                case 6: attribute.Graph = Message(ref r, wt, "g", -1, ReadGraph); break;
                case 7: r.ReadRepeatedFloat(wt, "floats", attribute.Floats); break;
                case 8: r.ReadRepeatedInt64(wt, "ints", attribute.Ints); break;
                case 9: attribute.Strings.Add(r.ReadBytes(wt, "strings")); break;
                case 10: attribute.Tensors.Add(Message(ref r, wt, "tensors", attribute.Tensors.Count, ReadTensor)); break;
                case 11: attribute.Graphs.Add(Message(ref r, wt, "graphs", attribute.Graphs.Count, ReadGraph)); break;
                case 13: attribute.DocString = r.ReadString(wt, "doc_string"); break;
                case 14: attribute.TypeValue = Message(ref r, wt, "tp", -1, ReadType); break;
                case 15: attribute.TypeValues.Add(Message(ref r, wt, "type_protos", attribute.TypeValues.Count, ReadRequiredType)); break;
                case 20: attribute.Type = (AttributeType)r.ReadInt32(wt, "type"); hasType = true; break;
                case 21: attribute.RefAttrName = r.ReadString(wt, "ref_attr_name"); break;
                case 22: attribute.SparseTensor = Message(ref r, wt, "sparse_tensor", -1, ReadSparseTensor); break;
                case 23: attribute.SparseTensors.Add(Message(ref r, wt, "sparse_tensors", attribute.SparseTensors.Count, ReadSparseTensor)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        attribute.UnknownFields = unknown.Result(r.Context.Buffer);
        if (!hasType)
            attribute.Type = InferAttributeType(attribute, hasFloat, hasInt);
        return attribute;
    }

    /// <summary>Models older than IR version 2 carry no attribute type; it follows from the one value field set.</summary>
    private static AttributeType InferAttributeType(Attribute a, bool hasFloat, bool hasInt) =>
        hasFloat ? AttributeType.Float
        : hasInt ? AttributeType.Int
        : a.StringBytes is not null ? AttributeType.String
        : a.Tensor is not null ? AttributeType.Tensor
        : a.Graph is not null ? AttributeType.Graph
        : a.SparseTensor is not null ? AttributeType.SparseTensor
        : a.TypeValue is not null ? AttributeType.TypeProto
        : a.Floats.Count > 0 ? AttributeType.Floats
        : a.Ints.Count > 0 ? AttributeType.Ints
        : a.Strings.Count > 0 ? AttributeType.Strings
        : a.Tensors.Count > 0 ? AttributeType.Tensors
        : a.Graphs.Count > 0 ? AttributeType.Graphs
        : a.SparseTensors.Count > 0 ? AttributeType.SparseTensors
        : a.TypeValues.Count > 0 ? AttributeType.TypeProtos
        : AttributeType.Undefined;

    private static ValueInfo ReadValueInfo(ref ProtoReader r)
    {
        var info = new ValueInfo("");
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: info.Name = r.ReadString(wt, "name"); break;
                case 2: info.Type = Message(ref r, wt, "type", -1, ReadType); break;
                case 3: info.DocString = r.ReadString(wt, "doc_string"); break;
                case 4: info.Metadata.Add(Message(ref r, wt, "metadata_props", info.Metadata.Count, ReadEntry)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        info.UnknownFields = unknown.Result(r.Context.Buffer);
        return info;
    }
}
