using static Onyx.Runtime.Kernels.Image.Decoding.JpegMarkers;

namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// Decodes a JPEG file (ITU-T T.81) to the pixels Pillow (libjpeg-turbo with its defaults) gives: Huffman-coded
/// baseline, extended sequential and progressive frames with 8-bit samples, one component (gray) or three (YCbCr,
/// or RGB when an Adobe APP14 marker says no transform or the component ids spell R, G, B), any integral
/// sampling factors, restart intervals and multiple scans. The integer inverse DCT, fancy upsampling and
/// fixed-point color conversion reproduce libjpeg's arithmetic exactly.
/// </summary>
/// <remarks>
/// Unsupported (an <see cref="ImageDataException"/> names the feature): arithmetic coding, lossless and
/// hierarchical frames, 12-bit samples, 2 or 4+ components (CMYK), a height left to a DNL marker, and images over
/// 65500 samples a side or 2^28 pixels. As with Pillow, a file that ends before its end-of-image marker is
/// rejected; a scan whose data stops early at a marker gives an image with the rest of that interval as decoded
/// so far (libjpeg's zero fill). Bytes between markers are skipped as libjpeg does. Unlike libjpeg, which warns
/// and carries on, a bit sequence that is no Huffman code and a wrong restart marker are errors. Huffman tables 0
/// and 1 default to the T.81 Annex K tables when the file leaves them out, as in libjpeg-turbo.
/// </remarks>
internal static class JpegDecoder
{
    private const int MaxDimension = 65500;
    private const long MaxPixels = 1L << 28;

    internal static DecodedImage Decode(ReadOnlySpan<byte> data)
    {
        // Pillow identifies JPEG data by FF D8 FF: the start-of-image marker and then directly another marker.
        if (data.Length < 3 || data[0] != 0xFF || data[1] != Soi || data[2] != 0xFF)
            throw new ImageDataException("JPEG data does not start with FF D8 FF (the start-of-image marker followed by another marker)");
        var quantization = new int[4][];
        var dcTables = new JpegHuffmanTable?[4];
        var acTables = new JpegHuffmanTable?[4];
        JpegFrame? frame = null;
        int restartInterval = 0, adobeTransform = -1, scans = 0;
        bool jfif = false;
        int position = 2;
        while (true)
        {
            int marker = Next(data, ref position), markerOffset = position - 2;
            if (marker == Eoi)
                break;
            if (marker is Tem or >= Rst0 and <= Rst7)
                continue;
            if (marker == Soi)
                throw new ImageDataException($"JPEG data has a second start-of-image marker at offset {markerOffset}");
            ReadOnlySpan<byte> segment = Segment(data, ref position, marker);
            switch (marker)
            {
                case Sof0 or Sof1 or Sof2:
                    if (frame is not null)
                        throw new ImageDataException($"JPEG data has a second frame header (SOF{marker - Sof0}) at offset {markerOffset}");
                    frame = ReadFrame(segment, marker == Sof2);
                    break;
                case >= Sof3 and <= 0xCF and not Dht and not Dac:
                    throw new ImageDataException($"JPEG {FrameKind(marker)} frames (SOF{marker - Sof0}) are not supported; only Huffman-coded baseline, extended sequential and progressive ones are");
                case Dht:
                    ReadHuffmanTables(segment, dcTables, acTables);
                    break;
                case Dqt:
                    ReadQuantizationTables(segment, quantization);
                    break;
                case Dri:
                    if (segment.Length != 2)
                        throw new ImageDataException($"JPEG restart interval segment has {segment.Length} bytes; expected 2");
                    restartInterval = (segment[0] << 8) | segment[1];
                    break;
                case Sos:
                    if (frame is null)
                        throw new ImageDataException("JPEG scan header comes before any frame header");
                    JpegScan scan = ReadScan(segment, frame, quantization, dcTables, acTables, data.Length - position);
                    position = JpegScanDecoder.Decode(data, position, frame, scan, restartInterval);
                    scans++;
                    break;
                case App0 when scans == 0:
                    jfif |= segment.Length >= 14 && segment[..5].SequenceEqual("JFIF\0"u8);
                    break;
                case App14 when scans == 0:
                    if (segment.Length >= 12 && segment[..5].SequenceEqual("Adobe"u8))
                        adobeTransform = segment[11];
                    break;
                case >= App0 and <= App15 or Com or Dnl or Dac:
                    break;
                default:
                    throw new ImageDataException($"JPEG data has unknown marker FF {marker:X2} at offset {markerOffset}");
            }
        }
        if (frame is null || scans == 0)
            throw new ImageDataException(frame is null ? "JPEG data has no frame header before its end-of-image marker" : "JPEG data has no scan before its end-of-image marker");
        bool ycbcr = jfif || (adobeTransform >= 0 ? adobeTransform != 0 : !IdsSpellRgb(frame.Components));
        return Reconstruct(frame, ycbcr);
    }

