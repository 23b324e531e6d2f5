using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Signal;

/// <summary>
/// MelWeightMatrix (17): the [dft_length / 2 + 1, num_mel_bins] matrix of triangular filters, one per mel band, with
/// peak 1, whose edges are num_mel_bins + 2 points spaced evenly on the mel scale mel(f) = 2595 log10(1 + f / 700)
/// from lower_edge_hertz, each placed on spectrogram bin floor((dft_length + 1) f / sample_rate) (the bin placement
/// of the ONNX reference implementation, which the backend tests pin). Computed in double, written as output_datatype.
/// </summary>
internal sealed class MelWeightMatrixKernel(DataType outputType) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.From("MelWeightMatrix", 17, node => new MelWeightMatrixKernel(SignalOutputs.OutputType(node)))];

    public override void Run(KernelContext context)
    {
        long melBins = ReductionAxes.ScalarInput(context, 0, "num_mel_bins");
        long dftLength = ReductionAxes.ScalarInput(context, 1, "dft_length");
        long sampleRate = ReductionAxes.ScalarInput(context, 2, "sample_rate");
        double lowerEdge = RealScalar(context, 3, "lower_edge_hertz");
        double upperEdge = RealScalar(context, 4, "upper_edge_hertz");
        if (melBins <= 0)
            throw context.Fail($"input 'num_mel_bins' must be positive, found {melBins}");
        if (dftLength <= 0)
            throw context.Fail($"input 'dft_length' must be positive, found {dftLength}");
        if (sampleRate <= 0)
            throw context.Fail($"input 'sample_rate' must be positive, found {sampleRate}");
        if (!(lowerEdge < upperEdge) || lowerEdge <= -700)
            throw context.Fail($"input 'lower_edge_hertz' ({lowerEdge}) must be above -700 and below input 'upper_edge_hertz' ({upperEdge})");

        long spectrumBins = dftLength / 2 + 1;
        long[] dims = [spectrumBins, melBins];
        var weights = new double[SignalOutputs.Count(context, dims)];
        long[] edges = BandEdges(melBins, dftLength, sampleRate, lowerEdge, upperEdge);
        for (long band = 0; band < melBins; band++)
        {
            long left = edges[band], center = edges[band + 1], right = edges[band + 2];
            // The triangle rises over [left, center], peaks at 1 on center (also when left = center or center = right)
            // and falls over [center, right). Bins past either end of the spectrum (edges beyond the Nyquist frequency
            // or below 0 Hz) are cut off.
            long first = System.Math.Max(left, 0), last = System.Math.Min(System.Math.Max(right, center + 1), spectrumBins);
            for (long bin = first; bin < last; bin++)
            {
                weights[bin * melBins + band] = bin < center ? (double)(bin - left) / (center - left)
                    : bin == center ? 1
                    : (double)(right - bin) / (right - center);
            }
        }
        SignalOutputs.Write(context, outputType, dims, weights);
    }

    /// <summary>The spectrogram bins of the num_mel_bins + 2 band edges.</summary>
    private static long[] BandEdges(long melBins, long dftLength, long sampleRate, double lowerEdge, double upperEdge)
    {
        double lowMel = Mel(lowerEdge), highMel = Mel(upperEdge);
        var edges = new long[melBins + 2];
        double melStep = (highMel - lowMel) / edges.Length;
        for (int i = 0; i < edges.Length; i++)
        {
            double hertz = 700 * (System.Math.Pow(10, (lowMel + i * melStep) / 2595) - 1);
            edges[i] = (long)FloorDivide((dftLength + 1) * hertz, sampleRate);
        }
        return edges;
    }

    private static double Mel(double hertz) => 2595 * System.Math.Log10(1 + hertz / 700);

    /// <summary>
    /// floor(a / b) as Python's float // computes it: from the exact remainder, so a quotient that the division rounds
    /// up to an integer still floors below it.
    /// </summary>
    private static double FloorDivide(double a, double b)
    {
        double remainder = a % b;
        double quotient = (a - remainder) / b;
        if (remainder != 0 && (b < 0) != (remainder < 0))
            quotient -= 1;
        double floor = System.Math.Floor(quotient);
        return quotient - floor > 0.5 ? floor + 1 : floor;
    }

    private static double RealScalar(KernelContext context, int index, string name)
    {
        Tensor tensor = context.Tensor(index);
        return tensor.ElementCount == 1
            ? RealTensors.Read(context, tensor, $"'{name}'")[0]
            : throw context.Fail($"input '{name}' must hold one value, found shape [{string.Join(",", tensor.Dims)}]");
    }
}
