using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>
/// A strided 2-D window read from its input split into phases: input row r, column c goes to phase plane
/// (r mod sh, c mod sw) at (r / sh, c / sw), each plane ⌈H/sh⌉×⌈W/sw⌉. A kernel position then reads one phase plane
/// at stride 1, so consecutive output positions read consecutive elements (as <see cref="SgemmWindow"/> copies them by
/// vectors) where the strided input would be gathered. Only the phases some kernel position reads are written.
/// </summary>
internal sealed unsafe class WindowPhases
{
    private readonly WindowGeometry _window;
    private readonly int _height, _width, _strideHeight, _strideWidth, _planeHeight, _planeWidth;
    private readonly bool[] _used;

    private WindowPhases(WindowGeometry window)
    {
        _window = window;
        (_height, _width) = ((int)window.Input[0], (int)window.Input[1]);
        (_strideHeight, _strideWidth) = ((int)window.Strides[0], (int)window.Strides[1]);
        _planeHeight = (_height + _strideHeight - 1) / _strideHeight;
        _planeWidth = (_width + _strideWidth - 1) / _strideWidth;
        _used = new bool[_strideHeight * _strideWidth];
        for (long kh = 0; kh < window.Kernel[0]; kh++)
        {
            for (long kw = 0; kw < window.Kernel[1]; kw++)
                _used[Phase(kh * window.Dilations[0] - window.PadBegin[0], _strideHeight) * _strideWidth + Phase(kw * window.Dilations[1] - window.PadBegin[1], _strideWidth)] = true;
        }
    }

    /// <summary>
    /// The phases of a 2-D window with a stride above 1 (at most 16), else null; null too where the split would
    /// take more than twice the input's floats (planes of a few elements, whose phase planes are mostly rounding).
    /// </summary>
    public static WindowPhases? Of(WindowGeometry window)
    {
        if (window.Rank != 2 || (window.Strides[0] == 1 && window.Strides[1] == 1) || window.Strides[0] > 16 || window.Strides[1] > 16)
            return null;
        var phases = new WindowPhases(window);
        return phases.ChannelSize <= 2L * window.InputSize ? phases : null;
    }

    /// <summary>Floats per channel of the split input: every phase plane, used or not.</summary>
    public int ChannelSize => _strideHeight * _strideWidth * _planeHeight * _planeWidth;

    private static int Phase(long coordinate, int stride) => (int)(((coordinate % stride) + stride) % stride);

    /// <summary>As <see cref="WindowGeometry.Offsets"/>, but offsets within one channel of the split input.</summary>
    public void Offsets(int position, Span<int> offsets)
    {
        WindowGeometry w = _window;
        long top = position / w.Output[1] * _strideHeight - w.PadBegin[0], left = position % w.Output[1] * _strideWidth - w.PadBegin[1];
        int planeSize = _planeHeight * _planeWidth, kp = 0;
        for (long kh = 0; kh < w.Kernel[0]; kh++)
        {
            long r = top + kh * w.Dilations[0];
            for (long kw = 0; kw < w.Kernel[1]; kw++, kp++)
            {
                long c = left + kw * w.Dilations[1];
                offsets[kp] = r < 0 || r >= _height || c < 0 || c >= _width ? -1
                    : (int)(((r % _strideHeight) * _strideWidth + c % _strideWidth) * planeSize + r / _strideHeight * _planeWidth + c / _strideWidth);
            }
        }
    }

    /// <summary>Splits <paramref name="channels"/> channels of <paramref name="x"/> into <paramref name="destination"/> (<see cref="ChannelSize"/> floats each).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Split(float* x, int channels, float* destination)
    {
        int planeSize = _planeHeight * _planeWidth;
        for (int channel = 0; channel < channels; channel++)
        {
            float* plane = x + (long)channel * _height * _width, split = destination + (long)channel * ChannelSize;
            for (int r = 0; r < _height; r++)
            {
                int rowPhase = r % _strideHeight;
                float* row = plane + (long)r * _width, target = split + rowPhase * _strideWidth * planeSize + r / _strideHeight * _planeWidth;
                if (_strideWidth == 2 && _used[rowPhase * 2] && _used[rowPhase * 2 + 1])
                {
                    Deinterleave(row, target, target + planeSize, _width);
                    continue;
                }
                for (int columnPhase = 0; columnPhase < _strideWidth; columnPhase++)
                {
                    if (!_used[rowPhase * _strideWidth + columnPhase])
                        continue;
                    float* to = target + columnPhase * planeSize;
                    for (int c = columnPhase, j = 0; c < _width; c += _strideWidth, j++)
                        to[j] = row[c];
                }
            }
        }
    }

    /// <summary>The even elements of a row to <paramref name="evens"/>, the odd ones to <paramref name="odds"/>.</summary>
    private static void Deinterleave(float* row, float* evens, float* odds, int width)
    {
        int c = 0;
        if (Avx2.IsSupported)
        {
            for (; c + 2 * Vector256<float>.Count <= width; c += 2 * Vector256<float>.Count)
            {
                EvenOddLanes.InOrder(EvenOddLanes.Evens(row + c)).Store(evens + c / 2);
                EvenOddLanes.InOrder(EvenOddLanes.Odds(row + c)).Store(odds + c / 2);
            }
        }
        if (Sse.IsSupported && c + 2 * Vector128<float>.Count <= width)
        {
            Vector128<float> low = Vector128.Load(row + c), high = Vector128.Load(row + c + Vector128<float>.Count);
            Sse.Shuffle(low, high, 0b10_00_10_00).Store(evens + c / 2);
            Sse.Shuffle(low, high, 0b11_01_11_01).Store(odds + c / 2);
            c += 2 * Vector128<float>.Count;
        }
        for (int e = c; e < width; e += 2)
            evens[e / 2] = row[e];
        for (int o = c + 1; o < width; o += 2)
            odds[o / 2] = row[o];
    }
}
