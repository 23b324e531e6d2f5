using Onyx.Serialization;

namespace Onyx;

/// <summary>
/// Reads and writes single serialized messages as the ONNX backend test data stores them: a <c>TensorProto</c>,
/// <c>SequenceProto</c>, <c>MapProto</c> or <c>OptionalProto</c> per <c>.pb</c> file. Files are read fully into memory.
/// </summary>
public static class TensorFile
{
    /// <summary>Reads a TensorProto file.</summary>
    /// <exception cref="OnnxFormatException">The file is not a valid TensorProto.</exception>
    public static Tensor ReadTensor(string path, LoadOptions? options = null) =>
        ModelReader.ReadTensor(File.ReadAllBytes(path), WithFolder(path, options), path);

    /// <summary>Reads a SequenceProto file.</summary>
    public static SequenceValue ReadSequence(string path, LoadOptions? options = null) =>
        ModelReader.ReadSequence(File.ReadAllBytes(path), WithFolder(path, options), path);

    /// <summary>Reads a MapProto file.</summary>
    public static MapValue ReadMap(string path, LoadOptions? options = null) =>
        ModelReader.ReadMap(File.ReadAllBytes(path), WithFolder(path, options), path);

    /// <summary>Reads an OptionalProto file.</summary>
    public static OptionalValue ReadOptional(string path, LoadOptions? options = null) =>
        ModelReader.ReadOptional(File.ReadAllBytes(path), WithFolder(path, options), path);

    /// <summary>
    /// Reads a file holding a value of the declared <paramref name="type"/>: a <see cref="Tensor"/>, a
    /// <see cref="SequenceValue"/>, a <see cref="MapValue"/> or an <see cref="OptionalValue"/>.
    /// </summary>
    public static object ReadValue(string path, TypeInfo? type, LoadOptions? options = null) => type switch
    {
        SequenceTypeInfo => ReadSequence(path, options),
        MapTypeInfo => ReadMap(path, options),
        OptionalTypeInfo => ReadOptional(path, options),
        _ => ReadTensor(path, options),
    };

    /// <summary>Writes a TensorProto file (values inline).</summary>
    public static void Write(string path, Tensor tensor) => File.WriteAllBytes(path, ModelWriter.ToBytes(tensor));

    /// <summary>Writes a SequenceProto file.</summary>
    public static void Write(string path, SequenceValue sequence) => File.WriteAllBytes(path, ModelWriter.ToBytes(sequence));

    /// <summary>Writes a MapProto file.</summary>
    public static void Write(string path, MapValue map) => File.WriteAllBytes(path, ModelWriter.ToBytes(map));

    /// <summary>Writes an OptionalProto file.</summary>
    public static void Write(string path, OptionalValue optional) => File.WriteAllBytes(path, ModelWriter.ToBytes(optional));

    /// <summary>Serializes a tensor to TensorProto bytes.</summary>
    public static byte[] ToBytes(Tensor tensor) => ModelWriter.ToBytes(tensor);

    /// <summary>Parses TensorProto bytes; the tensor's values are slices of <paramref name="bytes"/>.</summary>
    public static Tensor ParseTensor(ReadOnlyMemory<byte> bytes, LoadOptions? options = null) =>
        ModelReader.ReadTensor(bytes, options ?? LoadOptions.Default, null);

    private static LoadOptions WithFolder(string path, LoadOptions? options)
    {
        options ??= LoadOptions.Default;
        return options.BaseDirectory is null ? options with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) } : options;
    }
}
