using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Onyx;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0) for every numeric type NumPy shares
/// with ONNX, plus bool: float16/32/64, int8–64, uint8–64, complex64/128. Big-endian files are byte-swapped on read;
/// Fortran-order and object arrays are rejected.
/// </summary>
public static class NpyFile
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a <c>.npy</c> file into a tensor.</summary>
    /// <exception cref="OnnxFormatException">The file is not a valid <c>.npy</c> file of a supported type.</exception>
    public static Tensor Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses <c>.npy</c> bytes; the tensor's values are a slice of <paramref name="bytes"/> unless they had to be byte-swapped.</summary>
    public static Tensor Parse(ReadOnlyMemory<byte> bytes, string? source = null)
    {
        ReadOnlySpan<byte> span = bytes.Span;
        if (span.Length < 10 || !span[..6].SequenceEqual(Magic))
            throw Error(0, "the file does not start with the .npy magic string", source);
        byte major = span[6];
        int headerLengthSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw Error(6, $"format version {major}.{span[7]} is not 1.0, 2.0 or 3.0", source),
        };
        long headerLength = headerLengthSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(span[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
        int headerStart = 8 + headerLengthSize;
        if (headerLength > span.Length - headerStart)
            throw Error(8, $"the header declares {headerLength} bytes but the file has {span.Length - headerStart} left", source);
        int dataStart = headerStart + (int)headerLength;
        Encoding headerEncoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        var header = NpyHeader.Parse(headerEncoding.GetString(span[headerStart..dataStart]), headerStart, source);

        long count = 1;
        foreach (long d in header.Shape)
        {
            if (d != 0 && count > long.MaxValue / 16 / d)
                throw Error(headerStart, $"the shape ({string.Join(", ", header.Shape)}) is too large", source);
            count *= d;
        }
        long expected = header.Type.ByteCount(count);
        if (span.Length - dataStart != expected)
            throw Error(dataStart, $"{header.Descr}{FormatShape(header.Shape)} needs {expected} bytes of data but the file holds {span.Length - dataStart}", source);
        ReadOnlyMemory<byte> data = bytes[dataStart..];
        if (header.BigEndian)
            data = SwapBytes(data.Span, header.Type);
        return new Tensor(header.Type, header.Shape, data);
    }

    /// <summary>Writes a tensor as a <c>.npy</c> file (version 1.0, or 2.0 when the header needs it).</summary>
    /// <exception cref="NotSupportedException">NumPy has no type for the tensor's element type (bfloat16, float8, 4-bit, 2-bit, string).</exception>
    public static void Write(string path, Tensor tensor) => File.WriteAllBytes(path, ToBytes(tensor));

    /// <summary>The <c>.npy</c> encoding of a tensor.</summary>
    public static byte[] ToBytes(Tensor tensor)
    {
        string descr = Descr(tensor.DataType)
            ?? throw new NotSupportedException($"NumPy has no dtype for {tensor.DataType.ProtoName()}; tensor '{tensor.Name}' cannot be written as .npy.");
        string shape = tensor.Dims.Length == 1
            ? $"({tensor.Dims[0].ToString(CultureInfo.InvariantCulture)},)"
            : "(" + string.Join(", ", tensor.Dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        // The header is padded with spaces and a newline so that the data starts on a 64-byte boundary.
        int prefix = dict.Length + 1 + 10 > ushort.MaxValue ? 12 : 10;
        int padded = (prefix + dict.Length + 1 + 63) / 64 * 64;
        string header = dict.PadRight(padded - prefix - 1) + "\n";
        ReadOnlySpan<byte> data = tensor.RawData.Span;
        var bytes = new byte[padded + data.Length];
        Magic.CopyTo(bytes);
        bytes[6] = (byte)(prefix == 10 ? 1 : 2);
        if (prefix == 10)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)header.Length);
        Encoding.Latin1.GetBytes(header, bytes.AsSpan(prefix));
        data.CopyTo(bytes.AsSpan(padded));
        return bytes;
    }

    private static string? Descr(DataType type) => type switch
    {
        DataType.Float16 => "<f2",
        DataType.Float => "<f4",
        DataType.Double => "<f8",
        DataType.Int8 => "|i1",
        DataType.UInt8 => "|u1",
        DataType.Int16 => "<i2",
        DataType.UInt16 => "<u2",
        DataType.Int32 => "<i4",
        DataType.UInt32 => "<u4",
        DataType.Int64 => "<i8",
        DataType.UInt64 => "<u8",
        DataType.Bool => "|b1",
        DataType.Complex64 => "<c8",
        DataType.Complex128 => "<c16",
        _ => null,
    };

    internal static DataType? TypeOf(string kindAndSize) => kindAndSize switch
    {
        "f2" => DataType.Float16,
        "f4" => DataType.Float,
        "f8" => DataType.Double,
        "i1" => DataType.Int8,
        "u1" => DataType.UInt8,
        "i2" => DataType.Int16,
        "u2" => DataType.UInt16,
        "i4" => DataType.Int32,
        "u4" => DataType.UInt32,
        "i8" => DataType.Int64,
        "u8" => DataType.UInt64,
        "b1" => DataType.Bool,
        "c8" => DataType.Complex64,
        "c16" => DataType.Complex128,
        _ => null,
    };

    private static byte[] SwapBytes(ReadOnlySpan<byte> data, DataType type)
    {
        int width = type is DataType.Complex64 or DataType.Complex128 ? type.BitsPerElement() / 16 : type.BitsPerElement() / 8;
        byte[] swapped = data.ToArray();
        for (int i = 0; i < swapped.Length; i += width)
            swapped.AsSpan(i, width).Reverse();
        return swapped;
    }

    internal static string FormatShape(long[] shape) => "(" + string.Join(", ", shape) + ")";

    internal static OnnxFormatException Error(long offset, string problem, string? source) => new("npy", offset, problem, source);
}
