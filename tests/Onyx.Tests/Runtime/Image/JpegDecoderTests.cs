using Onyx.Runtime.Kernels.Image.Decoding;

namespace Onyx.Tests.Runtime.ImageKernels;

/// <summary>
/// JPEG files made with libjpeg-turbo's cjpeg and jpegtran, compared byte for byte with djpeg's output (the same
/// pixels Pillow gives); see Data/jpeg/README.md for how each file was made.
/// </summary>
public sealed class JpegDecoderTests
{
    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Runtime", "Image", "Data", "jpeg", name));

    /// <summary>Pixels of a binary PGM (P5) or PPM (P6) file with maximum value 255.</summary>
    private static DecodedImage ReadPnm(string name)
    {
        byte[] file = Read(name);
        var fields = new List<string>();
        int position = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)file[position]))
                position++;
            int start = position;
            while (!char.IsWhiteSpace((char)file[position]))
                position++;
            fields.Add(System.Text.Encoding.ASCII.GetString(file, start, position - start));
        }
        int channels = fields[0] == "P6" ? 3 : 1, width = int.Parse(fields[1]), height = int.Parse(fields[2]);
        Assert.Equal("255", fields[3]);
        return new DecodedImage(height, width, channels, file[(position + 1)..]);
    }

    private static void AssertSame(DecodedImage expected, DecodedImage actual)
    {
        Assert.Equal((expected.Height, expected.Width, expected.Channels), (actual.Height, actual.Width, actual.Channels));
        Assert.Equal(expected.Pixels, actual.Pixels);
    }

    private static ImageDataException Rejects(byte[] data) => Assert.Throws<ImageDataException>(() => JpegDecoder.Decode(data));

    /// <summary>The offset of the first FF <paramref name="code"/> marker after the start-of-image marker.</summary>
    private static int Marker(byte[] data, byte code)
    {
        for (int i = 2; i + 1 < data.Length; i++)
            if (data[i] == 0xFF && data[i + 1] == code)
                return i;
        throw new InvalidOperationException($"no marker FF {code:X2}");
    }

    [Theory]
    [InlineData("s444_17x13")]
    [InlineData("s422_17x13")]
    [InlineData("s420_17x13")]
    [InlineData("s440_17x13")]
    [InlineData("s411_17x13")]
    [InlineData("gray_17x13")]
    [InlineData("rgb_adobe_17x13")]
    [InlineData("s420_33x29")]
    [InlineData("s420_restart_33x29")]
    [InlineData("s420_optimized_33x29")]
    [InlineData("s420_progressive_33x29")]
    [InlineData("s420_jpegtran_progressive_33x29")]
    [InlineData("s422_progressive_restart_33x29")]
    [InlineData("s420_early_eoi_33x29")]
    public void Decodes_to_exactly_the_pixels_of_libjpeg_turbo(string name)
    {
        AssertSame(ReadPnm(name + ".pnm"), JpegDecoder.Decode(Read(name + ".jpg")));
    }

    [Fact]
    public void A_one_component_image_gives_one_gray_channel_and_three_components_give_rgb()
    {
        DecodedImage gray = JpegDecoder.Decode(Read("gray_17x13.jpg")), color = JpegDecoder.Decode(Read("s420_17x13.jpg"));
        Assert.Equal((13, 17, 1, 13 * 17), (gray.Height, gray.Width, gray.Channels, gray.Pixels.Length));
        Assert.Equal((13, 17, 3, 13 * 17 * 3), (color.Height, color.Width, color.Channels, color.Pixels.Length));
    }

    [Fact]
    public void A_progressive_copy_made_by_jpegtran_decodes_to_the_baseline_pixels()
    {
        byte[] progressive = Read("s420_jpegtran_progressive_33x29.jpg");
        Assert.Equal(0xC2, progressive[Marker(progressive, 0xC2) + 1]);
        AssertSame(JpegDecoder.Decode(Read("s420_33x29.jpg")), JpegDecoder.Decode(progressive));
    }

    [Fact]
    public void Huffman_tables_the_file_leaves_out_default_to_the_standard_ones()
    {
        // Motion-JPEG style: the same baseline file (made with cjpeg's standard tables) without its DHT segments.
        byte[] data = Read("s420_33x29.jpg");
        var stripped = new List<byte>(data[..2]);
        for (int at = 2; ;)
        {
            int length = (data[at + 2] << 8) | data[at + 3];
            if (data[at + 1] == 0xDA)
            {
                stripped.AddRange(data[at..]);
                break;
            }
            if (data[at + 1] != 0xC4)
                stripped.AddRange(data[at..(at + 2 + length)]);
            at += 2 + length;
        }
        AssertSame(ReadPnm("s420_33x29.pnm"), JpegDecoder.Decode([.. stripped]));
    }

    [Fact]
    public void An_adobe_marker_with_transform_0_keeps_the_stored_rgb()
    {
        byte[] data = Read("rgb_adobe_17x13.jpg");
        int adobe = Marker(data, 0xEE);
        Assert.Equal(0, data[adobe + 4 + 11]);
        DecodedImage rgb = JpegDecoder.Decode(data);
        // The same file read as YCbCr gives other colors.
        data[adobe + 4 + 11] = 1;
        Assert.NotEqual(rgb.Pixels, JpegDecoder.Decode(data).Pixels);
    }

    [Fact]
    public void A_restart_marker_out_of_sequence_is_rejected()
    {
        byte[] data = Read("s420_restart_33x29.jpg");
        data[Marker(data, 0xD0) + 1] = 0xD5;
        Assert.Contains("RST0", Rejects(data).Message);
    }

    [Fact]
    public void A_truncated_file_is_rejected()
    {
        byte[] data = Read("s420_33x29.jpg");
        Assert.Contains("truncated", Rejects(data[..(data.Length / 2)]).Message);
        Assert.Contains("truncated", Rejects(data[..^2]).Message);
        Assert.Contains("truncated", Rejects(data[..(Marker(data, 0xDA) + 3)]).Message);
    }

    [Fact]
    public void Data_that_is_not_jpeg_or_has_garbage_after_the_start_marker_is_rejected()
    {
        byte[] data = Read("s420_17x13.jpg");
        Assert.Contains("FF D8 FF", Rejects([.. data[..2], .. "garbage"u8, .. data[2..]]).Message);
        Assert.Contains("FF D8 FF", Rejects("P6\n1 1\n255\n"u8.ToArray()).Message);
        Assert.Contains("FF D8 FF", Rejects([]).Message);
    }

    [Fact]
    public void A_huffman_table_whose_code_lengths_overfill_the_code_space_is_rejected()
    {
        byte[] data = Read("s420_17x13.jpg");
        int counts = Marker(data, 0xC4) + 5;
        // The luminance DC table has 1 code of 2 bits and 5 of 3 bits; make two of those 1-bit codes (three with the rest).
        Assert.Equal([0, 1, 5], data[counts..(counts + 3)]);
        data[counts] = 2;
        data[counts + 2] = 3;
        Assert.Contains("over-fill the 1-bit code space", Rejects(data).Message);
    }

    [Fact]
    public void Entropy_coded_data_matching_no_huffman_code_is_rejected()
    {
        byte[] data = Read("s420_17x13.jpg");
        int scan = Marker(data, 0xDA), scanData = scan + 2 + ((data[scan + 2] << 8) | data[scan + 3]);
        // Stuffed FF bytes read as all one bits, which no Huffman code is (T.81 C.2).
        byte[] corrupt = [.. data[..scanData], .. Enumerable.Repeat<byte[]>([0xFF, 0x00], 40).SelectMany(b => b), 0xFF, 0xD9];
        Assert.Contains("matches no code", Rejects(corrupt).Message);
    }

    [Fact]
    public void Huge_declared_dimensions_are_rejected_before_allocating()
    {
        byte[] data = Read("s420_17x13.jpg");
        int sof = Marker(data, 0xC0);
        data[sof + 5] = data[sof + 6] = data[sof + 7] = data[sof + 8] = 0xFF;
        Assert.Contains("65535x65535", Rejects(data).Message);
        // 16000 x 16000 is allowed in size but would need far more data than the file holds.
        data[sof + 5] = data[sof + 7] = 0x3E;
        data[sof + 6] = data[sof + 8] = 0x80;
        Assert.Contains("truncated", Rejects(data).Message);
        data[sof + 5] = data[sof + 6] = 0;
        Assert.Contains("DNL", Rejects(data).Message);
    }

    [Theory]
    [InlineData(0xC3, "lossless")]
    [InlineData(0xC9, "arithmetic-coded")]
    [InlineData(0xCA, "arithmetic-coded")]
    [InlineData(0xC5, "hierarchical")]
    public void Unsupported_frame_kinds_are_rejected(byte marker, string kind)
    {
        byte[] data = Read("s420_17x13.jpg");
        data[Marker(data, 0xC0) + 1] = marker;
        Assert.Contains(kind, Rejects(data).Message);
    }

    [Fact]
    public void Twelve_bit_samples_and_four_components_are_rejected()
    {
        byte[] data = Read("s420_17x13.jpg");
        data[Marker(data, 0xC0) + 4] = 12;
        Assert.Contains("12 bits", Rejects(data).Message);
        byte[] cmyk = [0xFF, 0xD8, 0xFF, 0xC0, 0, 20, 8, 0, 16, 0, 16, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0, 0xFF, 0xD9];
        Assert.Contains("CMYK", Rejects(cmyk).Message);
    }

    [Fact]
    public void A_scan_naming_a_component_the_frame_lacks_is_rejected()
    {
        byte[] data = Read("s420_17x13.jpg");
        data[Marker(data, 0xDA) + 5] = 9;
        Assert.Contains("component id 9", Rejects(data).Message);
    }

    [Fact]
    public void Missing_quantization_and_huffman_tables_are_rejected()
    {
        byte[] data = Read("s420_17x13.jpg");
        data[Marker(data, 0xC0) + 12] = 3;
        Assert.Contains("quantization table 3", Rejects(data).Message);
        data = Read("s420_17x13.jpg");
        data[Marker(data, 0xDA) + 6] = 0x33;
        Assert.Contains("DC Huffman table 3", Rejects(data).Message);
    }

    [Fact]
    public void A_second_frame_header_is_rejected()
    {
        byte[] data = Read("s420_17x13.jpg");
        int sof = Marker(data, 0xC0), length = (data[sof + 2] << 8) | data[sof + 3];
        byte[] twice = [.. data[..(sof + 2 + length)], .. data[sof..]];
        Assert.Contains("second frame header", Rejects(twice).Message);
    }
}
