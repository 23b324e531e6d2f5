namespace Onyx.Serialization;

internal static partial class ModelReader
{
    private static SequenceValue ReadSequenceValue(ref ProtoReader r)
    {
        var sequence = new SequenceValue(ValueKind.Undefined);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: sequence.Name = r.ReadString(wt, "name"); break;
                case 2: sequence.ElementKind = (ValueKind)r.ReadInt32(wt, "elem_type"); break;
                case 3: sequence.Tensors.Add(Message(ref r, wt, "tensor_values", sequence.Tensors.Count, ReadTensor)); break;
                case 4: sequence.SparseTensors.Add(Message(ref r, wt, "sparse_tensor_values", sequence.SparseTensors.Count, ReadSparseTensor)); break;
                case 5: sequence.Sequences.Add(Message(ref r, wt, "sequence_values", sequence.Sequences.Count, ReadSequenceValue)); break;
                case 6: sequence.Maps.Add(Message(ref r, wt, "map_values", sequence.Maps.Count, ReadMapValue)); break;
                case 7: sequence.Optionals.Add(Message(ref r, wt, "optional_values", sequence.Optionals.Count, ReadOptionalValue)); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        sequence.UnknownFields = unknown.Result(r.Context.Buffer);
        return sequence;
    }

    private static MapValue ReadMapValue(ref ProtoReader r)
    {
        var map = new MapValue(DataType.Undefined);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: map.Name = r.ReadString(wt, "name"); break;
                case 2: map.KeyType = (DataType)r.ReadInt32(wt, "key_type"); break;
                case 3: r.ReadRepeatedInt64(wt, "keys", map.Keys); break;
                case 4: map.StringKeys.Add(r.ReadBytes(wt, "string_keys")); break;
                case 5: map.Values = Message(ref r, wt, "values", -1, ReadSequenceValue); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        map.UnknownFields = unknown.Result(r.Context.Buffer);
        return map;
    }

    private static OptionalValue ReadOptionalValue(ref ProtoReader r)
    {
        var optional = new OptionalValue(ValueKind.Undefined);
        var unknown = new UnknownFieldCollector();
        while (r.NextField(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: optional.Name = r.ReadString(wt, "name"); break;
                case 2: optional.ElementKind = (ValueKind)r.ReadInt32(wt, "elem_type"); break;
                case 3: optional.Tensor = Message(ref r, wt, "tensor_value", -1, ReadTensor); break;
                case 4: optional.SparseTensor = Message(ref r, wt, "sparse_tensor_value", -1, ReadSparseTensor); break;
                case 5: optional.Sequence = Message(ref r, wt, "sequence_value", -1, ReadSequenceValue); break;
                case 6: optional.Map = Message(ref r, wt, "map_value", -1, ReadMapValue); break;
                case 7: optional.Optional = Message(ref r, wt, "optional_value", -1, ReadOptionalValue); break;
                default: Skip(ref r, wt, ref unknown); break;
            }
        }
        optional.UnknownFields = unknown.Result(r.Context.Buffer);
        return optional;
    }
}
