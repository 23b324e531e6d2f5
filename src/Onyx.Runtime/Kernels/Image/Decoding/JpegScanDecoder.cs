namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// One scan's header (T.81 B.2.3): its components in order, the spectral selection and successive approximation.
/// </summary>
internal sealed record JpegScan(JpegComponent[] Components, int SpectralStart, int SpectralEnd, int ApproximationHigh, int ApproximationLow);

/// <summary>
/// Decodes the Huffman-coded data of one scan into the components' coefficient blocks: sequential (T.81 F.2.2) or
/// one of the four progressive scan kinds (G.1.2: DC first and refinement, AC first and refinement with end-of-band
/// runs). Restart intervals reset the predictions and end-of-band run (F.2.1.3.1). As in libjpeg, once a scan's
/// data stops at a marker the MCU under way is completed from zero bits and the rest of the interval is left as it
/// is, and a run of zeros past the end of the band lands on the last coefficient.
/// </summary>
internal static class JpegScanDecoder
{
    /// <summary>Zig-zag position to natural (row-major) position (Figure A.6), padded with 63 for runs past the end.</summary>
    private static readonly byte[] Natural = BuildNaturalOrder();

    public static ReadOnlySpan<byte> NaturalOrder => Natural.AsSpan(0, 64);

    private enum Kind { Sequential, DcFirst, DcRefine, AcFirst, AcRefine }

    /// <summary>Decodes the scan whose data starts at <paramref name="start"/>; returns where marker parsing resumes.</summary>
    public static int Decode(ReadOnlySpan<byte> data, int start, JpegFrame frame, JpegScan scan, int restartInterval)
    {
        Kind kind = !frame.Progressive ? Kind.Sequential
            : scan.SpectralStart == 0 ? (scan.ApproximationHigh == 0 ? Kind.DcFirst : Kind.DcRefine)
            : scan.ApproximationHigh == 0 ? Kind.AcFirst : Kind.AcRefine;
        JpegComponent[] components = scan.Components;
        bool interleaved = components.Length > 1;
        int mcusPerLine = interleaved ? frame.McusPerLine : JpegFrame.CeilingDivide(components[0].SampleWidth, 8);
        int mcuRows = interleaved ? frame.McuRows : JpegFrame.CeilingDivide(components[0].SampleHeight, 8);
        var reader = new JpegBitReader(data, start);
        int endOfBandRun = 0, restartsLeft = restartInterval, nextRestart = 0;
        foreach (JpegComponent component in components)
            component.DcPredictor = 0;
        for (int mcuRow = 0; mcuRow < mcuRows; mcuRow++)
            for (int mcuColumn = 0; mcuColumn < mcusPerLine; mcuColumn++)
            {
                if (restartInterval != 0)
                {
                    if (restartsLeft == 0)
                    {
                        reader.Restart(nextRestart);
                        nextRestart = (nextRestart + 1) & 7;
                        restartsLeft = restartInterval;
                        endOfBandRun = 0;
                        foreach (JpegComponent component in components)
                            component.DcPredictor = 0;
                    }
                    restartsLeft--;
                }
                if (reader.ReadPastMarker)
                    continue;
                if (!interleaved)
                {
                    DecodeBlock(ref reader, kind, scan, components[0], components[0].Block(mcuRow, mcuColumn), ref endOfBandRun);
                    continue;
                }
                foreach (JpegComponent component in components)
                    for (int v = 0; v < component.Vertical; v++)
                        for (int h = 0; h < component.Horizontal; h++)
                            DecodeBlock(ref reader, kind, scan, component,
                                component.Block(mcuRow * component.Vertical + v, mcuColumn * component.Horizontal + h), ref endOfBandRun);
            }
        return reader.Position;
    }

    private static void DecodeBlock(ref JpegBitReader reader, Kind kind, JpegScan scan, JpegComponent component, Span<short> block, ref int endOfBandRun)
    {
        switch (kind)
        {
            case Kind.Sequential:
                DecodeSequential(ref reader, component, block);
                break;
            case Kind.DcFirst:
                component.DcPredictor += DecodeDifference(ref reader, component.DcTable!);
                block[0] = (short)(component.DcPredictor << scan.ApproximationLow);
                break;
            case Kind.DcRefine:
                if (reader.ReadBits(1) != 0)
                    block[0] |= (short)(1 << scan.ApproximationLow);
                break;
            case Kind.AcFirst:
                DecodeAcFirst(ref reader, component.AcTable!, scan, block, ref endOfBandRun);
                break;
            default:
                DecodeAcRefine(ref reader, component.AcTable!, scan, block, ref endOfBandRun);
                break;
        }
    }

