using Onyx.Runtime.Compute;

namespace Onyx.Tests.Runtime.Compute;

/// <summary>
/// Sgemm's other operand forms give bit for bit what the plain product does: packed A and B, B read through a
/// convolution window, and the epilogue applied as C is stored.
/// </summary>
public sealed unsafe class SgemmOperandTests
{
    public static TheoryData<string, int, int, int, int> Shapes()
    {
        var data = new TheoryData<string, int, int, int, int>();
        foreach (string isa in Enum.GetNames<SgemmIsa>())
        {
            foreach ((int m, int n, int k) in new[] { (1, 40, 7), (5, 33, 31), (64, 49, 300), (300, 70, 513), (7, 3100, 20) })
            {
                data.Add(isa, m, n, k, 1);
                data.Add(isa, m, n, k, 3);
            }
        }
        return data;
    }

    private static float[] Random(int seed, int length)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++)
            values[i] = random.NextSingle() * 2 - 1;
        return values;
    }

    private static float[] Plain(SgemmIsa isa, float[] a, float[] b, int m, int n, int k, bool transB = false)
    {
        var c = new float[m * n];
        Sgemm.Multiply(isa, false, transB, m, n, k, 1, a, k, b, transB ? k : n, 0, c, n);
        return c;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Packed_operands_give_the_plain_product_exactly(string isaName, int m, int n, int k, int threads)
    {
        SgemmIsa isa = Enum.Parse<SgemmIsa>(isaName);
        float[] a = Random(1, m * k), b = Random(2, k * n), bt = Random(3, n * k);
        SgemmPackedMatrix packedA = SgemmPackedMatrix.A(isa, a, m, k, k);
        SgemmPackedMatrix packedB = SgemmPackedMatrix.B(isa, b, k, n, n, transB: false), packedBt = SgemmPackedMatrix.B(isa, bt, k, n, k, transB: true);
        var withA = new float[m * n];
        var withB = new float[m * n];
        var withBt = new float[m * n];

        fixed (float* ap = a, bp = b, btp = bt, c1 = withA, c2 = withB, c3 = withBt)
        {
            Sgemm.Multiply(isa, SgemmA.Prepacked(packedA, null, 0), SgemmB.Matrix(bp, n, false), m, n, k, 1, 0, c1, n, default, threads);
            Sgemm.Multiply(isa, SgemmA.Matrix(ap, k, false), SgemmB.Prepacked(packedB, bp, n, false), m, n, k, 1, 0, c2, n, default, threads);
            Sgemm.Multiply(isa, SgemmA.Matrix(ap, k, false), SgemmB.Prepacked(packedBt, btp, k, true), m, n, k, 1, 0, c3, n, default, threads);
        }

        float[] expected = Plain(isa, a, b, m, n, k);
        Assert.Equal(expected, withA);
        Assert.Equal(expected, withB);
        Assert.Equal(Plain(isa, a, bt, m, n, k, transB: true), withBt);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_epilogue_adds_biases_and_residual_then_clamps_as_a_second_pass_would(string isaName, int m, int n, int k, int threads)
    {
        SgemmIsa isa = Enum.Parse<SgemmIsa>(isaName);
        float[] a = Random(4, m * k), b = Random(5, k * n), rowBias = Random(6, m), columnBias = Random(7, n), residual = Random(8, m * n);
        residual[0] = float.NaN;
        var c = new float[m * n];

        fixed (float* ap = a, bp = b, rb = rowBias, cb = columnBias, rp = residual, cp = c)
            Sgemm.Multiply(isa, SgemmA.Matrix(ap, k, false), SgemmB.Matrix(bp, n, false), m, n, k, 1, 0, cp, n,
                new SgemmEpilogue(rb, cb, rp, n, -0.5f, 0.75f), threads);

        float[] expected = Plain(isa, a, b, m, n, k);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float value = expected[i * n + j] + rowBias[i] + columnBias[j] + residual[i * n + j];
                expected[i * n + j] = MathF.Min(MathF.Max(value, -0.5f), 0.75f);
            }
        }
        Assert.True(float.IsNaN(c[0]), "NaN must pass the clamp");
        Assert.Equal(expected, c);
    }

    [Fact]
    public unsafe void A_threaded_single_row_product_split_over_blocks_of_b_applies_the_epilogue_once()
    {
        const int n = 600, k = 700;
        float[] a = Random(13, k), b = Random(14, k * n), rowBias = Random(15, 1), columnBias = Random(16, n), residual = Random(17, n);
        residual[5] = float.NaN;
        var c = new float[n];

        fixed (float* ap = a, bp = b, rb = rowBias, cb = columnBias, rp = residual, cp = c)
            Sgemm.Multiply(Sgemm.Best, SgemmA.Matrix(ap, k, false), SgemmB.Matrix(bp, n, false), 1, n, k, 1, 0, cp, n,
                new SgemmEpilogue(rb, cb, rp, n, -0.5f, 0.75f), threads: 2);

        for (int j = 0; j < n; j++)
        {
            double sum = rowBias[0] + columnBias[j] + residual[j];
            for (int p = 0; p < k; p++)
                sum += (double)a[p] * b[p * n + j];
            if (j == 5)
                Assert.True(float.IsNaN(c[j]), "NaN must pass the clamp");
            else
                Assert.Equal(System.Math.Clamp(sum, -0.5, 0.75), c[j], 4);
        }
    }

    [Theory]
    [InlineData(2, 1, 1, 1, 1, 0)]
    [InlineData(1, 3, 2, 1, 0, 2)]
    [InlineData(2, 2, 2, 2, 1, 1)]
    [InlineData(3, 2, 1, 3, 2, 0)]
    public unsafe void Windows_read_through_phases_equal_the_plain_window(int strideH, int strideW, int dilationH, int dilationW, int padTop, int padLeft)
    {
        const int channels = 3, height = 23, width = 19, kernel = 3, m = 7;
        int outH = (height + 2 * padTop - dilationH * (kernel - 1) - 1) / strideH + 1, outW = (width + 2 * padLeft - dilationW * (kernel - 1) - 1) / strideW + 1;
        var window = new WindowGeometry([height, width], [kernel, kernel], [strideH, strideW], [dilationH, dilationW], [padTop, padLeft], [padTop, padLeft], [outH, outW]);
        WindowPhases phases = WindowPhases.Of(window) ?? throw new InvalidOperationException("a strided window has phases");
        int rows = channels * kernel * kernel, positions = outH * outW;
        float[] x = Random(11, channels * height * width), w = Random(12, m * rows), split = new float[channels * phases.ChannelSize];
        float[] plain = new float[m * positions], phased = new float[m * positions];
        int width16 = Sgemm.PanelWidth(Sgemm.Best);

        fixed (float* xp = x, wp = w, sp = split, pp = plain, qp = phased)
        {
            phases.Split(xp, channels, sp);
            Sgemm.Multiply(Sgemm.Best, SgemmA.Matrix(wp, rows, false), SgemmB.Windowed(new SgemmWindow(window, 0, positions, width16).Columns(xp)),
                m, positions, rows, 1, 0, pp, positions, default, 1);
            Sgemm.Multiply(Sgemm.Best, SgemmA.Matrix(wp, rows, false), SgemmB.Windowed(new SgemmWindow(window, 0, positions, width16, phases).Columns(sp)),
                m, positions, rows, 1, 0, qp, positions, default, 2);
        }

        Assert.Equal(plain, phased);
    }

    [Theory]
    [InlineData("Avx2", 3, 9, 9, 3, 1, 1, 1)]
    [InlineData("Avx2", 4, 56, 56, 3, 1, 1, 2)]
    [InlineData("Vector128", 2, 17, 23, 3, 2, 1, 3)]
    [InlineData("Vector512", 5, 30, 30, 5, 1, 2, 1)]
    [InlineData("Avx2", 6, 14, 14, 1, 2, 0, 2)]
    [InlineData("Vector128", 3, 7, 7, 7, 2, 3, 1)]
    [InlineData("Avx2", 3, 224, 224, 7, 2, 3, 2)]
    [InlineData("Avx2", 5, 57, 56, 3, 2, 1, 1)]
    [InlineData("Avx2", 4, 28, 29, 1, 2, 0, 1)]
    [InlineData("Avx2", 2, 31, 33, 3, 3, 1, 2)]
    public void Columns_read_through_a_window_equal_the_written_out_column_matrix(string isaName, int channels, int height, int width, int kernel, int stride, int pad, int threads)
    {
        SgemmIsa isa = Enum.Parse<SgemmIsa>(isaName);
        int outH = (height + 2 * pad - kernel) / stride + 1, outW = (width + 2 * pad - kernel) / stride + 1, positions = outH * outW;
        var window = new WindowGeometry([height, width], [kernel, kernel], [stride, stride], [1, 1], [pad, pad], [pad, pad], [outH, outW]);
        int rows = channels * kernel * kernel, m = 11;
        float[] x = Random(9, channels * height * width), w = Random(10, m * rows);
        var columns = new float[rows * positions];
        var offsets = new int[kernel * kernel];
        for (int j = 0; j < positions; j++)
        {
            window.Offsets(j, offsets);
            for (int ch = 0; ch < channels; ch++)
            {
                for (int kp = 0; kp < offsets.Length; kp++)
                    columns[(ch * offsets.Length + kp) * positions + j] = offsets[kp] < 0 ? 0 : x[ch * height * width + offsets[kp]];
            }
        }
        var c = new float[m * positions];
        var phasedC = new float[m * positions];
        WindowPhases? phases = WindowPhases.Of(window);
        Assert.Equal(stride > 1 && height > 2 && width > 2, phases is not null);
        var split = new float[channels * (phases?.ChannelSize ?? 0)];

        var plan = new SgemmWindow(window, 0, positions, Sgemm.PanelWidth(isa));
        var phasedPlan = new SgemmWindow(window, 0, positions, Sgemm.PanelWidth(isa), phases);
        fixed (float* wp = w, xp = x, cp = c, sp = split, pp = phasedC)
        {
            Sgemm.Multiply(isa, SgemmA.Matrix(wp, rows, false), SgemmB.Windowed(plan.Columns(xp)), m, positions, rows, 1, 0, cp, positions, default, threads);
            if (phases is not null)
            {
                phases.Split(xp, channels, sp);
                Sgemm.Multiply(isa, SgemmA.Matrix(wp, rows, false), SgemmB.Windowed(phasedPlan.Columns(sp)), m, positions, rows, 1, 0, pp, positions, default, threads);
            }
        }

        float[] expected = Plain(isa, w, columns, m, positions, rows);
        Assert.Equal(expected, c);
        if (phases is not null)
            Assert.Equal(expected, phasedC);
    }
}
