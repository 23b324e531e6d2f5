namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// A JPEG frame (T.81 B.2.2): the image size, whether it is progressive, and its components with their sampling
/// factors; derives the MCU grid of interleaved scans (A.2.4).
/// </summary>
internal sealed class JpegFrame
{
    public JpegFrame(int width, int height, bool progressive, JpegComponent[] components)
    {
        Width = width;
        Height = height;
        Progressive = progressive;
        Components = components;
        foreach (JpegComponent component in components)
        {
            MaxHorizontal = System.Math.Max(MaxHorizontal, component.Horizontal);
            MaxVertical = System.Math.Max(MaxVertical, component.Vertical);
        }
        McusPerLine = CeilingDivide(width, 8 * MaxHorizontal);
        McuRows = CeilingDivide(height, 8 * MaxVertical);
        foreach (JpegComponent component in components)
        {
            component.SampleWidth = CeilingDivide(width * component.Horizontal, MaxHorizontal);
            component.SampleHeight = CeilingDivide(height * component.Vertical, MaxVertical);
            component.BlocksPerLine = McusPerLine * component.Horizontal;
            component.BlockRows = McuRows * component.Vertical;
        }
    }

    public int Width { get; }
    public int Height { get; }
    public bool Progressive { get; }
    public JpegComponent[] Components { get; }
    public int MaxHorizontal { get; }
    public int MaxVertical { get; }
    public int McusPerLine { get; }
    public int McuRows { get; }

    public static int CeilingDivide(int value, int divisor) => (int)(((long)value + divisor - 1) / divisor);
}

/// <summary>
/// One image component of a frame: its identifier, sampling factors and quantization table selector from the frame
/// header, and the decoding state the scans build up (the quantized coefficients of every block, in natural order,
/// laid out block row by block row over the MCU-padded grid).
/// </summary>
internal sealed class JpegComponent(int id, int horizontal, int vertical, int quantizationTable)
{
    public int Id { get; } = id;
    public int Horizontal { get; } = horizontal;
    public int Vertical { get; } = vertical;
    public int QuantizationTable { get; } = quantizationTable;

    /// <summary>The component's own size in samples: the image size scaled by its sampling factors, rounded up (A.1.1).</summary>
    public int SampleWidth { get; set; }
    public int SampleHeight { get; set; }
    public int BlocksPerLine { get; set; }
    public int BlockRows { get; set; }

    /// <summary>64 coefficients per block; null until a scan first includes the component.</summary>
    public short[]? Coefficients { get; set; }

    /// <summary>The quantization table in natural order, fixed when a scan first includes the component.</summary>
    public int[]? Quantization { get; set; }

    public int DcPredictor { get; set; }
    public JpegHuffmanTable? DcTable { get; set; }
    public JpegHuffmanTable? AcTable { get; set; }

    public Span<short> Block(int row, int column) => Coefficients.AsSpan((row * BlocksPerLine + column) * 64, 64);
}
