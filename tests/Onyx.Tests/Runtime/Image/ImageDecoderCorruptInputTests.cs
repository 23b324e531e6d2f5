using System.Buffers.Binary;
using System.IO.Compression;
using Onyx.Runtime;
using static Onyx.Tests.Runtime.ImageKernels.ImageDecoderNode;

namespace Onyx.Tests.Runtime.ImageKernels;

/// <summary>ImageDecoder on data it must refuse (unknown or unsupported formats, corrupt, truncated or oversized images) and on hand-built edge cases.</summary>
public sealed class ImageDecoderCorruptInputTests
{
    [Fact]
    public void Data_without_a_known_signature_is_refused_naming_the_formats()
    {
        AssertFails("hello, world"u8.ToArray(), "ImageDecoder", "no known image signature", "PNG, JPEG, BMP, TIFF, PNM");
        AssertFails([], "no known image signature");
    }

    [Fact]
    public void WebP_and_JPEG_2000_are_reported_as_unsupported()
    {
        AssertFails([.. "RIFF"u8, 4, 0, 0, 0, .. "WEBPVP8 "u8], "WebP is not supported");
        AssertFails([0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A], "JPEG 2000 is not supported");
        AssertFails([0xFF, 0x4F, 0xFF, 0x51, 0, 0x2F], "JPEG 2000 is not supported");
    }

    [Fact]
    public void An_unknown_pixel_format_is_refused()
    {
        // The output is declared so that the model passes the checker and the kernel factory sees the attribute.
        var g = new GraphBuilder("g");
        g.AddInput(new ValueInfo("in", TypeInfo.Tensor(DataType.UInt8, (Dim)"n")));
        var node = new Node("ImageDecoder", ["in"], ["out"], name: "n");
        node.Attributes.Add(Attribute.Create("pixel_format", "RGBA"));
        g.AddNode(node);
        g.AddOutput(new ValueInfo("out", TypeInfo.Tensor(DataType.UInt8, (Dim)"h", (Dim)"w", 4)));
        Model model = new ModelBuilder(g.Build()).UseOpset("", 20).Build();
        OnyxException error = Assert.ThrowsAny<OnyxException>(() => new InferenceSession(model));
        Assert.Contains("attribute 'pixel_format' is 'RGBA'; expected RGB, BGR or Grayscale", error.Message);
    }

    [Fact]
    public void A_PNG_chunk_with_a_wrong_CRC_is_refused()
    {
        byte[] png = Image("png_rgb8.png");
        png[20] ^= 1;
        AssertFails(png, "PNG chunk 'IHDR'", "CRC");
    }

    [Fact]
    public void A_truncated_PNG_is_refused()
    {
        AssertFails(Image("png_rgb8.png")[..200], "PNG data is truncated");
        AssertFails(Image("png_rgb8.png")[..12], "PNG data is truncated");
    }

    [Fact]
    public void A_PNG_ending_after_its_image_data_without_IEND_decodes_as_in_Pillow()
    {
        byte[] png = Image("png_rgb8.png");
        Assert.Equal(Expected("png_rgb8").Rgb, Decode(png[..^12]).Pixels);
    }

    [Fact]
    public void PNG_image_data_that_is_not_a_zlib_stream_is_refused()
    {
        AssertFails(Png(2, 2, 8, 2, [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC]), "PNG compressed data is not a valid zlib stream");
    }

    [Fact]
    public void PNG_image_data_shorter_than_the_header_implies_is_refused()
    {
        AssertFails(Png(4, 4, 8, 0, Zlib(new byte[10])), "PNG compressed data ends after 10 of the 20 bytes");
    }

    [Fact]
    public void A_PNG_declaring_more_than_the_pixel_limit_is_refused_before_decoding()
    {
        AssertFails(Png(100_000, 100_000, 8, 2, Zlib(new byte[10])), "100000x100000", "more than the limit of 268435456 pixels");
        AssertFails(Png(0, 5, 8, 2, Zlib(new byte[10])), "width and height must be positive");
    }

    [Fact]
    public void A_small_PNG_claiming_a_large_image_is_refused_before_inflating()
    {
        AssertFails(Png(10_000, 10_000, 16, 6, Zlib(new byte[100])), "cannot inflate to the 800010000 bytes");
    }

