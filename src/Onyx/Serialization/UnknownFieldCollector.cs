using System.Buffers;

namespace Onyx.Serialization;

/// <summary>
/// Gathers the encoded bytes (tag included) of the fields a message reader does not know, so that a save can
/// write them back. Adjacent fields stay one slice of the buffer; only scattered fields are copied together.
/// </summary>
internal struct UnknownFieldCollector
{
    private int _start;
    private int _end;
    private ArrayBufferWriter<byte>? _joined;

    public void Add(ReadOnlyMemory<byte> buffer, (int Start, int Length) field)
    {
        if (_joined is null && (_end == _start || field.Start == _end))
        {
            if (_end == _start)
                _start = field.Start;
            _end = field.Start + field.Length;
            return;
        }
        if (_joined is null)
        {
            _joined = new ArrayBufferWriter<byte>();
            _joined.Write(buffer.Span[_start.._end]);
        }
        _joined.Write(buffer.Span.Slice(field.Start, field.Length));
    }

    public readonly ReadOnlyMemory<byte> Result(ReadOnlyMemory<byte> buffer) =>
        _joined is not null ? _joined.WrittenMemory : buffer[_start.._end];
}
