using System.Numerics;

namespace Onyx.Tests.Tensors;

/// <summary>Values stored in TensorProto's typed fields read into the raw layout, and write back into the same field.</summary>
public sealed class TypedFieldTests
{
    private static ProtoBytes P => ProtoBytes.New();

    private static Tensor Parse(DataType type, long[] dims, Func<ProtoBytes, ProtoBytes> values)
    {
        var t = P.Int(2, (long)type);
        foreach (long d in dims)
            t.Int(1, d);
        return TensorFile.ParseTensor(values(t).ToArray());
    }

    private static void AssertResavesToSameField(Tensor tensor)
    {
        Tensor again = TensorFile.ParseTensor(TensorFile.ToBytes(tensor));
        Assert.True(again.UseTypedField);
        IrComparer.AssertEqual(tensor, again);
    }

    [Fact]
    public void Int8_values_in_int32_data_are_sign_extended_varints()
    {
        Tensor t = Parse(DataType.Int8, [3], p => p.PackedVarints(5, -128, -1, 127));
        Assert.Equal([(sbyte)-128, (sbyte)-1, (sbyte)127], t.ToArray<sbyte>());
        Assert.True(t.UseTypedField);
        AssertResavesToSameField(t);
    }

    [Fact]
    public void Float16_bits_in_int32_data_become_halves()
    {
        // 0x3C00 = 1.0, 0xC000 = -2.0, 0x7C00 = +inf in binary16.
        Tensor t = Parse(DataType.Float16, [3], p => p.PackedVarints(5, 0x3C00, 0xC000, 0x7C00));
        Assert.Equal([(Half)1, (Half)(-2), Half.PositiveInfinity], t.ToArray<Half>());
        AssertResavesToSameField(t);
    }

    [Fact]
    public void Uint64_values_above_int64_range_survive_uint64_data()
    {
        Tensor t = Parse(DataType.UInt64, [2], p => p.PackedVarints(11, -1, 5));
        Assert.Equal([ulong.MaxValue, 5UL], t.ToArray<ulong>());
        AssertResavesToSameField(t);
    }

    [Fact]
    public void Uint32_values_live_in_uint64_data()
    {
        Tensor t = Parse(DataType.UInt32, [2], p => p.PackedVarints(11, 4_000_000_000, 1));
        Assert.Equal([4_000_000_000u, 1u], t.ToArray<uint>());
        AssertResavesToSameField(t);
    }

    [Fact]
    public void Int64_data_accepts_packed_and_unpacked_values_in_order()
    {
        Tensor t = Parse(DataType.Int64, [4], p => p.PackedVarints(7, 1, 2).Int(7, -3).PackedVarints(7, long.MaxValue));
        Assert.Equal([1L, 2L, -3L, long.MaxValue], t.ToArray<long>());
        AssertResavesToSameField(t);
    }

    [Fact]
    public void Bool_values_in_int32_data_are_normalised_to_0_and_1()
    {
        Tensor t = Parse(DataType.Bool, [3], p => p.PackedVarints(5, 0, 1, 7));
        Assert.Equal([false, true, true], t.ToArray<bool>());
    }

    [Fact]
    public void Int4_pairs_in_int32_data_unpack_low_nibble_first()
    {
        // 0xF7: first element 7, second element 0xF = -1; 0x08: third element -8, padding nibble 0.
        Tensor t = Parse(DataType.Int4, [3], p => p.PackedVarints(5, 0xF7, 0x08));
        Assert.Equal([(sbyte)7, (sbyte)-1, (sbyte)-8], Array.ConvertAll(t.ToArray<Int4>(), v => (sbyte)v.Value));
        AssertResavesToSameField(t);
    }

