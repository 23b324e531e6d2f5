namespace Onyx.Tests.Serialization;

/// <summary>Bad bytes give an <see cref="OnnxFormatException"/> that names the field path, the byte offset and the problem.</summary>
public sealed class MalformedInputTests
{
    private static ProtoBytes P => ProtoBytes.New();

    /// <summary>A model whose graph holds one node with the given attribute bytes.</summary>
    private static ProtoBytes ModelWithAttribute(ProtoBytes attribute) =>
        P.Int(1, 8).Message(7, P.Message(1, P.String(4, "Relu").Message(5, attribute)));

    /// <summary>A model whose graph holds one initializer with the given tensor bytes.</summary>
    private static ProtoBytes ModelWithTensor(ProtoBytes tensor) => P.Message(7, P.Message(5, tensor));

    private static ProtoBytes FloatTensor(params long[] dims)
    {
        var t = P.Int(2, (long)DataType.Float).String(8, "w");
        foreach (long d in dims)
            t.Int(1, d);
        return t;
    }

    public static TheoryData<string, byte[], string, string> Cases() => new()
    {
        { "truncated varint", P.Raw(0x08, 0x80).ToArray(), "", "ends inside a varint" },
        { "varint over 10 bytes", P.Raw(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).ToArray(), "", "longer than 10 bytes" },
        { "field number zero", P.Raw(0x00, 0x01).ToArray(), "", "field number 0 is not valid" },
        { "wire type 6", P.Tag(1, 6).ToArray(), "", "invalid wire type 6" },
        { "wire type 7", P.Tag(3, 7).ToArray(), "", "invalid wire type 7" },
        { "start group", P.Tag(99, 3).ToArray(), "", "group" },
        { "end group", P.Tag(99, 4).ToArray(), "", "group" },
        { "tag beyond 32 bits", P.Varint(1UL << 40).ToArray(), "", "field tag" },
        { "ir_version as fixed32", P.Fixed32(1, 1f).ToArray(), "", "wire type 5 is not valid for 'ir_version'" },
        { "graph as varint", P.Int(7, 1).ToArray(), "", "wire type 0 is not valid for 'graph'" },
        { "graph length past the end", P.Tag(7, 2).Varint(100).Raw(1, 2).ToArray(), "", "'graph' declares 100 bytes but only 2 remain" },
        { "length near 2^64", P.Tag(7, 2).Varint(ulong.MaxValue).ToArray(), "", "declares 18446744073709551615 bytes" },
        { "string longer than its message", P.Message(7, P.Message(1, P.Tag(3, 2).Varint(50))).ToArray(), "graph.node[0]", "'name' declares 50 bytes but only 0 remain" },
        { "truncated float", P.Message(7, P.Message(1, P.Message(5, P.Tag(2, 5).Raw(0, 0)))).ToArray(), "graph.node[0].attribute[0]", "ends inside a 4-byte" },
        { "truncated unknown fixed64", P.Tag(99, 1).Raw(1, 2, 3).ToArray(), "", "ends inside a 8-byte" },
        { "unknown field length past the end", P.Tag(99, 2).Varint(10).Raw(1).ToArray(), "", "'unknown field' declares 10 bytes" },
        { "ints as fixed32", ModelWithAttribute(P.String(1, "axes").Tag(8, 5).Raw(0, 0, 0, 0)).ToArray(), "graph.node[0].attribute[0]", "wire type 5 is not valid for 'ints'" },
        { "packed floats not a multiple of 4", ModelWithAttribute(P.Bytes(7, [1, 2, 3])).ToArray(), "graph.node[0].attribute[0]", "holds 3 bytes, not a multiple of 4" },
        { "empty type proto in a list", ModelWithAttribute(P.Message(15, P)).ToArray(), "graph.node[0].attribute[0].type_protos[0]", "the type has none of" },
        { "raw_data too short", ModelWithTensor(FloatTensor(2, 3).Bytes(9, new byte[20])).ToArray(), "graph.initializer[0]", "needs 6 elements but holds 20 bytes of raw_data" },
        { "negative dimension", ModelWithTensor(FloatTensor(2, -3)).ToArray(), "graph.initializer[0]", "dims[1] is -3" },
        { "dimensions overflow", ModelWithTensor(FloatTensor(1L << 40, 1L << 40)).ToArray(), "graph.initializer[0]", "multiply past" },
        { "huge declared size without data", ModelWithTensor(FloatTensor(1_000_000_000_000)).ToArray(), "graph.initializer[0]", "needs 1000000000000 elements but holds 0 bytes" },
        { "unknown data type", ModelWithTensor(P.Int(2, 99)).ToArray(), "graph.initializer[0]", "data_type 99 is not a TensorProto.DataType" },
        { "raw_data and float_data", ModelWithTensor(FloatTensor(1).Bytes(9, new byte[4]).Bytes(4, new byte[4])).ToArray(), "graph.initializer[0]", "sets both raw_data and float_data" },
        { "float_data for INT32", ModelWithTensor(P.Int(2, (long)DataType.Int32).Int(1, 1).Bytes(4, new byte[4])).ToArray(), "graph.initializer[0]", "float_data cannot hold INT32 values" },
        { "two value fields", ModelWithTensor(FloatTensor(1).Bytes(4, new byte[4]).PackedVarints(7, 1)).ToArray(), "graph.initializer[0]", "'int64_data' is set as well as 'float_data'" },
        { "int32_data count", ModelWithTensor(P.Int(2, (long)DataType.Int8).Int(1, 3).PackedVarints(5, 1, 2)).ToArray(), "graph.initializer[0]", "needs 3 elements but holds 2 values in int32_data" },
        { "string count", ModelWithTensor(P.Int(2, (long)DataType.String).Int(1, 2).String(6, "a")).ToArray(), "graph.initializer[0]", "needs 2 elements but holds 1 strings" },
        { "string tensor in raw_data", ModelWithTensor(P.Int(2, (long)DataType.String).Bytes(9, [1])).ToArray(), "graph.initializer[0]", "strings live in string_data" },
        { "packed doubles not a multiple of 8", ModelWithTensor(P.Int(2, (long)DataType.Double).Bytes(10, new byte[12])).ToArray(), "graph.initializer[0]", "not a multiple of 8" },
        { "bad data_location", ModelWithTensor(FloatTensor().Bytes(9, new byte[4]).Int(14, 5)).ToArray(), "graph.initializer[0]", "data_location 5" },
        { "external with inline data", ModelWithTensor(FloatTensor().Bytes(9, new byte[4]).Int(14, 1)).ToArray(), "graph.initializer[0]", "also inline values" },
        { "segment outside the tensor", ModelWithTensor(FloatTensor(4).Message(3, P.Int(1, 2).Int(2, 9))).ToArray(), "graph.initializer[0]", "segment [2, 9)" },
        { "values without a data type", ModelWithTensor(P.Int(1, 1).Bytes(9, [1])).ToArray(), "graph.initializer[0]", "has values but no data_type" },
        { "sparse values too short", P.Message(7, P.Message(15, P.Message(1, FloatTensor(2).Bytes(9, new byte[4])))).ToArray(), "graph.sparse_initializer[0].values", "needs 2 elements" },
        { "bad dim wire type", P.Message(7, P.Message(11, P.String(1, "x").Message(2, P.Message(1, P.Message(2, P.Message(1, P.Fixed32(1, 1))))))).ToArray(), "graph.input[0].type.tensor_type.shape.dim[0]", "wire type 5 is not valid for 'dim_value'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_bytes_raise_a_format_exception_naming_path_and_problem(string name, byte[] bytes, string path, string problem)
    {
        var e = Assert.Throws<OnnxFormatException>(() => Model.Parse(bytes));
        Assert.True(e.Problem.Contains(problem, StringComparison.Ordinal), $"{name}: '{e.Message}' does not mention '{problem}'");
        Assert.Equal(path, e.FieldPath);
        Assert.InRange(e.Offset, 0, bytes.Length);
    }

    [Fact]
    public void Offset_points_at_the_offending_field()
    {
        // ir_version (2 bytes), then field 7 as a varint at offset 2.
        byte[] bytes = P.Int(1, 8).Int(7, 1).ToArray();
        var e = Assert.Throws<OnnxFormatException>(() => Model.Parse(bytes));
        Assert.Equal(2, e.Offset);
        Assert.Equal("(top level): wire type 0 is not valid for 'graph' (expected 2) (at byte 2)", e.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        // Graph → node → attribute (g) → graph → … 30 times: 1 + 3 × 30 = 91 levels.
        var graph = P.Message(1, P.String(4, "Identity"));
        for (int i = 0; i < 30; i++)
            graph = P.Message(1, P.String(4, "If").Message(5, P.String(1, "then_branch").Int(20, 5).Message(6, graph)));
        byte[] bytes = P.Message(7, graph).ToArray();
        var e = Assert.Throws<OnnxFormatException>(() => Model.Parse(bytes));
        Assert.Contains("nested deeper than the limit of 64", e.Message);
        Assert.NotNull(Model.Parse(bytes, new LoadOptions { MaxNestingDepth = 128 }));
    }

    [Theory]
    [InlineData("dims")]
    [InlineData("length")]
    [InlineData("packed")]
    public void Loads_of_hostile_declarations_allocate_little(string kind)
    {
        byte[] bytes = kind switch
        {
            "dims" => ModelWithTensor(FloatTensor(1L << 31, 1L << 31)).ToArray(),
            "length" => P.Tag(7, 2).Varint(int.MaxValue).Raw(1).ToArray(),
            _ => ModelWithTensor(P.Int(2, (long)DataType.Int64).Int(1, 1L << 40).PackedVarints(7, 1, 2, 3)).ToArray(),
        };
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<OnnxFormatException>(() => Model.Parse(bytes));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 1024, $"{kind}: allocated {allocated} bytes for a {bytes.Length}-byte input");
    }

    [Fact]
    public void Unknown_fields_are_kept_on_a_round_trip()
    {
        byte[] bytes = P.Int(1, 8).Message(7, P.String(2, "g").Int(77, 5).Bytes(78, [9, 9])).Fixed32(99, 1.5f).ToArray();
        Model model = Model.Parse(bytes);
        byte[] saved = model.ToBytes();
        Assert.Equal(bytes.Length, saved.Length);
        Model again = Model.Parse(saved);
        Assert.Equal(model.Graph.UnknownFields.ToArray(), again.Graph.UnknownFields.ToArray());
        Assert.Equal(P.Fixed32(99, 1.5f).ToArray(), again.UnknownFields.ToArray());
    }
}
