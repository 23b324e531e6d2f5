using System.Buffers.Binary;

namespace Onyx.Serialization;

internal sealed partial class ModelWriter
{
    private void WriteType(ProtoSink s, TypeInfo t)
    {
        (int field, Action<ProtoSink, TypeInfo> write) = t switch
        {
            TensorTypeInfo => (1, (Action<ProtoSink, TypeInfo>)WriteTensorType),
            SequenceTypeInfo => (4, WriteSequenceType),
            MapTypeInfo => (5, WriteMapType),
            OpaqueTypeInfo => (7, WriteOpaqueType),
            SparseTensorTypeInfo => (8, WriteTensorType),
            OptionalTypeInfo => (9, WriteSequenceType),
            _ => throw new InvalidOperationException($"Unknown type {t.GetType().Name}."),
        };
        // Fields go in number order: the denotation (6) sits between the map (5) and opaque (7) cases.
        if (field < 6)
            Message(s, field, t, write);
        if (t.Denotation is not null)
            s.String(6, t.Denotation);
        if (field > 6)
            Message(s, field, t, write);
        Unknown(s, t.UnknownFields);
    }

    /// <summary>Writes TypeProto.Tensor or TypeProto.SparseTensor (same layout).</summary>
    private void WriteTensorType(ProtoSink s, TypeInfo t)
    {
        var (elementType, shape) = t is TensorTypeInfo dense ? (dense.ElementType, dense.Shape) : (((SparseTensorTypeInfo)t).ElementType, ((SparseTensorTypeInfo)t).Shape);
        s.Int64(1, (long)elementType);
        if (shape is not null)
            Message(s, 2, shape, WriteShape);
        Unknown(s, t.CaseUnknownFields);
    }

    /// <summary>Writes TypeProto.Sequence or TypeProto.Optional (same layout).</summary>
    private void WriteSequenceType(ProtoSink s, TypeInfo t)
    {
        TypeInfo? element = t is SequenceTypeInfo sequence ? sequence.ElementType : ((OptionalTypeInfo)t).ElementType;
        if (element is not null)
            Message(s, 1, element, WriteType);
        Unknown(s, t.CaseUnknownFields);
    }

    private void WriteMapType(ProtoSink s, TypeInfo t)
    {
        var map = (MapTypeInfo)t;
        s.Int64(1, (long)map.KeyType);
        if (map.ValueType is not null)
            Message(s, 2, map.ValueType, WriteType);
        Unknown(s, t.CaseUnknownFields);
    }

    private void WriteOpaqueType(ProtoSink s, TypeInfo t)
    {
        var opaque = (OpaqueTypeInfo)t;
        if (opaque.Domain is not null)
            s.String(1, opaque.Domain);
        if (opaque.Name is not null)
            s.String(2, opaque.Name);
        Unknown(s, t.CaseUnknownFields);
    }

    private void WriteShape(ProtoSink s, Shape shape)
    {
        Messages(s, 1, shape.Dims, WriteDim);
        Unknown(s, shape.UnknownFields);
    }

    private void WriteDim(ProtoSink s, Dim d)
    {
        if (d.Value is { } value)
            s.Int64(1, value);
        else if (d.Param is not null)
            s.String(2, d.Param);
        if (d.Denotation is not null)
            s.String(3, d.Denotation);
        Unknown(s, d.UnknownFields);
    }

    private void WriteTensor(ProtoSink s, Tensor t)
    {
        s.RepeatedInt64(1, t.Dims);
        s.Int64(2, (long)t.DataType);
        if (t.Segment is { } segment)
            Message(s, 3, segment, WriteSegment);

        bool placedExternally = _placements.TryGetValue(t, out ExternalDataReference? placement);
        bool keepsReference = !placedExternally && t.DataLocation == TensorDataLocation.External && !t.HasData;
        bool inline = !placedExternally && !keepsReference;
        if (inline && t.DataType == DataType.String)
        {
            foreach (byte[] value in t.Strings)
                s.Bytes(6, value);
        }
        else if (inline && t.UseTypedField && t.DataType.TypedField() != TypedDataField.None)
        {
            WriteTypedValues(s, t);
        }
        s.OptionalString(8, t.Name);
        if (inline && !t.UseTypedField && !t.RawData.IsEmpty)
            s.Bytes(9, t.RawData.Span);
        s.OptionalString(12, t.DocString);
        if (placedExternally)
            Messages(s, 13, [.. placement!.ToEntries()], WriteEntry);
        else if (keepsReference)
            Messages(s, 13, t.ExternalData, WriteEntry);
        if (!inline)
            s.Int64(14, (long)TensorDataLocation.External);
        Messages(s, 16, t.Metadata, WriteEntry);
        Unknown(s, t.UnknownFields);
    }