    [Fact]
    public void Complex64_float_data_is_a_zero_copy_slice_of_interleaved_pairs()
    {
        byte[] bytes = P.Int(1, 2).Int(2, (long)DataType.Complex64).Bytes(4, [.. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(2f), .. BitConverter.GetBytes(3f), .. BitConverter.GetBytes(-4f)]).ToArray();
        Tensor t = TensorFile.ParseTensor(bytes);
        Assert.Equal([1f, 2f, 3f, -4f], t.AsSpan<float>().ToArray());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(t.RawData, out ArraySegment<byte> segment));
        Assert.Same(bytes, segment.Array);
        AssertResavesToSameField(t);
    }

    [Fact]
    public void Complex128_double_data_reads_as_complex_numbers()
    {
        Tensor t = Parse(DataType.Complex128, [1], p => p.Bytes(10, [.. BitConverter.GetBytes(1.5), .. BitConverter.GetBytes(-0.5)]));
        Assert.Equal(new Complex(1.5, -0.5), t.AsSpan<Complex>()[0]);
        AssertResavesToSameField(t);
    }

    [Fact]
    public void Unpacked_floats_are_gathered_in_order()
    {
        Tensor t = Parse(DataType.Float, [3], p => p.Fixed32(4, 1f).Fixed32(4, 2f).Fixed32(4, 3f));
        Assert.Equal([1f, 2f, 3f], t.ToArray<float>());
    }

    [Fact]
    public void Strings_are_kept_as_raw_bytes()
    {
        Tensor t = Parse(DataType.String, [2], p => p.String(6, "héllo").Bytes(6, [0xFF, 0x00]));
        Assert.Equal("héllo", t.ToStrings()[0]);
        Assert.Equal([0xFF, 0x00], t.Strings[1]);
        AssertResavesToSameField(t);
    }

    public static TheoryData<DataType, byte[]> RawCases() => new()
    {
        { DataType.Float16, [0x00, 0x3C] },
        { DataType.BFloat16, [0x80, 0x3F] },
        { DataType.Float8E4M3FN, [0x38] },
        { DataType.Float8E4M3FNUZ, [0x40] },
        { DataType.Float8E5M2, [0x3C] },
        { DataType.Float8E5M2FNUZ, [0x40] },
        { DataType.Float8E8M0, [0x7F] },
        { DataType.UInt16, [0xFF, 0xFF] },
        { DataType.Int16, [0x00, 0x80] },
        { DataType.UInt8, [0xFF] },
    };

    [Theory]
    [MemberData(nameof(RawCases))]
    public void Every_int32_data_type_round_trips_between_raw_data_and_int32_data(DataType type, byte[] raw)
    {
        var tensor = new Tensor(type, [1], raw) { UseTypedField = true };
        Tensor typed = TensorFile.ParseTensor(TensorFile.ToBytes(tensor));
        Assert.True(typed.UseTypedField);
        Assert.Equal(raw, typed.RawData.ToArray());
        typed.UseTypedField = false;
        Tensor viaRaw = TensorFile.ParseTensor(TensorFile.ToBytes(typed));
        Assert.False(viaRaw.UseTypedField);
        Assert.Equal(raw, viaRaw.RawData.ToArray());
    }

    [Fact]
    public void Typed_access_checks_the_element_type()
    {
        Tensor t = Tensor.FromArray(new[] { 1, 2, 3 });
        var e = Assert.Throws<InvalidOperationException>(() => t.AsSpan<float>());
        Assert.Contains("holds INT32, not FLOAT", e.Message);
        Assert.Throws<ArgumentException>(() => Tensor.FromArray(new[] { 1f, 2f, 3f }, 2, 2));
    }

    [Fact]
    public void Sub_byte_tensors_pack_low_bits_first_and_unpack_with_sign()
    {
        Int4[] int4 = [Int4.FromSingle(-8), Int4.FromSingle(7), Int4.FromSingle(-1)];
        Tensor t = Tensor.FromArray(int4);
        Assert.Equal([0x78, 0x0F], t.RawData.ToArray()); // -8 = 0x8 low nibble, 7 high; -1 = 0xF, padding 0
        Assert.Equal(int4, t.ToArray<Int4>());

        UInt2[] uint2 = [UInt2.FromSingle(3), UInt2.FromSingle(0), UInt2.FromSingle(1), UInt2.FromSingle(2), UInt2.FromSingle(1)];
        Tensor u = Tensor.FromArray(uint2);
        Assert.Equal([0x93, 0x01], u.RawData.ToArray()); // 3 | 0 << 2 | 1 << 4 | 2 << 6 = 0x93
        Assert.Equal(uint2, u.ToArray<UInt2>());

        Float4E2M1[] fp4 = [Float4E2M1.FromSingle(6), Float4E2M1.FromSingle(-0.5f)];
        Tensor f = Tensor.FromArray(fp4);
        Assert.Equal([0x97], f.RawData.ToArray()); // 6 = 0b0111; -0.5 = sign 0b1000 | subnormal 0b0001
        Assert.Equal([6f, -0.5f], Array.ConvertAll(f.ToArray<Float4E2M1>(), v => (float)v));
        Assert.Throws<InvalidOperationException>(() => f.AsSpan<Float4E2M1>());
    }

    [Fact]
    public void Eight_and_sixteen_bit_floats_read_in_place()
    {
        Tensor e4m3 = new(DataType.Float8E4M3FN, [2], new byte[] { 0x7E, 0x38 });
        Assert.Equal([448f, 1f], e4m3.ToArray<Float8E4M3FN>().Select(v => (float)v));
        Tensor bf16 = Tensor.FromArray([BFloat16.FromSingle(1f), BFloat16.FromSingle(-2f)]);
        Assert.Equal([0x80, 0x3F, 0x00, 0xC0], bf16.RawData.ToArray());
        Assert.Equal(-2f, (float)bf16.AsSpan<BFloat16>()[1]);
    }
}