    private static string FrameKind(int marker) => marker switch
    {
        Sof3 or 0xC7 => "lossless",
        0xCB or 0xCF => "arithmetic-coded lossless",
        0xC5 or 0xC6 => "hierarchical (differential)",
        Jpg => "reserved (JPG)",
        _ => "arithmetic-coded",
    };

    private static bool IdsSpellRgb(JpegComponent[] components) =>
        components is [{ Id: 'R' }, { Id: 'G' }, { Id: 'B' }];

    private static ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> data, ref int position, int marker)
    {
        if (position + 2 > data.Length)
            throw new ImageDataException($"JPEG data is truncated: the file ends inside the length of marker FF {marker:X2}");
        int length = (data[position] << 8) | data[position + 1];
        if (length < 2)
            throw new ImageDataException($"JPEG marker FF {marker:X2} at offset {position - 2} declares segment length {length}; the minimum is 2");
        if (position + length > data.Length)
            throw new ImageDataException($"JPEG data is truncated: marker FF {marker:X2} at offset {position - 2} declares {length} bytes but {data.Length - position} remain");
        ReadOnlySpan<byte> segment = data.Slice(position + 2, length - 2);
        position += length;
        return segment;
    }

    private static JpegFrame ReadFrame(ReadOnlySpan<byte> segment, bool progressive)
    {
        if (segment.Length < 6 || segment.Length != 6 + 3 * segment[5])
            throw new ImageDataException($"JPEG frame header has {segment.Length} bytes, which does not match its component count");
        int precision = segment[0], height = (segment[1] << 8) | segment[2], width = (segment[3] << 8) | segment[4], count = segment[5];
        if (precision != 8)
            throw new ImageDataException($"JPEG sample precision is {precision} bits; only 8-bit samples are supported");
        if (height == 0)
            throw new ImageDataException("JPEG frame height is 0 (defined later by a DNL marker), which is not supported");
        if (width == 0)
            throw new ImageDataException("JPEG frame width is 0");
        if (width > MaxDimension || height > MaxDimension || (long)width * height > MaxPixels)
            throw new ImageDataException($"JPEG image is {width}x{height}; at most {MaxDimension} samples a side and {MaxPixels} pixels are supported");
        if (count is not (1 or 3))
            throw new ImageDataException(count == 4
                ? "JPEG image has 4 components (CMYK or YCCK), which is not supported; only gray (1) and color (3) images are"
                : $"JPEG image has {count} components; only gray (1) and color (3) images are supported");
        var components = new JpegComponent[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> entry = segment.Slice(6 + 3 * i, 3);
            int horizontal = entry[1] >> 4, vertical = entry[1] & 15;
            if (horizontal is < 1 or > 4 || vertical is < 1 or > 4)
                throw new ImageDataException($"JPEG component {entry[0]} has sampling factors {horizontal}x{vertical}; each must be 1 to 4");
            if (entry[2] > 3)
                throw new ImageDataException($"JPEG component {entry[0]} selects quantization table {entry[2]}; tables are numbered 0 to 3");
            for (int j = 0; j < i; j++)
                if (components[j].Id == entry[0])
                    throw new ImageDataException($"JPEG frame header lists component id {entry[0]} twice");
            components[i] = new JpegComponent(entry[0], horizontal, vertical, entry[2]);
        }
        var frame = new JpegFrame(width, height, progressive, components);
        foreach (JpegComponent component in components)
            if (frame.MaxHorizontal % component.Horizontal != 0 || frame.MaxVertical % component.Vertical != 0)
                throw new ImageDataException($"JPEG component {component.Id} has sampling factors {component.Horizontal}x{component.Vertical}, a non-integral fraction of the largest ({frame.MaxHorizontal}x{frame.MaxVertical}), which is not supported");
        return frame;
    }

    private static void ReadQuantizationTables(ReadOnlySpan<byte> segment, int[][] tables)
    {
        ReadOnlySpan<byte> natural = JpegScanDecoder.NaturalOrder;
        while (segment.Length > 0)
        {
            int precision = segment[0] >> 4, index = segment[0] & 15, size = 64 * (precision + 1);
            if (precision > 1 || index > 3)
                throw new ImageDataException($"JPEG quantization table header byte 0x{segment[0]:X2} is invalid; expected precision 0 or 1 and table 0 to 3");
            if (segment.Length < 1 + size)
                throw new ImageDataException($"JPEG quantization table {index} needs {size} bytes but its segment has {segment.Length - 1} left");
            var table = new int[64];
            for (int k = 0; k < 64; k++)
                table[natural[k]] = precision == 0 ? segment[1 + k] : (segment[1 + 2 * k] << 8) | segment[2 + 2 * k];
            tables[index] = table;
            segment = segment[(1 + size)..];
        }
    }

    private static void ReadHuffmanTables(ReadOnlySpan<byte> segment, JpegHuffmanTable?[] dcTables, JpegHuffmanTable?[] acTables)
    {
        while (segment.Length > 0)
        {
            int tableClass = segment[0] >> 4, index = segment[0] & 15;
            if (tableClass > 1 || index > 3)
                throw new ImageDataException($"JPEG Huffman table header byte 0x{segment[0]:X2} is invalid; expected class 0 or 1 and table 0 to 3");
            if (segment.Length < 17)
                throw new ImageDataException("JPEG Huffman table segment ends inside its code-length counts");
            ReadOnlySpan<byte> counts = segment.Slice(1, 16);
            int total = 0;
            foreach (byte count in counts)
                total += count;
            if (total > 256 || segment.Length < 17 + total)
                throw new ImageDataException($"JPEG Huffman table declares {total} codes; at most 256 are allowed and its segment has {segment.Length - 17} symbol bytes");
            var table = new JpegHuffmanTable(counts, segment.Slice(17, total));
            (tableClass == 0 ? dcTables : acTables)[index] = table;
            segment = segment[(17 + total)..];
        }
    }

    private static JpegScan ReadScan(ReadOnlySpan<byte> segment, JpegFrame frame, int[][] quantization,
        JpegHuffmanTable?[] dcTables, JpegHuffmanTable?[] acTables, int bytesLeft)
    {
        int count = segment.Length > 0 ? segment[0] : 0;
        if (count is < 1 or > 4 || segment.Length != 4 + 2 * count)
            throw new ImageDataException($"JPEG scan header has {segment.Length} bytes for {count} components; expected 1 to 4 components and 4 + 2 per component bytes");
        var components = new JpegComponent[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++)
        {
            int id = segment[1 + 2 * i];
            JpegComponent component = Array.Find(frame.Components, c => c.Id == id)
                ?? throw new ImageDataException($"JPEG scan names component id {id}, which the frame does not have");
            if (Array.IndexOf(components, component, 0, i) >= 0)
                throw new ImageDataException($"JPEG scan names component id {id} twice");
            components[i] = component;
            blocksPerMcu += component.Horizontal * component.Vertical;
        }
        if (count > 1 && blocksPerMcu > 10)
            throw new ImageDataException($"JPEG interleaved scan has {blocksPerMcu} blocks per MCU; at most 10 are allowed (B.2.3)");
        ReadOnlySpan<byte> tail = segment[(1 + 2 * count)..];
        var scan = new JpegScan(components, tail[0], tail[1], tail[2] >> 4, tail[2] & 15);
        if (frame.Progressive)
            CheckProgression(scan);
        bool needsDc = !frame.Progressive || (scan.SpectralStart == 0 && scan.ApproximationHigh == 0);
        bool needsAc = !frame.Progressive || scan.SpectralStart != 0;
        for (int i = 0; i < count; i++)
        {
            JpegComponent component = components[i];
            int selectors = segment[2 + 2 * i];
            component.DcTable = needsDc ? Table(dcTables, selectors >> 4, "DC", component.Id) : null;
            component.AcTable = needsAc ? Table(acTables, selectors & 15, "AC", component.Id) : null;
            if (component.DcTable is { MaxSymbol: > 15 })
                throw new ImageDataException($"JPEG DC Huffman table {selectors >> 4} has a symbol above 15, which no DC difference can have");
            component.Quantization ??= quantization[component.QuantizationTable]?.ToArray()
                ?? throw new ImageDataException($"JPEG component {component.Id} uses quantization table {component.QuantizationTable}, which is not defined before its first scan");
            if (component.Coefficients is null)
            {
                long blocks = (long)component.BlocksPerLine * component.BlockRows;
                // Each block takes at least one bit in the first scan that holds its DC coefficient.
                if (blocks > 8L * bytesLeft)
                    throw new ImageDataException($"JPEG data is truncated: component {component.Id} of the {frame.Width}x{frame.Height} image has {blocks} blocks but only {bytesLeft} bytes follow");
                component.Coefficients = new short[blocks * 64];
            }
        }
        return scan;
    }

    private static JpegHuffmanTable Table(JpegHuffmanTable?[] tables, int index, string kind, int component) =>
        (index < 4 ? tables[index] : null) ?? JpegHuffmanTable.Default(kind == "DC", index)
            ?? throw new ImageDataException($"JPEG scan selects {kind} Huffman table {index} for component {component}, which is not defined");

    /// <summary>The limits libjpeg enforces on progressive scan parameters (G.1.1.1.1): DC and AC bands apart, AC bands of one component, each refinement one bit.</summary>
    private static void CheckProgression(JpegScan scan)
    {
        bool valid = scan.SpectralStart == 0
            ? scan.SpectralEnd == 0
            : scan.SpectralEnd >= scan.SpectralStart && scan.SpectralEnd <= 63 && scan.Components.Length == 1;
        valid &= scan.ApproximationHigh == 0 || scan.ApproximationLow == scan.ApproximationHigh - 1;
        if (!valid || scan.ApproximationLow > 13)
            throw new ImageDataException($"JPEG progressive scan has invalid parameters: spectral selection {scan.SpectralStart}..{scan.SpectralEnd}, successive approximation {scan.ApproximationHigh}/{scan.ApproximationLow}, {scan.Components.Length} components");
    }

    private static DecodedImage Reconstruct(JpegFrame frame, bool ycbcr)
    {
        var planes = new JpegPlane[frame.Components.Length];
        for (int c = 0; c < planes.Length; c++)
        {
            JpegComponent component = frame.Components[c];
            int stride = component.BlocksPerLine * 8;
            var samples = new byte[stride * component.BlockRows * 8];
            if (component.Coefficients is { } coefficients && component.Quantization is { } table)
            {
                for (int row = 0; row < component.BlockRows; row++)
                    for (int column = 0; column < component.BlocksPerLine; column++)
                        JpegIdct.Transform(coefficients.AsSpan((row * component.BlocksPerLine + column) * 64, 64), table,
                            samples.AsSpan(row * 8 * stride + column * 8), stride);
            }
            else
                samples.AsSpan().Fill(128);
            planes[c] = JpegUpsampler.Upsample(frame, component, new JpegPlane(samples, stride));
        }
        int width = frame.Width, height = frame.Height;
        if (planes.Length == 3)
            return new DecodedImage(height, width, 3, JpegColorConverter.Convert(width, height, planes[0], planes[1], planes[2], ycbcr));
        var gray = new byte[width * height];
        for (int row = 0; row < height; row++)
            planes[0].Samples.AsSpan(row * planes[0].Stride, width).CopyTo(gray.AsSpan(row * width));
        return new DecodedImage(height, width, 1, gray);
    }
}
