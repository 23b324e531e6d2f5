using System.Text;

namespace Onyx.Serialization;

/// <summary>
/// State shared by the readers of one buffer: the buffer itself, the field path for error messages,
/// and the limits. The path is kept as a stack of frames and only turned into text when an error is raised.
/// </summary>
internal sealed class ReadContext(ReadOnlyMemory<byte> buffer, LoadOptions options, string? source)
{
    private readonly (string Field, int Index)[] _frames = new (string, int)[options.MaxNestingDepth + 1];
    private int _depth;

    public ReadOnlyMemory<byte> Buffer { get; } = buffer;
    public LoadOptions Options { get; } = options;
    public string? Source { get; } = source;

    /// <summary>Resolves external data; null when there is no folder to resolve against or the options say not to.</summary>
    public ExternalDataFiles? ExternalData { get; } =
        options.ExternalData == ExternalDataMode.Map && options.BaseDirectory is { } folder ? new ExternalDataFiles(folder) : null;

    /// <summary>Enters a nested message; <paramref name="index"/> is its position in a repeated field, or -1.</summary>
    public void Push(string field, int index, long offset)
    {
        if (_depth >= Options.MaxNestingDepth)
            throw Error(offset, $"messages are nested deeper than the limit of {Options.MaxNestingDepth} (entering '{field}')");
        _frames[_depth++] = (field, index);
    }

    public void Pop() => _depth--;

    public string Path
    {
        get
        {
            var text = new StringBuilder();
            for (int i = 0; i < _depth; i++)
            {
                if (i > 0)
                    text.Append('.');
                text.Append(_frames[i].Field);
                if (_frames[i].Index >= 0)
                    text.Append('[').Append(_frames[i].Index).Append(']');
            }
            return text.ToString();
        }
    }

    public OnnxFormatException Error(long offset, string problem) => new(Path, offset, problem, Source);
}
