using System.Numerics;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Signal;

/// <summary>
/// DFT (17, 20): the Fourier transform of every line of the input along one axis, computed in double. The last dim
/// holds one (real) or two (real, imaginary) components. Version 17 takes the axis as an attribute (default 1),
/// version 20 as an optional input (default -2). dft_length zero-pads or truncates each line; onesided forward
/// gives the half spectrum of a real signal (RFFT), onesided inverse the real signal of a half spectrum (IRFFT).
/// </summary>
internal sealed class DftKernel(bool inverse, bool onesided, long? axisAttribute) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.From("DFT", 17, Create)];

    private static DftKernel Create(KernelNode node) => new(
        node.Attributes.Int("inverse", 0) != 0,
        node.Attributes.Int("onesided", 0) != 0,
        node.Version < 20 ? node.Attributes.Int("axis", 1) : null);

    private bool Irfft => inverse && onesided;

    public override void Run(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        long[] dims = input.Dims;
        int rank = dims.Length;
        if (rank < 2 || dims[^1] is not (1 or 2))
            throw context.Fail($"input 'input' must have shape [..., signal, 1 or 2] (rank at least 2, last dim 1 for real or 2 for complex values), found [{string.Join(",", dims)}]");
        bool complexInput = dims[^1] == 2;
        // Operators.md, DFT onesided: the forward one-sided transform (RFFT) takes real input, the inverse (IRFFT) complex input.
        if (onesided && !inverse && complexInput)
            throw context.Fail("a one-sided forward DFT (RFFT) needs real input (last dim 1) in input 'input', found complex values (last dim 2)");
        if (Irfft && !complexInput)
            throw context.Fail("a one-sided inverse DFT (IRFFT) needs complex input (last dim 2) in input 'input', found real values (last dim 1)");
        int axis = Axis(context, rank);
        long length = context.HasInput(1) ? ReductionAxes.ScalarInput(context, 1, "dft_length")
            : Irfft ? 2 * (dims[axis] - 1)
            : dims[axis];
        if (length < 1 || length > FourierTransform.MaxLength)
            throw context.Fail($"the DFT length (input 'dft_length', or by default from dim {axis} of input 'input') must be in [1, {FourierTransform.MaxLength}], found {length}");

        long[] outputDims = [.. dims];
        outputDims[axis] = onesided && !inverse ? length / 2 + 1 : length;
        outputDims[^1] = Irfft ? 1 : 2;
        var lines = new SignalLines(context.ElementCount(dims[..axis]), dims[axis], context.ElementCount(dims[(axis + 1)..^1]));
        double[] x = RealTensors.Read(context, input, "'input'");
        var y = new double[SignalOutputs.Count(context, outputDims)];
        Transform(x, (int)dims[^1], y, (int)outputDims[^1], (int)outputDims[axis], lines, (int)length);
        RealTensors.Write(context, 0, input.DataType, outputDims, y);
    }

    private int Axis(KernelContext context, int rank)
    {
        long axis = axisAttribute ?? (context.HasInput(2) ? ReductionAxes.ScalarInput(context, 2, "axis") : -2);
        // Operators.md, DFT axis: the accepted range is [-r, -2] ∪ [0, r-2]; the last dim holds the components.
        int normalized = ReductionAxes.Normalize(context, axis, rank, axisAttribute is null ? "input 'axis'" : "attribute 'axis'");
        return normalized == rank - 1
            ? throw context.Fail($"axis {axis} selects the last dim of input 'input', which holds the real and imaginary parts; expected [{-rank}, -2] or [0, {rank - 2}]")
            : normalized;
    }

    private void Transform(double[] x, int inputComponents, double[] y, int outputComponents, int outputLength, SignalLines lines, int length)
    {
        var fft = new FourierTransform(length, inverse);
        var line = new Complex[length];
        double scale = inverse ? 1.0 / length : 1.0;
        for (long outer = 0; outer < lines.Outer; outer++)
        {
            for (long inner = 0; inner < lines.Inner; inner++)
            {
                if (Irfft)
                    ReadHalfSpectrum(x, lines, outer, inner, line);
                else
                    ReadLine(x, inputComponents, lines, outer, inner, line);
                fft.Transform(line);
                for (int k = 0; k < outputLength; k++)
                {
                    long at = ((outer * outputLength + k) * lines.Inner + inner) * outputComponents;
                    y[at] = line[k].Real * scale;
                    if (outputComponents == 2)
                        y[at + 1] = line[k].Imaginary * scale;
                }
            }
        }
    }

    /// <summary>The first line.Length values of one line (zero past the end of the axis).</summary>
    private static void ReadLine(double[] x, int components, SignalLines lines, long outer, long inner, Span<Complex> line)
    {
        line.Clear();
        long count = System.Math.Min(line.Length, lines.Length);
        for (int k = 0; k < count; k++)
        {
            long at = ((outer * lines.Length + k) * lines.Inner + inner) * components;
            line[k] = new Complex(x[at], components == 2 ? x[at + 1] : 0);
        }
    }

    /// <summary>
    /// The full spectrum of a real signal from its first half: bins 0..N/2 from the input (zero past its end), the rest
    /// their Hermitian mirror X[N-k] = conj(X[k]). The imaginary parts of bin 0 and of an even N's bin N/2, which a
    /// real signal cannot have, only reach the imaginary part of the result, which IRFFT drops.
    /// </summary>
    private static void ReadHalfSpectrum(double[] x, SignalLines lines, long outer, long inner, Span<Complex> line)
    {
        int n = line.Length;
        ReadLine(x, 2, lines, outer, inner, line[..(n / 2 + 1)]);
        for (int k = n / 2 + 1; k < n; k++)
            line[k] = Complex.Conjugate(line[n - k]);
    }

    /// <summary>A tensor seen as [Outer, Length, Inner] lines along one axis (the component dim apart).</summary>
    private readonly record struct SignalLines(long Outer, long Length, long Inner);
}
