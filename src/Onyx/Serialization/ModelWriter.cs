namespace Onyx.Serialization;

/// <summary>
/// Maps the IR to the messages of onnx.proto. Fields are written in field-number order and unknown fields last,
/// so the output is deterministic: saving a loaded model again gives the same bytes.
/// </summary>
internal sealed partial class ModelWriter
{
    /// <summary>Protobuf, and so ONNX, limits one message to 2 GiB.</summary>
    public const long MaxMessageBytes = int.MaxValue;

    private static readonly IReadOnlyDictionary<Tensor, ExternalDataReference> NoPlacements =
        new Dictionary<Tensor, ExternalDataReference>(ReferenceEqualityComparer.Instance);

    private readonly IReadOnlyDictionary<Tensor, ExternalDataReference> _placements;

    /// <param name="placements">Tensors this save moves to external data, and where.</param>
    private ModelWriter(IReadOnlyDictionary<Tensor, ExternalDataReference> placements) => _placements = placements;

    public static byte[] ToBytes(Model model) => Serialize(sink => new ModelWriter(NoPlacements).WriteModel(sink, model), "the model");

    public static void Write(Model model, Stream stream, IReadOnlyDictionary<Tensor, ExternalDataReference> placements)
    {
        var writer = new ModelWriter(placements);
        var measure = new MeasuringSink();
        writer.WriteModel(measure, model);
        CheckSize(measure.Position, "the model");
        using var sink = new StreamSink(stream, measure.Lengths);
        writer.WriteModel(sink, model);
    }

    public static byte[] ToBytes(Tensor tensor) => Serialize(sink => new ModelWriter(NoPlacements).WriteTensor(sink, tensor), "the tensor");

    public static byte[] ToBytes(SequenceValue sequence) => Serialize(sink => new ModelWriter(NoPlacements).WriteSequence(sink, sequence), "the sequence");

    public static byte[] ToBytes(MapValue map) => Serialize(sink => new ModelWriter(NoPlacements).WriteMap(sink, map), "the map");

    public static byte[] ToBytes(OptionalValue optional) => Serialize(sink => new ModelWriter(NoPlacements).WriteOptional(sink, optional), "the optional");

    private static byte[] Serialize(Action<ProtoSink> write, string what)
    {
        var measure = new MeasuringSink();
        write(measure);
        CheckSize(measure.Position, what);
        var bytes = new byte[measure.Position];
        using (var sink = new StreamSink(new MemoryStream(bytes), measure.Lengths))
            write(sink);
        return bytes;
    }

    private static void CheckSize(long size, string what)
    {
        if (size > MaxMessageBytes)
            throw new OnyxException($"Serializing {what} would take {size} bytes; protobuf limits a message to 2 GiB. Save with SaveOptions.ExternalDataThreshold to move large tensors to external data.");
    }

    private void Message<T>(ProtoSink s, int field, T value, Action<ProtoSink, T> write)
    {
        s.BeginMessage(field);
        write(s, value);
        s.EndMessage();
    }

    private void Messages<T>(ProtoSink s, int field, List<T> values, Action<ProtoSink, T> write)
    {
        foreach (T value in values)
            Message(s, field, value, write);
    }

    private static void Strings(ProtoSink s, int field, List<string> values)
    {
        foreach (string value in values)
            s.String(field, value);
    }

    private static void Unknown(ProtoSink s, ReadOnlyMemory<byte> fields) => s.WriteRaw(fields.Span);

    private void WriteModel(ProtoSink s, Model m)
    {
        s.Int64(1, m.IrVersion);
        s.OptionalString(2, m.ProducerName);
        s.OptionalString(3, m.ProducerVersion);
        s.OptionalString(4, m.Domain);
        s.OptionalInt64(5, m.ModelVersion);
        s.OptionalString(6, m.DocString);
        Message(s, 7, m.Graph, WriteGraph);
        Messages(s, 8, m.OpsetImports, WriteOpset);
        Messages(s, 14, m.Metadata, WriteEntry);
        Messages(s, 20, m.TrainingInfos, WriteTrainingInfo);
        Messages(s, 25, m.Functions, WriteFunction);
        Messages(s, 26, m.DeviceConfigurations, WriteDeviceConfiguration);
        Unknown(s, m.UnknownFields);
    }

    private void WriteOpset(ProtoSink s, OpsetImport o)
    {
        s.OptionalString(1, o.Domain);
        s.Int64(2, o.Version);
        Unknown(s, o.UnknownFields);
    }

    private void WriteEntry(ProtoSink s, MetadataEntry e)
    {
        s.String(1, e.Key);
        s.String(2, e.Value);
        Unknown(s, e.UnknownFields);
    }

    private void WriteTrainingInfo(ProtoSink s, TrainingInfo t)
    {
        if (t.Initialization is not null)
            Message(s, 1, t.Initialization, WriteGraph);
        if (t.Algorithm is not null)
            Message(s, 2, t.Algorithm, WriteGraph);
        Messages(s, 3, t.InitializationBinding, WriteEntry);
        Messages(s, 4, t.UpdateBinding, WriteEntry);
        Unknown(s, t.UnknownFields);
    }

    private void WriteFunction(ProtoSink s, Function f)
    {
        s.OptionalString(1, f.Name);
        Strings(s, 4, f.Inputs);
        Strings(s, 5, f.Outputs);
        Strings(s, 6, f.AttributeNames);
        Messages(s, 7, f.Nodes, WriteNode);
        s.OptionalString(8, f.DocString);
        Messages(s, 9, f.OpsetImports, WriteOpset);
        s.OptionalString(10, f.Domain);
        Messages(s, 11, f.AttributeDefaults, WriteAttribute);
        Messages(s, 12, f.ValueInfos, WriteValueInfo);
        s.OptionalString(13, f.Overload);
        Messages(s, 14, f.Metadata, WriteEntry);
        Unknown(s, f.UnknownFields);
    }

