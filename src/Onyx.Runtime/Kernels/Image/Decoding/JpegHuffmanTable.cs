namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// A Huffman decoding table built from a DHT segment's code-length counts and symbols (T.81 C, F.2.2.3): canonical
/// codes, looked up directly for codes up to <see cref="LookupBits"/> bits and by per-length maximum code beyond.
/// </summary>
internal sealed class JpegHuffmanTable
{
    private const int LookupBits = 9;

    /// <summary>(length &lt;&lt; 8) | symbol for each 9-bit prefix starting with a short code; 0 when the code is longer.</summary>
    private readonly ushort[] lookup = new ushort[1 << LookupBits];
    private readonly int[] maxCode = new int[17];
    private readonly int[] symbolOffset = new int[17];
    private readonly byte[] symbols;

    /// <param name="counts">The number of codes of each length 1 to 16.</param>
    /// <param name="symbols">The symbols in order of increasing code.</param>
    public JpegHuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> symbols)
    {
        this.symbols = symbols.ToArray();
        int code = 0, index = 0;
        for (int length = 1; length <= 16; length++)
        {
            int count = counts[length - 1];
            // A code of all one bits is not allowed (C.2), so the codes of each length must leave one value over.
            if (code + count >= 1 << length)
                throw new ImageDataException($"JPEG Huffman table is invalid: its code lengths over-fill the {length}-bit code space");
            symbolOffset[length] = index - code;
            maxCode[length] = count == 0 ? -1 : code + count - 1;
            for (int i = 0; i < count; i++, code++, index++)
                if (length <= LookupBits)
                {
                    int shift = LookupBits - length;
                    lookup.AsSpan(code << shift, 1 << shift).Fill((ushort)((length << 8) | symbols[index]));
                }
            code <<= 1;
        }
        MaxSymbol = this.symbols.Length == 0 ? 0 : this.symbols.Max();
    }

    public int MaxSymbol { get; }

    public int Decode(ref JpegBitReader reader)
    {
        int peek = reader.Peek16();
        int entry = lookup[peek >> (16 - LookupBits)];
        if (entry != 0)
        {
            reader.Skip(entry >> 8);
            return entry & 0xFF;
        }
        for (int length = LookupBits + 1; length <= 16; length++)
        {
            int code = peek >> (16 - length);
            if (code <= maxCode[length])
            {
                reader.Skip(length);
                return symbols[code + symbolOffset[length]];
            }
        }
        throw new ImageDataException("JPEG entropy-coded data is corrupt: a bit sequence matches no code of the Huffman table");
    }
}
