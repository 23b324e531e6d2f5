using System.Runtime.InteropServices;

namespace Onyx.Runtime.Planning;

/// <summary>
/// The byte buffers behind the intermediate tensors of one execution state, reused from run to run and, within a
/// run, from a value that is dead to the next one allocated (liveness-based reuse: the plan releases each value
/// after its last reader). A buffer counts its holders, because a kernel may pass a buffer on under another name
/// (Reshape, Identity); it returns to the free list only when the last holder is released. A buffer that leaves the
/// run (an output handed to the caller, or a tensor stored in a sequence, map or optional) is detached: the arena
/// forgets it and the garbage collector owns it.
/// </summary>
internal sealed class TensorArena
{
    // A free buffer serves a request up to this many times smaller, so a scalar never pins a large buffer.
    private const int MaxWaste = 2;

    private readonly Dictionary<byte[], int> _holders = new(ReferenceEqualityComparer.Instance);
    private readonly List<byte[]> _free = [];

    /// <summary>A buffer of at least <paramref name="length"/> bytes with one holder: a free one when one fits, else a new one.</summary>
    public byte[] Rent(int length)
    {
        int index = FirstFree(length);
        byte[] buffer;
        if (index < _free.Count && _free[index].Length <= (long)MaxWaste * length + 64)
        {
            buffer = _free[index];
            _free.RemoveAt(index);
        }
        else
        {
            buffer = GC.AllocateUninitializedArray<byte>(length);
        }
        _holders[buffer] = 1;
        return buffer;
    }

    /// <summary>The arena buffer <paramref name="value"/>'s tensor lives in, or null (not a tensor, or memory the arena does not own).</summary>
    public byte[]? BufferOf(OnnxValue? value) =>
        value is { Kind: OnnxValueKind.Tensor } && MemoryMarshal.TryGetArray(value.Tensor.RawData, out ArraySegment<byte> segment)
            && segment.Array is { } array && _holders.ContainsKey(array) ? array : null;

    /// <summary>One more value holds <paramref name="buffer"/>.</summary>
    public void Hold(byte[] buffer) => _holders[buffer]++;

    /// <summary>One value less holds <paramref name="buffer"/>; with none left it is free for the next request.</summary>
    public void Release(byte[] buffer)
    {
        if (!_holders.TryGetValue(buffer, out int count))
            return;
        if (count > 1)
        {
            _holders[buffer] = count - 1;
            return;
        }
        _holders.Remove(buffer);
        _free.Insert(FirstFree(buffer.Length), buffer);
    }

    /// <summary>Hands <paramref name="tensor"/>'s buffer, when the arena owns it, over to the garbage collector: the arena will not reuse it.</summary>
    public void Forget(Tensor tensor)
    {
        if (MemoryMarshal.TryGetArray(tensor.RawData, out ArraySegment<byte> segment) && segment.Array is { } array)
            _holders.Remove(array);
    }

    /// <summary>The position of the smallest free buffer of at least <paramref name="length"/> bytes (the free list is sorted by length).</summary>
    private int FirstFree(int length)
    {
        int low = 0, high = _free.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (_free[middle].Length < length)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