    private void WriteDeviceConfiguration(ProtoSink s, DeviceConfiguration d)
    {
        s.OptionalString(1, d.Name);
        s.OptionalInt64(2, d.NumDevices);
        Strings(s, 3, d.Devices);
        Unknown(s, d.UnknownFields);
    }

    private void WriteGraph(ProtoSink s, Graph g)
    {
        Messages(s, 1, g.Nodes, WriteNode);
        s.OptionalString(2, g.Name);
        Messages(s, 5, g.Initializers, WriteTensor);
        s.OptionalString(10, g.DocString);
        Messages(s, 11, g.Inputs, WriteValueInfo);
        Messages(s, 12, g.Outputs, WriteValueInfo);
        Messages(s, 13, g.ValueInfos, WriteValueInfo);
        Messages(s, 14, g.QuantizationAnnotations, WriteAnnotation);
        Messages(s, 15, g.SparseInitializers, WriteSparseTensor);
        Messages(s, 16, g.Metadata, WriteEntry);
        Unknown(s, g.UnknownFields);
    }

    private void WriteAnnotation(ProtoSink s, TensorAnnotation a)
    {
        s.OptionalString(1, a.TensorName);
        Messages(s, 2, a.QuantParameterTensorNames, WriteEntry);
        Unknown(s, a.UnknownFields);
    }

    private void WriteNode(ProtoSink s, Node n)
    {
        Strings(s, 1, n.Inputs);
        Strings(s, 2, n.Outputs);
        s.OptionalString(3, n.Name);
        s.OptionalString(4, n.OpType);
        Messages(s, 5, n.Attributes, WriteAttribute);
        s.OptionalString(6, n.DocString);
        s.OptionalString(7, n.Domain);
        s.OptionalString(8, n.Overload);
        Messages(s, 9, n.Metadata, WriteEntry);
        Messages(s, 10, n.DeviceConfigurations, WriteNodeDeviceConfiguration);
        Unknown(s, n.UnknownFields);
    }

    private void WriteNodeDeviceConfiguration(ProtoSink s, NodeDeviceConfiguration c)
    {
        s.OptionalString(1, c.ConfigurationId);
        Messages(s, 2, c.ShardingSpecs, WriteShardingSpec);
        if (c.PipelineStage is { } stage)
            s.Int64(3, stage);
        Unknown(s, c.UnknownFields);
    }

    private void WriteShardingSpec(ProtoSink s, ShardingSpec spec)
    {
        s.OptionalString(1, spec.TensorName);
        s.RepeatedInt64(2, spec.Devices);
        Messages(s, 3, spec.IndexToDeviceGroupMap, WriteDeviceGroup);
        Messages(s, 4, spec.ShardedDims, WriteShardedDim);
        Unknown(s, spec.UnknownFields);
    }

    private void WriteDeviceGroup(ProtoSink s, IndexToDeviceGroup g)
    {
        s.Int64(1, g.Key);
        s.RepeatedInt64(2, g.Values);
        Unknown(s, g.UnknownFields);
    }

    private void WriteShardedDim(ProtoSink s, ShardedDim d)
    {
        s.Int64(1, d.Axis);
        Messages(s, 2, d.SimpleShardings, WriteSimpleShardedDim);
        Unknown(s, d.UnknownFields);
    }

    private void WriteSimpleShardedDim(ProtoSink s, SimpleShardedDim d)
    {
        if (d.Dim?.Value is { } value)
            s.Int64(1, value);
        else if (d.Dim?.Param is { } param)
            s.String(2, param);
        s.Int64(3, d.NumShards);
        Unknown(s, d.UnknownFields);
    }

    private void WriteAttribute(ProtoSink s, Attribute a)
    {
        s.String(1, a.Name);
        if (a.Type == AttributeType.Float || a.Float != 0 || float.IsNegative(a.Float))
            s.Float(2, a.Float);
        if (a.Type == AttributeType.Int || a.Int != 0)
            s.Int64(3, a.Int);
        if (a.StringBytes is not null)
            s.Bytes(4, a.StringBytes);
        if (a.Tensor is not null)
            Message(s, 5, a.Tensor, WriteTensor);
        if (a.Graph is not null)
            Message(s, 6, a.Graph, WriteGraph);
        s.RepeatedFloat(7, a.Floats);
        s.RepeatedInt64(8, a.Ints);
        foreach (byte[] value in a.Strings)
            s.Bytes(9, value);
        Messages(s, 10, a.Tensors, WriteTensor);
        Messages(s, 11, a.Graphs, WriteGraph);
        s.OptionalString(13, a.DocString);
        if (a.TypeValue is not null)
            Message(s, 14, a.TypeValue, WriteType);
        Messages(s, 15, a.TypeValues, WriteType);
        s.Int64(20, (long)a.Type);
        s.OptionalString(21, a.RefAttrName);
        if (a.SparseTensor is not null)
            Message(s, 22, a.SparseTensor, WriteSparseTensor);
        Messages(s, 23, a.SparseTensors, WriteSparseTensor);
        Unknown(s, a.UnknownFields);
    }

    private void WriteValueInfo(ProtoSink s, ValueInfo v)
    {
        s.String(1, v.Name);
        if (v.Type is not null)
            Message(s, 2, v.Type, WriteType);
        s.OptionalString(3, v.DocString);
        Messages(s, 4, v.Metadata, WriteEntry);
        Unknown(s, v.UnknownFields);
    }
}
