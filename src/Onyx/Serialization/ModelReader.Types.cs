namespace Onyx.Serialization;

internal static partial class ModelReader
{
    /// <summary>Reads a TypeProto; null when its oneof is empty.</summary>
    private static TypeInfo? ReadType(ref ProtoReader r)
    {
        TypeInfo? type = null;
        string? denotation = null;
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: type = Message(ref r, wt, "tensor_type", -1, ReadTensorType); break;
                case 4: type = Message(ref r, wt, "sequence_type", -1, ReadSequenceType); break;
                case 5: type = Message(ref r, wt, "map_type", -1, ReadMapType); break;
                case 6: denotation = r.ReadString(wt, "denotation"); break;
                case 7: type = Message(ref r, wt, "opaque_type", -1, ReadOpaqueType); break;
                case 8: type = Message(ref r, wt, "sparse_tensor_type", -1, ReadSparseTensorType); break;
                case 9: type = Message(ref r, wt, "optional_type", -1, ReadOptionalType); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        if (type is null)
            return null;
        type.Denotation = denotation;
        type.UnknownFields = unknown.Result(r.Context.Buffer);
        return type;
    }

    private static TypeInfo ReadRequiredType(ref ProtoReader r) =>
        ReadType(ref r) ?? throw r.Context.Error(r.Position, "the type has none of tensor_type, sequence_type, map_type, optional_type, sparse_tensor_type, opaque_type");

    private static TensorTypeInfo ReadTensorType(ref ProtoReader r)
    {
        var (elementType, shape, unknown) = ReadElementTypeAndShape(ref r);
        return new TensorTypeInfo(elementType, shape) { CaseUnknownFields = unknown };
    }

    private static SparseTensorTypeInfo ReadSparseTensorType(ref ProtoReader r)
    {
        var (elementType, shape, unknown) = ReadElementTypeAndShape(ref r);
        return new SparseTensorTypeInfo(elementType, shape) { CaseUnknownFields = unknown };
    }

    /// <summary>TypeProto.Tensor and TypeProto.SparseTensor share their field layout.</summary>
    private static (DataType, Shape?, ReadOnlyMemory<byte>) ReadElementTypeAndShape(ref ProtoReader r)
    {
        DataType elementType = DataType.Undefined;
        Shape? shape = null;
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: elementType = (DataType)r.ReadInt32(wt, "elem_type"); break;
                case 2: shape = Message(ref r, wt, "shape", -1, ReadShape); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        return (elementType, shape, unknown.Result(r.Context.Buffer));
    }

    private static SequenceTypeInfo ReadSequenceType(ref ProtoReader r)
    {
        var (element, unknown) = ReadElementType(ref r);
        return new SequenceTypeInfo(element) { CaseUnknownFields = unknown };
    }

    private static OptionalTypeInfo ReadOptionalType(ref ProtoReader r)
    {
        var (element, unknown) = ReadElementType(ref r);
        return new OptionalTypeInfo(element) { CaseUnknownFields = unknown };
    }

    /// <summary>TypeProto.Sequence and TypeProto.Optional share their field layout.</summary>
    private static (TypeInfo?, ReadOnlyMemory<byte>) ReadElementType(ref ProtoReader r)
    {
        TypeInfo? element = null;
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            if (field == 1)
                element = Message(ref r, wt, "elem_type", -1, ReadType);
            else
                Skip(ref r, wt, ref unknown);
        }
        return (element, unknown.Result(r.Context.Buffer));
    }

    private static MapTypeInfo ReadMapType(ref ProtoReader r)
    {
        var map = new MapTypeInfo(DataType.Undefined, null);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: map.KeyType = (DataType)r.ReadInt32(wt, "key_type"); break;
                case 2: map.ValueType = Message(ref r, wt, "value_type", -1, ReadType); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        map.CaseUnknownFields = unknown.Result(r.Context.Buffer);
        return map;
    }

    private static OpaqueTypeInfo ReadOpaqueType(ref ProtoReader r)
    {
        var opaque = new OpaqueTypeInfo(null, null);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: opaque.Domain = r.ReadString(wt, "domain"); break;
                case 2: opaque.Name = r.ReadString(wt, "name"); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        opaque.CaseUnknownFields = unknown.Result(r.Context.Buffer);
        return opaque;
    }

    private static Shape ReadShape(ref ProtoReader r)
    {
        var shape = new Shape();
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            if (field == 1)
                shape.Dims.Add(Message(ref r, wt, "dim", shape.Dims.Count, ReadDim));
            else
                Skip(ref r, wt, ref unknown);
        }
        shape.UnknownFields = unknown.Result(r.Context.Buffer);
        return shape;
    }

    private static Dim ReadDim(ref ProtoReader r)
    {
        var dim = new Dim();
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: dim.Value = r.ReadInt64(wt, "dim_value"); break;
                case 2: dim.Param = r.ReadString(wt, "dim_param"); break;
                case 3: dim.Denotation = r.ReadString(wt, "denotation"); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        dim.UnknownFields = unknown.Result(r.Context.Buffer);
        return dim;
    }
}
