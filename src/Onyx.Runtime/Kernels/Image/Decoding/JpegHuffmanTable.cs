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

    private static readonly JpegHuffmanTable[] Standard =
    [
        FromHex("00010501010101010100000000000000", "000102030405060708090A0B"),
        FromHex("00030101010101010101010000000000", "000102030405060708090A0B"),
        FromHex("0002010303020403050504040000017D",
            "01020300041105122131410613516107227114328191A1082342B1C11552D1F02433627282090A161718191A25262728292A3435363738393A"
            + "434445464748494A535455565758595A636465666768696A737475767778797A838485868788898A92939495969798999AA2A3A4A5A6A7A8A9AA"
            + "B2B3B4B5B6B7B8B9BAC2C3C4C5C6C7C8C9CAD2D3D4D5D6D7D8D9DAE1E2E3E4E5E6E7E8E9EAF1F2F3F4F5F6F7F8F9FA"),
        FromHex("00020102040403040705040400010277",
            "000102031104052131061241510761711322328108144291A1B1C109233352F0156272D10A162434E125F11718191A262728292A35363738393A"
            + "434445464748494A535455565758595A636465666768696A737475767778797A82838485868788898A92939495969798999AA2A3A4A5A6A7A8A9AA"
            + "B2B3B4B5B6B7B8B9BAC2C3C4C5C6C7C8C9CAD2D3D4D5D6D7D8D9DAE2E3E4E5E6E7E8E9EAF2F3F4F5F6F7F8F9FA"),
    ];

    /// <summary>
    /// The example tables of T.81 Annex K.3 (luminance for table 0, chrominance for table 1), which libjpeg-turbo
    /// uses for a table 0 or 1 that the file never defines, as Motion-JPEG frames leave them out.
    /// </summary>
    public static JpegHuffmanTable? Default(bool dc, int index) => index < 2 ? Standard[(dc ? 0 : 2) + index] : null;

    private static JpegHuffmanTable FromHex(string counts, string symbols) => new(Convert.FromHexString(counts), Convert.FromHexString(symbols));

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