    /// <summary>Writes the values into the type's own field: packed fixed-width for floats and doubles, packed varints otherwise.</summary>
    private static void WriteTypedValues(ProtoSink s, Tensor t)
    {
        TypedDataField field = t.DataType.TypedField();
        ReadOnlySpan<byte> raw = t.RawData.Span;
        if (raw.IsEmpty)
            return;
        s.BeginMessage((int)field);
        if (field is TypedDataField.FloatData or TypedDataField.DoubleData)
        {
            s.WriteRaw(raw);
        }
        else
        {
            int bits = t.DataType.BitsPerElement();
            int width = bits <= 8 ? 1 : bits / 8;
            bool signed = t.DataType is DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64;
            for (int i = 0; i < raw.Length; i += width)
                s.WriteVarint(ReadElement(raw.Slice(i, width), signed));
        }
        s.EndMessage();
    }

    /// <summary>One element widened to a varint value: signed types sign-extended, the rest zero-extended.</summary>
    private static ulong ReadElement(ReadOnlySpan<byte> element, bool signed) => element.Length switch
    {
        1 => signed ? (ulong)(long)(sbyte)element[0] : element[0],
        2 => signed ? (ulong)(long)BinaryPrimitives.ReadInt16LittleEndian(element) : BinaryPrimitives.ReadUInt16LittleEndian(element),
        4 => signed ? (ulong)(long)BinaryPrimitives.ReadInt32LittleEndian(element) : BinaryPrimitives.ReadUInt32LittleEndian(element),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(element),
    };

    private void WriteSegment(ProtoSink s, TensorSegment segment)
    {
        s.Int64(1, segment.Begin);
        s.Int64(2, segment.End);
        Unknown(s, segment.UnknownFields);
    }

    private void WriteSparseTensor(ProtoSink s, SparseTensor t)
    {
        if (t.Values is not null)
            Message(s, 1, t.Values, WriteTensor);
        if (t.Indices is not null)
            Message(s, 2, t.Indices, WriteTensor);
        s.RepeatedInt64(3, t.Dims);
        Unknown(s, t.UnknownFields);
    }

    private void WriteSequence(ProtoSink s, SequenceValue v)
    {
        s.OptionalString(1, v.Name);
        s.Int64(2, (long)v.ElementKind);
        Messages(s, 3, v.Tensors, WriteTensor);
        Messages(s, 4, v.SparseTensors, WriteSparseTensor);
        Messages(s, 5, v.Sequences, WriteSequence);
        Messages(s, 6, v.Maps, WriteMap);
        Messages(s, 7, v.Optionals, WriteOptional);
        Unknown(s, v.UnknownFields);
    }

    private void WriteMap(ProtoSink s, MapValue v)
    {
        s.OptionalString(1, v.Name);
        s.Int64(2, (long)v.KeyType);
        s.RepeatedInt64(3, v.Keys);
        foreach (byte[] key in v.StringKeys)
            s.Bytes(4, key);
        if (v.Values is not null)
            Message(s, 5, v.Values, WriteSequence);
        Unknown(s, v.UnknownFields);
    }

    private void WriteOptional(ProtoSink s, OptionalValue v)
    {
        s.OptionalString(1, v.Name);
        s.Int64(2, (long)v.ElementKind);
        if (v.Tensor is not null)
            Message(s, 3, v.Tensor, WriteTensor);
        if (v.SparseTensor is not null)
            Message(s, 4, v.SparseTensor, WriteSparseTensor);
        if (v.Sequence is not null)
            Message(s, 5, v.Sequence, WriteSequence);
        if (v.Map is not null)
            Message(s, 6, v.Map, WriteMap);
        if (v.Optional is not null)
            Message(s, 7, v.Optional, WriteOptional);
        Unknown(s, v.UnknownFields);
    }
}