    private static void DecodeSequential(ref JpegBitReader reader, JpegComponent component, Span<short> block)
    {
        component.DcPredictor += DecodeDifference(ref reader, component.DcTable!);
        block[0] = (short)component.DcPredictor;
        JpegHuffmanTable ac = component.AcTable!;
        for (int k = 1; k < 64; k++)
        {
            int symbol = ac.Decode(ref reader);
            int run = symbol >> 4, size = symbol & 15;
            if (size != 0)
            {
                k += run;
                block[Natural[k]] = (short)Extend(reader.ReadBits(size), size);
            }
            else if (run == 15)
                k += 15;
            else
                break;
        }
    }

    private static int DecodeDifference(ref JpegBitReader reader, JpegHuffmanTable table)
    {
        int size = table.Decode(ref reader);
        return size == 0 ? 0 : Extend(reader.ReadBits(size), size);
    }

    /// <summary>The signed value of a <paramref name="size"/>-bit magnitude category code (F.2.2.1, Table F.1).</summary>
    private static int Extend(int bits, int size) => bits < 1 << (size - 1) ? bits - (1 << size) + 1 : bits;

    private static void DecodeAcFirst(ref JpegBitReader reader, JpegHuffmanTable table, JpegScan scan, Span<short> block, ref int endOfBandRun)
    {
        if (endOfBandRun > 0)
        {
            endOfBandRun--;
            return;
        }
        for (int k = scan.SpectralStart; k <= scan.SpectralEnd; k++)
        {
            int symbol = table.Decode(ref reader);
            int run = symbol >> 4, size = symbol & 15;
            if (size != 0)
            {
                k += run;
                block[Natural[k]] = (short)(Extend(reader.ReadBits(size), size) << scan.ApproximationLow);
            }
            else if (run == 15)
                k += 15;
            else
            {
                // EOBn: this block ends here and a run of 2^n + (n extra bits) - 1 further blocks are empty (G.1.2.2).
                endOfBandRun = (1 << run) + reader.ReadBits(run) - 1;
                break;
            }
        }
    }

    /// <summary>
    /// AC successive-approximation refinement (G.1.2.3): each new coefficient of magnitude 1 comes after a run of
    /// still-zero coefficients, and every coefficient already nonzero that the run or the band passes over takes
    /// one correction bit, which adds 2^Al away from zero when set.
    /// </summary>
    private static void DecodeAcRefine(ref JpegBitReader reader, JpegHuffmanTable table, JpegScan scan, Span<short> block, ref int endOfBandRun)
    {
        int end = scan.SpectralEnd, plus = 1 << scan.ApproximationLow, minus = -1 << scan.ApproximationLow;
        int k = scan.SpectralStart;
        if (endOfBandRun == 0)
            for (; k <= end; k++)
            {
                int symbol = table.Decode(ref reader);
                int zeros = symbol >> 4, value = 0;
                if ((symbol & 15) != 0)
                    value = reader.ReadBits(1) != 0 ? plus : minus;
                else if (zeros != 15)
                {
                    endOfBandRun = (1 << zeros) + reader.ReadBits(zeros);
                    break;
                }
                for (; k <= end; k++)
                {
                    ref short coefficient = ref block[Natural[k]];
                    if (coefficient != 0)
                        Refine(ref reader, ref coefficient, plus, minus);
                    else if (--zeros < 0)
                        break;
                }
                if (value != 0)
                    block[Natural[k]] = (short)value;
            }
        if (endOfBandRun > 0)
        {
            for (; k <= end; k++)
            {
                ref short coefficient = ref block[Natural[k]];
                if (coefficient != 0)
                    Refine(ref reader, ref coefficient, plus, minus);
            }
            endOfBandRun--;
        }
    }

    private static void Refine(ref JpegBitReader reader, ref short coefficient, int plus, int minus)
    {
        if (reader.ReadBits(1) != 0 && (coefficient & plus) == 0)
            coefficient += (short)(coefficient >= 0 ? plus : minus);
    }

    private static byte[] BuildNaturalOrder()
    {
        var order = new byte[64 + 16];
        int index = 0;
        for (int diagonal = 0; diagonal < 15; diagonal++)
        {
            int low = System.Math.Max(0, diagonal - 7), high = System.Math.Min(diagonal, 7);
            for (int i = low; i <= high; i++)
            {
                // Odd diagonals run down to the left, even ones up to the right.
                int row = diagonal % 2 == 1 ? i : diagonal - i;
                order[index++] = (byte)(row * 8 + diagonal - row);
            }
        }
        order.AsSpan(64).Fill(63);
        return order;
    }
}
