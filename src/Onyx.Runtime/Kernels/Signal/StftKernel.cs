using System.Numerics;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Signal;

/// <summary>
/// STFT (17): the DFT of frames of frame_length samples taken every frame_step samples of each signal of
/// [batch, signal_length, 1 or 2], each frame multiplied by the window (all ones when absent), computed in double.
/// Output [batch, frames, bins, 2] with frames = (signal_length - frame_length) / frame_step + 1 and bins
/// frame_length / 2 + 1 when onesided, frame_length otherwise.
/// </summary>
internal sealed class StftKernel(bool onesided) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.From("STFT", 17, node => new StftKernel(node.Attributes.Int("onesided", 1) != 0))];

    public override void Run(KernelContext context)
    {
        Tensor signal = context.Tensor(0);
        long[] dims = signal.Dims;
        if (dims.Length != 3 || dims[2] is not (1 or 2))
            throw context.Fail($"input 'signal' must have shape [batch, signal_length, 1 or 2], found [{string.Join(",", dims)}]");
        int components = (int)dims[2];
        // Operators.md, STFT onesided: a one-sided output is not possible for complex input.
        if (onesided && components == 2)
            throw context.Fail("attribute 'onesided' is 1 but input 'signal' is complex (last dim 2); a one-sided STFT needs a real signal");
        long step = ReductionAxes.ScalarInput(context, 1, "frame_step");
        if (step <= 0)
            throw context.Fail($"input 'frame_step' must be positive, found {step}");
        Tensor? windowTensor = context.OptionalTensor(2);
        if (windowTensor is not null && windowTensor.Dims.Length != 1)
            throw context.Fail($"input 'window' must have rank 1, found shape [{string.Join(",", windowTensor.Dims)}]");
        long frameLength = context.HasInput(3) ? ReductionAxes.ScalarInput(context, 3, "frame_length")
            : windowTensor?.Dims[0] ?? dims[1];
        if (windowTensor is not null && windowTensor.Dims[0] != frameLength)
            throw context.Fail($"input 'window' has {windowTensor.Dims[0]} elements but the frame length (input 'frame_length') is {frameLength}");
        if (frameLength < 1 || frameLength > dims[1] || frameLength > FourierTransform.MaxLength)
            throw context.Fail($"the frame length (input 'frame_length', else the window's or the signal's length) must be in [1, {System.Math.Min(dims[1], FourierTransform.MaxLength)}] (at most the signal length of input 'signal'), found {frameLength}");

        long frames = (dims[1] - frameLength) / step + 1;
        long bins = onesided ? frameLength / 2 + 1 : frameLength;
        long[] outputDims = [dims[0], frames, bins, 2];
        double[] x = RealTensors.Read(context, signal, "'signal'");
        double[]? window = windowTensor is null ? null : RealTensors.Read(context, windowTensor, "'window'");
        var y = new double[SignalOutputs.Count(context, outputDims)];

        var fft = new FourierTransform((int)frameLength, inverse: false);
        var frame = new Complex[frameLength];
        for (long batch = 0; batch < dims[0]; batch++)
        {
            for (long f = 0; f < frames; f++)
            {
                long start = batch * dims[1] + f * step;
                for (int k = 0; k < frame.Length; k++)
                {
                    long at = (start + k) * components;
                    double weight = window?[k] ?? 1;
                    frame[k] = new Complex(x[at] * weight, components == 2 ? x[at + 1] * weight : 0);
                }
                fft.Transform(frame);
                long target = (batch * frames + f) * bins * 2;
                for (int k = 0; k < bins; k++)
                {
                    y[target + 2 * k] = frame[k].Real;
                    y[target + 2 * k + 1] = frame[k].Imaginary;
                }
            }
        }
        RealTensors.Write(context, 0, signal.DataType, outputDims, y);
    }
}