    [Fact]
    public void PNG_header_and_filter_errors_are_named()
    {
        AssertFails(Png(1, 1, 8, 0, Zlib([7, 0])), "filter type 7");
        AssertFails(Png(1, 1, 16, 3, Zlib([0, 0, 0])), "color type 3 with bit depth 16");
        AssertFails(Png(1, 1, 8, 3, Zlib([0, 0])), "no PLTE chunk");
    }

    [Fact]
    public void PNG_16_bit_gray_clips_at_255_and_16_bit_color_keeps_the_high_byte_as_Pillow_does()
    {
        Assert.Equal([0, 200, 255, 255], Decode(Png(4, 1, 16, 0, Zlib([0, 0, 0, 0, 200, 1, 0, 0xFF, 0xFF])), "Grayscale").Pixels);
        Assert.Equal([1, 0x7F, 0xFF], Decode(Png(1, 1, 16, 2, Zlib([0, 1, 0xFF, 0x7F, 0x80, 0xFF, 0])), "RGB").Pixels);
    }

    [Fact]
    public void A_BMP_declaring_more_than_the_pixel_limit_is_refused()
    {
        byte[] bmp = Image("bmp_rgb24.bmp");
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 1 << 20);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 1 << 20);
        AssertFails(bmp, "BMP header declares a 1048576x1048576 image", "more than the limit");
    }

    [Fact]
    public void A_BMP_with_missing_pixel_rows_or_an_unknown_compression_is_refused()
    {
        AssertFails(Image("bmp_rgb24.bmp")[..300], "BMP data is truncated", "pixel data");
        byte[] bmp = Image("bmp_rgb24.bmp");
        bmp[30] = 4;
        AssertFails(bmp, "BMP compression 4 is not supported");
    }

    [Fact]
    public void BMP_RLE8_runs_literals_padding_and_deltas_place_pixels_bottom_up()
    {
        // 4x3 image; palette index i is color (i, 10 i, 100). Row 0 (the bottom): two 1s, then the literal 2, 3, 4
        // padded to 16 bits (the 4 falls outside the row); then a delta (2, 1) to column 2 of row 1, a run of two 5s,
        // an end of line, and row 2 as one run of 6s.
        byte[] codes = [2, 1, 0, 3, 2, 3, 4, 0, 0, 0, 0, 2, 2, 0, 2, 5, 0, 0, 4, 6, 0, 1];
        byte[] pixels = Decode(Bmp(4, 3, 8, 1, codes), "RGB").Pixels;
        byte[] indices = [6, 6, 6, 6, 0, 0, 5, 5, 1, 1, 2, 3];
        Assert.Equal([.. indices.SelectMany(i => new[] { i, (byte)(10 * i), (byte)100 })], pixels);
    }

    [Fact]
    public void BMP_RLE4_alternates_the_two_nibbles_of_a_run()
    {
        byte[] codes = [5, 0x12, 0, 0, 0, 3, 0x34, 0x50, 2, 0x00, 0, 1];
        byte[] pixels = Decode(Bmp(5, 2, 4, 2, codes), "RGB").Pixels;
        byte[] indices = [3, 4, 5, 0, 0, 1, 2, 1, 2, 1];
        Assert.Equal([.. indices.SelectMany(i => new[] { i, (byte)(10 * i), (byte)100 })], pixels);
    }

    [Fact]
    public void BMP_RLE_data_that_ends_before_the_last_pixel_is_refused_as_Pillow_does()
    {
        AssertFails(Bmp(4, 2, 8, 1, [4, 1, 0, 1]), "BMP RLE data ends at pixel 4 of row 0");
        AssertFails(Bmp(4, 2, 8, 1, [4, 1, 0, 0]), "BMP RLE data ends at row 1 of 2");
    }

    [Fact]
    public void PNM_headers_take_comments_anywhere_and_P1_digits_need_no_spaces()
    {
        Assert.Equal([255, 0, 0, 255, 255, 0], Decode("P1#a\n3 # width\n2\n011\n0#b\n01"u8.ToArray(), "Grayscale").Pixels);
        Assert.Equal([0, 128, 255], Decode("P2 3 1 # maxval next\n 2 0 1 2"u8.ToArray(), "Grayscale").Pixels);
    }

    [Fact]
    public void PNM_errors_are_named()
    {
        AssertFails("P5 3 1 255\n\x05\x06"u8.ToArray(), "PNM data is truncated");
        AssertFails("P2 3 1 255\n5 6"u8.ToArray(), "PNM data ends or holds another character where the sample should be");
        AssertFails("P2 3 1 255\n5 6 300\n"u8.ToArray(), "PNM sample 2 is 300, above maxval 255");
        AssertFails("P5 3 1 0\n\0\0\0"u8.ToArray(), "maxval 0");
        AssertFails("P6 100000 100000 255\n"u8.ToArray(), "more than the limit");
        AssertFails("P6 3 x 255\n"u8.ToArray(), "where the height should be");
    }

    [Fact]
    public void A_TIFF_declaring_more_than_the_pixel_limit_is_refused()
    {
        byte[] tiff = Image("tiff_gray8.tif");
        SetTiffTag(tiff, 256, 1 << 20);
        SetTiffTag(tiff, 257, 1 << 20);
        AssertFails(tiff, "TIFF header declares a 1048576x1048576 image", "more than the limit");
    }

    [Fact]
    public void TIFF_features_outside_the_baseline_are_named()
    {
        byte[] tiff = Image("tiff_gray8.tif");
        SetTiffTag(tiff, 259, 7);
        AssertFails(tiff, "TIFF compression 7 is not supported");
        tiff = Image("tiff_rgb8_raw.tif");
        SetTiffTag(tiff, 262, 6);
        AssertFails(tiff, "TIFF photometric interpretation 6 is not supported");
    }

    [Fact]
    public void TIFF_strips_too_small_for_their_rows_are_refused()
    {
        byte[] tiff = Image("tiff_rgb8_raw.tif");
        SetTiffTag(tiff, 279, 10);
        AssertFails(tiff, "TIFF strip or tile 0 holds 10 bytes");
        AssertFails(Image("tiff_rgb8_lzw.tif")[..200], "TIFF data is truncated");
    }

    /// <summary>A PNG of one IHDR, a PLTE for palette images of 8 bits or less, one IDAT holding <paramref name="idat"/> and IEND.</summary>
    private static byte[] Png(int width, int height, int depth, int colorType, byte[] idat)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = ((byte)depth, (byte)colorType);
        return [0x89, .. "PNG\r\n\x1a\n"u8, .. Chunk("IHDR", header), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] body)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. body];
        var framing = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(framing, body.Length);
        BinaryPrimitives.WriteUInt32BigEndian(framing.AsSpan(4), Crc32(typed));
        return [.. framing[..4], .. typed, .. framing[4..]];
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static byte[] Zlib(byte[] raw)
    {
        var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
            zlib.Write(raw);
        return output.ToArray();
    }

    /// <summary>A BMP with a BITMAPINFOHEADER, the 16-entry palette i -> (i, 10 i, 100) and <paramref name="pixels"/>.</summary>
    private static byte[] Bmp(int width, int height, int bits, int compression, byte[] pixels)
    {
        byte[] palette = [.. Enumerable.Range(0, 16).SelectMany(i => new byte[] { 100, (byte)(10 * i), (byte)i, 0 })];
        var headers = new byte[54];
        "BM"u8.CopyTo(headers);
        BinaryPrimitives.WriteInt32LittleEndian(headers.AsSpan(2), 54 + palette.Length + pixels.Length);
        BinaryPrimitives.WriteInt32LittleEndian(headers.AsSpan(10), 54 + palette.Length);
        BinaryPrimitives.WriteInt32LittleEndian(headers.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(headers.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(headers.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(headers.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(headers.AsSpan(28), (short)bits);
        BinaryPrimitives.WriteInt32LittleEndian(headers.AsSpan(30), compression);
        BinaryPrimitives.WriteInt32LittleEndian(headers.AsSpan(46), 16);
        return [.. headers, .. palette, .. pixels];
    }

    /// <summary>Overwrites the first value of <paramref name="tag"/> in a little-endian TIFF's first directory.</summary>
    private static void SetTiffTag(byte[] tiff, int tag, uint value)
    {
        int directory = BinaryPrimitives.ReadInt32LittleEndian(tiff.AsSpan(4));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(tiff.AsSpan(directory));
        for (int i = 0; i < count; i++)
        {
            Span<byte> entry = tiff.AsSpan(directory + 2 + i * 12, 12);
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) != tag)
                continue;
            bool single = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]) == 1;
            int type = BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]);
            Span<byte> target = single ? entry[8..] : tiff.AsSpan(BinaryPrimitives.ReadInt32LittleEndian(entry[8..]));
            if (type == 3)
                BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)value);
            else
                BinaryPrimitives.WriteUInt32LittleEndian(target, value);
            return;
        }
        throw new ArgumentException($"tag {tag} is not in the directory");
    }
}
