namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>
/// The 8x8 inverse DCT (T.81 A.3.3) in the integer form libjpeg calls JDCT_ISLOW, which Pillow uses: the
/// Loeffler-Ligtenberg-Moschytz factorization with constants scaled by 2^13, columns first keeping two extra
/// fraction bits, then rows, each pass rounding half up; the level shift adds 128, and out-of-range values are
/// first wrapped to [-512, 511] and then clamped to [0, 255] as libjpeg's range-limit table does. Like libjpeg's C
/// code on 64-bit platforms, products are 64-bit, the quantization values 16-bit and the pass-1 results 32-bit, so
/// even corrupt data with huge coefficients decodes as djpeg does without SIMD.
/// </summary>
internal static class JpegIdct
{
    private const int ConstBits = 13, Pass1Bits = 2;

    // round(c * 2^13) for the factorization's constants.
    private const int C0_298631336 = 2446, C0_390180644 = 3196, C0_541196100 = 4433, C0_765366865 = 6270;
    private const int C0_899976223 = 7373, C1_175875602 = 9633, C1_501321110 = 12299, C1_847759065 = 15137;
    private const int C1_961570560 = 16069, C2_053119869 = 16819, C2_562915447 = 20995, C3_072711026 = 25172;

    /// <summary>Dequantizes and transforms one block (natural order) into 8 rows of 8 samples.</summary>
    public static void Transform(ReadOnlySpan<short> coefficients, ReadOnlySpan<int> quantization, Span<byte> output, int stride)
    {
        Span<int> workspace = stackalloc int[64];
        Span<long> line = stackalloc long[8];
        for (int column = 0; column < 8; column++)
        {
            bool acZero = true;
            for (int row = 0; row < 8; row++)
            {
                line[row] = coefficients[row * 8 + column] * (short)quantization[row * 8 + column];
                acZero &= row == 0 || line[row] == 0;
            }
            // Without AC terms every output is the DC term, which the full transform gives exactly too.
            if (acZero)
            {
                for (int row = 0; row < 8; row++)
                    workspace[row * 8 + column] = (int)(line[0] << Pass1Bits);
                continue;
            }
            Transform1D(line);
            for (int row = 0; row < 8; row++)
                workspace[row * 8 + column] = (int)Descale(line[row], ConstBits - Pass1Bits);
        }
        for (int row = 0; row < 8; row++)
        {
            Span<byte> samples = output.Slice(row * stride, 8);
            ReadOnlySpan<int> terms = workspace.Slice(row * 8, 8);
            if (terms[1..].IndexOfAnyExcept(0) < 0)
            {
                samples.Fill(RangeLimit((int)Descale(terms[0], Pass1Bits + 3)));
                continue;
            }
            for (int column = 0; column < 8; column++)
                line[column] = terms[column];
            Transform1D(line);
            for (int column = 0; column < 8; column++)
                samples[column] = RangeLimit((int)Descale(line[column], ConstBits + Pass1Bits + 3));
        }
    }

    private static long Descale(long value, int bits) => (value + (1L << (bits - 1))) >> bits;

    private static byte RangeLimit(int value)
    {
        int wrapped = ((value + 512) & 1023) - 512 + 128;
        return (byte)(wrapped < 0 ? 0 : wrapped > 255 ? 255 : wrapped);
    }

    /// <summary>The 1-D transform of 8 values in place, results scaled by 2^13.</summary>
    private static void Transform1D(Span<long> v)
    {
        long z1 = (v[2] + v[6]) * C0_541196100;
        long even2 = z1 - v[6] * C1_847759065;
        long even3 = z1 + v[2] * C0_765366865;
        long even0 = (v[0] + v[4]) << ConstBits;
        long even1 = (v[0] - v[4]) << ConstBits;
        long sum0 = even0 + even3, sum3 = even0 - even3, sum1 = even1 + even2, sum2 = even1 - even2;

        long odd0 = v[7], odd1 = v[5], odd2 = v[3], odd3 = v[1];
        long cross = (odd0 + odd2 + odd1 + odd3) * C1_175875602;
        long a = (odd0 + odd3) * -C0_899976223;
        long b = (odd1 + odd2) * -C2_562915447;
        long c = (odd0 + odd2) * -C1_961570560 + cross;
        long d = (odd1 + odd3) * -C0_390180644 + cross;
        odd0 = odd0 * C0_298631336 + a + c;
        odd1 = odd1 * C2_053119869 + b + d;
        odd2 = odd2 * C3_072711026 + b + c;
        odd3 = odd3 * C1_501321110 + a + d;

        v[0] = sum0 + odd3;
        v[7] = sum0 - odd3;
        v[1] = sum1 + odd2;
        v[6] = sum1 - odd2;
        v[2] = sum2 + odd1;
        v[5] = sum2 - odd1;
        v[3] = sum3 + odd0;
        v[4] = sum3 - odd0;
    }
}
