namespace Onyx;

/// <summary>
/// The bytes are not a valid ONNX protobuf encoding, or they declare something Onyx refuses to load
/// (a size past the end, nesting past the limit, an element count that disagrees with the payload).
/// </summary>
public sealed class OnnxFormatException : OnyxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fieldPath">Where in the message tree the problem is, e.g. <c>graph.node[12].attribute[3]</c>.</param>
    /// <param name="offset">The byte offset in the file or buffer where the offending field starts.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    /// <param name="source">The file name, when the bytes came from a file.</param>
    public OnnxFormatException(string fieldPath, long offset, string problem, string? source = null)
        : base(Format(fieldPath, offset, problem, source))
    {
        FieldPath = fieldPath;
        Offset = offset;
        Problem = problem;
        Source = source;
    }

    /// <summary>The field path of the offending field, e.g. <c>graph.node[12].attribute[3]</c>; empty for the top-level message.</summary>
    public string FieldPath { get; }

    /// <summary>The byte offset where the offending field starts.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file the bytes came from, if any.</summary>
    public new string? Source { get; }

    private static string Format(string fieldPath, long offset, string problem, string? source)
    {
        string where = fieldPath.Length == 0 ? "(top level)" : fieldPath;
        string file = source is null ? "" : $"{source}: ";
        return $"{file}{where}: {problem} (at byte {offset})";
    }
}
