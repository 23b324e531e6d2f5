using System.Buffers;
using System.Buffers.Binary;

namespace Onyx.Serialization;

internal static partial class ModelReader
{
    private static Tensor ReadTensor(ref ProtoReader r)
    {
        int messageStart = r.Position;
        var tensor = new Tensor(DataType.Undefined, []);
        var dims = new List<long>();
        var payload = new TensorPayload();
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: r.ReadRepeatedInt64(wt, "dims", dims); break;
                case 2: tensor.DataType = (DataType)r.ReadInt32(wt, "data_type"); break;
                case 3: tensor.Segment = Message(ref r, wt, "segment", -1, ReadSegment); break;
                case 4: payload.AddFixedWidth(ref r, wt, TypedDataField.FloatData, WireType.Fixed32, "float_data"); break;
                case 5: payload.AddVarints(ref r, wt, TypedDataField.Int32Data, "int32_data"); break;
                case 6: payload.Begin(ref r, TypedDataField.StringData, "string_data"); tensor.Strings.Add(r.ReadBytes(wt, "string_data")); break;
                case 7: payload.AddVarints(ref r, wt, TypedDataField.Int64Data, "int64_data"); break;
                case 8: tensor.Name = r.ReadString(wt, "name"); break;
                case 9: payload.SetRaw(r.ReadBytesSlice(wt, "raw_data")); break;
                case 10: payload.AddFixedWidth(ref r, wt, TypedDataField.DoubleData, WireType.Fixed64, "double_data"); break;
                case 11: payload.AddVarints(ref r, wt, TypedDataField.UInt64Data, "uint64_data"); break;
                case 12: tensor.DocString = r.ReadString(wt, "doc_string"); break;
                case 13: tensor.ExternalData.Add(Message(ref r, wt, "external_data", tensor.ExternalData.Count, ReadEntry)); break;
                case 14: tensor.DataLocation = (TensorDataLocation)r.ReadInt32(wt, "data_location"); break;
                case 16: tensor.Metadata.Add(Message(ref r, wt, "metadata_props", tensor.Metadata.Count, ReadEntry)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        tensor.Dims = [.. dims];
        tensor.UnknownFields = unknown.Result(r.Context.Buffer);
        payload.Complete(tensor, r.Context, messageStart);
        return tensor;
    }

    private static TensorSegment ReadSegment(ref ProtoReader r)
    {
        var segment = new TensorSegment(0, 0);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: segment.Begin = r.ReadInt64(wt, "begin"); break;
                case 2: segment.End = r.ReadInt64(wt, "end"); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        segment.UnknownFields = unknown.Result(r.Context.Buffer);
        return segment;
    }

    private static SparseTensor ReadSparseTensor(ref ProtoReader r)
    {
        var sparse = new SparseTensor(null, null, []);
        var dims = new List<long>();
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: sparse.Values = Message(ref r, wt, "values", -1, ReadTensor); break;
                case 2: sparse.Indices = Message(ref r, wt, "indices", -1, ReadTensor); break;
                case 3: r.ReadRepeatedInt64(wt, "dims", dims); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        sparse.Dims = [.. dims];
        sparse.UnknownFields = unknown.Result(r.Context.Buffer);
        return sparse;
    }

    /// <summary>
    /// Collects a TensorProto's value fields while the message is read, then checks them against the data type
    /// and dimensions and turns them into the raw layout. Fixed-width fields that arrive as one packed run stay
    /// slices of the buffer; varint fields are decoded.
    /// </summary>
    private struct TensorPayload
    {
        private TypedDataField _typedField;
        private bool _hasRaw;
        private ReadOnlyMemory<byte> _raw;
        private ReadOnlyMemory<byte> _fixedSlice;
        private ArrayBufferWriter<byte>? _fixedJoined;
        private List<long>? _varints;
        private int _fieldOffset;

        public void SetRaw(ReadOnlyMemory<byte> raw)
        {
            _hasRaw = true;
            _raw = raw;
        }

        public void Begin(ref ProtoReader r, TypedDataField field, string fieldName)
        {
            if (_typedField != TypedDataField.None && _typedField != field)
                throw r.Error($"'{fieldName}' is set as well as '{FieldName(_typedField)}'; a tensor uses one value field");
            if (_typedField == TypedDataField.None)
                _fieldOffset = r.FieldStart;
            _typedField = field;
        }

        public void AddFixedWidth(ref ProtoReader r, WireType wireType, TypedDataField field, WireType single, string fieldName)
        {
            Begin(ref r, field, fieldName);
            int width = single == WireType.Fixed32 ? 4 : 8;
            ReadOnlyMemory<byte> chunk;
            if (wireType == single)
            {
                int start = r.Position;
                if (width == 4) r.ReadFixed32(); else r.ReadFixed64();
                chunk = r.Context.Buffer.Slice(start, width);
            }
            else
            {
                chunk = r.ReadBytesSlice(wireType, fieldName);
                if (chunk.Length % width != 0)
                    throw r.Error($"packed '{fieldName}' holds {chunk.Length} bytes, not a multiple of {width}");
            }
            if (_fixedJoined is null && _fixedSlice.IsEmpty)
            {
                _fixedSlice = chunk;
                return;
            }
            if (_fixedJoined is null)
            {
                _fixedJoined = new ArrayBufferWriter<byte>();
                _fixedJoined.Write(_fixedSlice.Span);
            }
            _fixedJoined.Write(chunk.Span);
        }

        public void AddVarints(ref ProtoReader r, WireType wireType, TypedDataField field, string fieldName)
        {
            Begin(ref r, field, fieldName);
            _varints ??= [];
            r.ReadRepeatedInt64(wireType, fieldName, _varints);
        }

        public readonly void Complete(Tensor tensor, ReadContext context, int messageStart)
        {
            DataType type = tensor.DataType;
            if (type != DataType.Undefined && !type.IsDefined())
                throw context.Error(messageStart, $"data_type {(int)type} is not a TensorProto.DataType");
            long count = CheckedElementCount(tensor.Dims, context, messageStart);
            if (tensor.Segment is { } segment)
            {
                if (segment.Begin < 0 || segment.End < segment.Begin || segment.End > count)
                    throw context.Error(messageStart, $"segment [{segment.Begin}, {segment.End}) does not lie within the tensor's {count} elements");
                count = segment.End - segment.Begin;
            }
            if (_hasRaw && _typedField != TypedDataField.None)
                throw context.Error(messageStart, $"tensor '{tensor.Name}' sets both raw_data and {FieldName(_typedField)}");
            if (_typedField != TypedDataField.None && type.TypedField() != _typedField)
                throw context.Error(_fieldOffset, $"{FieldName(_typedField)} cannot hold {type.ProtoName()} values (that type uses {FieldName(type.TypedField())})");
            if (_hasRaw && type == DataType.String)
                throw context.Error(messageStart, $"tensor '{tensor.Name}' is STRING but uses raw_data; strings live in string_data");

            if (tensor.DataLocation == TensorDataLocation.External)
            {
                if (_hasRaw || _typedField != TypedDataField.None)
                    throw context.Error(messageStart, $"tensor '{tensor.Name}' has data_location EXTERNAL but also inline values");
                context.ExternalData?.Resolve(tensor, count, context, messageStart);
                return;
            }
            if (tensor.DataLocation != TensorDataLocation.Default)
                throw context.Error(messageStart, $"data_location {(int)tensor.DataLocation} is not DEFAULT (0) or EXTERNAL (1)");

            if (type == DataType.String)
            {
                if (tensor.Strings.Count != count)
                    throw CountError(tensor, context, messageStart, $"{tensor.Strings.Count} strings", count);
                tensor.UseTypedField = true;
                return;
            }
            if (type == DataType.Undefined)
            {
                if (_hasRaw || _typedField != TypedDataField.None)
                    throw context.Error(messageStart, $"tensor '{tensor.Name}' has values but no data_type");
                return;
            }

            long expectedBytes = type.ByteCountOrMinusOne(count);
            if (_typedField == TypedDataField.None)
            {
                if (_raw.Length != expectedBytes)
                    throw CountError(tensor, context, messageStart, $"{_raw.Length} bytes of raw_data", count);
                tensor.RawData = _raw;
                return;
            }

            tensor.UseTypedField = true;
            if (_varints is null)
            {
                ReadOnlyMemory<byte> bytes = _fixedJoined?.WrittenMemory ?? _fixedSlice;
                if (bytes.Length != expectedBytes)
                    throw CountError(tensor, context, messageStart, $"{bytes.Length} bytes of {FieldName(_typedField)}", count);
                tensor.RawData = bytes;
                return;
            }
            long expectedValues = type.BitsPerElement() < 8 ? expectedBytes : count;
            if (_varints.Count != expectedValues)
                throw CountError(tensor, context, messageStart, $"{_varints.Count} values in {FieldName(_typedField)}", count);
            tensor.RawData = ToRaw(type, _varints, expectedBytes);
        }

        private static OnnxFormatException CountError(Tensor tensor, ReadContext context, int offset, string found, long count) =>
            context.Error(offset, $"tensor '{tensor.Name}' of type {tensor.DataType.ProtoName()} and shape [{string.Join(",", tensor.Dims)}] needs {count} elements but holds {found}");

        /// <summary>Converts int32_data, int64_data or uint64_data values to the raw layout of <paramref name="type"/>.</summary>
        private static byte[] ToRaw(DataType type, List<long> values, long byteCount)
        {
            var raw = new byte[byteCount];
            int width = type.BitsPerElement() <= 8 ? 1 : type.BitsPerElement() / 8;
            for (int i = 0; i < values.Count; i++)
            {
                long v = values[i];
                Span<byte> slot = raw.AsSpan(i * width, width);
                switch (width)
                {
                    case 1: slot[0] = type == DataType.Bool ? (byte)(v != 0 ? 1 : 0) : (byte)v; break;
                    case 2: BinaryPrimitives.WriteUInt16LittleEndian(slot, (ushort)v); break;
                    case 4: BinaryPrimitives.WriteUInt32LittleEndian(slot, (uint)v); break;
                    default: BinaryPrimitives.WriteInt64LittleEndian(slot, v); break;
                }
            }
            return raw;
        }
    }

    private static long CheckedElementCount(long[] dims, ReadContext context, int offset)
    {
        long count = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] < 0)
                throw context.Error(offset, $"dims[{i}] is {dims[i]}; dimensions cannot be negative");
            if (dims[i] != 0 && count > long.MaxValue / dims[i])
                throw context.Error(offset, $"the dimensions [{string.Join(",", dims)}] multiply past the largest element count");
            count *= dims[i];
        }
        return count;
    }

    internal static string FieldName(TypedDataField field) => field switch
    {
        TypedDataField.FloatData => "float_data",
        TypedDataField.Int32Data => "int32_data",
        TypedDataField.StringData => "string_data",
        TypedDataField.Int64Data => "int64_data",
        TypedDataField.DoubleData => "double_data",
        TypedDataField.UInt64Data => "uint64_data",
        _ => "raw_data",
    };
}
