using System.Numerics;
using System.Text;

namespace Onyx.Tests.Tensors;

public sealed class NpyFileTests
{
    public static TheoryData<string, Tensor> NumericTensors() => new()
    {
        { "float16", Tensor.FromArray(new[] { (Half)1.5, Half.NegativeInfinity }, 2) },
        { "float", Tensor.FromArray(new[] { 1f, -2f, 3.5f, float.NaN, 0f, 6f }, 2, 3) },
        { "double", Tensor.FromArray(new[] { Math.PI }, 1, 1) },
        { "int8", Tensor.FromArray(new sbyte[] { -128, 127 }) },
        { "uint8", Tensor.FromArray(new byte[] { 0, 255 }) },
        { "int16", Tensor.FromArray(new short[] { short.MinValue }) },
        { "uint16", Tensor.FromArray(new ushort[] { ushort.MaxValue }) },
        { "int32", Tensor.Scalar(-7) },
        { "uint32", Tensor.FromArray(new uint[] { uint.MaxValue, 0, 1 }, 3, 1) },
        { "int64", Tensor.FromArray(new long[] { long.MinValue, 5 }) },
        { "uint64", Tensor.FromArray(new ulong[] { ulong.MaxValue }) },
        { "bool", Tensor.FromArray(new[] { true, false, true }) },
        { "complex128", Tensor.FromArray(new[] { new Complex(1, -1) }) },
        { "empty", Tensor.FromArray(Array.Empty<float>(), 0, 3) },
    };

    [Theory]
    [MemberData(nameof(NumericTensors))]
    public void Numeric_tensors_round_trip_through_npy(string name, Tensor tensor)
    {
        byte[] bytes = NpyFile.ToBytes(tensor);
        Assert.True(bytes.Length >= 64, name);
        Assert.Equal(0, (bytes.Length - tensor.RawData.Length) % 64);
        Tensor back = NpyFile.Parse(bytes);
        Assert.Equal(tensor.DataType, back.DataType);
        Assert.Equal(tensor.Dims, back.Dims);
        Assert.Equal(tensor.RawData.ToArray(), back.RawData.ToArray());
    }

    [Fact]
    public void The_header_is_the_one_numpy_writes()
    {
        byte[] bytes = NpyFile.ToBytes(Tensor.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3));
        string header = Encoding.Latin1.GetString(bytes, 10, bytes[8] | bytes[9] << 8);
        Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.TrimEnd());
        Assert.EndsWith("\n", header);
        Assert.Equal(1, bytes[6]);
    }

    [Fact]
    public void Big_endian_arrays_are_byte_swapped()
    {
        byte[] bytes = Npy("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }", [0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE]);
        Assert.Equal([1, -2], NpyFile.Parse(bytes).ToArray<int>());
    }

    [Fact]
    public void Version_2_headers_are_read()
    {
        string dict = "{'descr': '<i2', 'fortran_order': False, 'shape': (1,), }";
        byte[] header = Encoding.Latin1.GetBytes(dict + "\n");
        byte[] bytes = [0x93, .. "NUMPY"u8, 2, 0, .. BitConverter.GetBytes(header.Length), .. header, 7, 0];
        Assert.Equal([(short)7], NpyFile.Parse(bytes).ToArray<short>());
    }

    public static TheoryData<string, byte[], string> MalformedFiles() => new()
    {
        { "bad magic", [.. "NOTNPY"u8, 1, 0, 0, 0], "magic" },
        { "version 9", [0x93, .. "NUMPY"u8, 9, 0, 0, 0], "format version 9.0" },
        { "header past end", [0x93, .. "NUMPY"u8, 1, 0, 0xFF, 0x00, 1], "declares 255 bytes" },
        { "fortran order", Npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", new byte[4]), "Fortran-order" },
        { "object dtype", Npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]), "not a simple numeric dtype" },
        { "unicode dtype", Npy("{'descr': '<U5', 'fortran_order': False, 'shape': (1,), }", new byte[20]), "no ONNX counterpart" },
        { "data too short", Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", new byte[24]), "needs 32 bytes" },
        { "negative dim", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", []), "non-negative integer" },
        { "missing key", Npy("{'descr': '<f4', 'shape': (1,), }", new byte[4]), "must have" },
        { "unknown key", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", new byte[4]), "unexpected header key 'x'" },
        { "huge shape", Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", []), "too large" },
        { "not a dict", Npy("['descr']", []), "expected '{'" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Malformed_npy_files_are_rejected_with_the_reason(string name, byte[] bytes, string problem)
    {
        var e = Assert.Throws<OnnxFormatException>(() => NpyFile.Parse(bytes, name));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Types_numpy_lacks_cannot_be_written()
    {
        var e = Assert.Throws<NotSupportedException>(() => NpyFile.ToBytes(Tensor.FromStrings(["a"])));
        Assert.Contains("STRING", e.Message);
    }

    private static byte[] Npy(string dict, byte[] data)
    {
        byte[] header = Encoding.Latin1.GetBytes(dict + "\n");
        return [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, (byte)(header.Length >> 8), .. header, .. data];
    }
}
