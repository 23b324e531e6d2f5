namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// Reads the entropy-coded segments of a scan most significant bit first, removing stuffed zero bytes after 0xFF
/// (T.81 F.1.2.3) and skipping 0xFF fill bytes. A marker ends the segment: reads past it yield zero bits and set
/// <see cref="ReadPastMarker"/>, as libjpeg does, so a scan cut short by a marker still gives an image. Running
/// out of bytes without a marker means the file is truncated and throws.
/// </summary>
internal ref struct JpegBitReader(ReadOnlySpan<byte> data, int start)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position = start;
    private ulong bits;
    private int bitCount;
    private int paddingBits;
    private int markerCode = -1;

    /// <summary>Whether a read took bits beyond the marker that ended the segment.</summary>
    public bool ReadPastMarker { get; private set; }

    /// <summary>Where marker parsing resumes after the scan: the marker that ended the data, else the next unread byte.</summary>
    public readonly int Position => markerCode >= 0 ? markerCode - 1 : position;

    public int Peek16()
    {
        if (bitCount < 16)
            Fill();
        return (int)(bits >> (bitCount - 16)) & 0xFFFF;
    }

    public void Skip(int count)
    {
        bitCount -= count;
        if (bitCount < paddingBits)
        {
            ReadPastMarker = true;
            paddingBits = bitCount;
        }
    }

    public int ReadBits(int count)
    {
        if (count == 0)
            return 0;
        if (bitCount < count)
            Fill();
        int value = (int)(bits >> (bitCount - count)) & ((1 << count) - 1);
        Skip(count);
        return value;
    }

    /// <summary>
    /// Ends a restart interval (T.81 F.1.2.3): drops the bits left in the byte, then expects marker RSTn with the
    /// given n. Another marker (from SOF0 up) leaves the rest of the scan reading zero bits, as libjpeg does.
    /// </summary>
    public void Restart(int expected)
    {
        bits = 0;
        bitCount = 0;
        paddingBits = 0;
        int codeOffset = markerCode;
        if (codeOffset < 0)
        {
            int next = position;
            JpegMarkers.Next(data, ref next);
            codeOffset = next - 1;
        }
        int marker = data[codeOffset];
        if (marker == JpegMarkers.Rst0 + expected)
        {
            position = codeOffset + 1;
            markerCode = -1;
            ReadPastMarker = false;
        }
        else if (marker is >= JpegMarkers.Rst0 and <= JpegMarkers.Rst7 or < JpegMarkers.Sof0)
            throw new ImageDataException($"JPEG restart marker RST{expected} expected at offset {codeOffset - 1}; found marker 0x{marker:X2}");
        else
            markerCode = codeOffset;
    }

    private void Fill()
    {
        while (bitCount <= 56)
        {
            int value = 0;
            if (markerCode >= 0)
                paddingBits += 8;
            else
            {
                if (position >= data.Length)
                    throw new ImageDataException($"JPEG data is truncated: the entropy-coded data of a scan runs to the end of the file ({data.Length} bytes) without an end marker");
                value = data[position];
                if (value != 0xFF)
                    position++;
                else
                {
                    int next = position + 1;
                    while (next < data.Length && data[next] == 0xFF)
                        next++;
                    if (next >= data.Length)
                        throw new ImageDataException($"JPEG data is truncated: the file ends inside a marker at offset {position}");
                    if (data[next] == 0)
                        position = next + 1;
                    else
                    {
                        markerCode = next;
                        paddingBits += 8;
                        value = 0;
                    }
                }
            }
            bits = (bits << 8) | (uint)value;
            bitCount += 8;
        }
    }
}
