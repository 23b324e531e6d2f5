using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// Dropout. In inference the output is the input and the mask is all true. In training mode (the training_mode input
/// from version 12) each element is kept when a uniform draw in [0, 1) is at least the ratio, and kept elements are
/// scaled by 1 / (1 - ratio). The draws come from MT19937 seeded with the 'seed' attribute, the stream numpy's
/// legacy seeded generator gives, so seeded results match the reference; without a seed each run draws a new one.
/// </summary>
internal sealed class DropoutKernel : Kernel
{
    private readonly bool _maskOfInputType;
    private readonly bool _trainingAttribute;
    private readonly double _ratioAttribute;
    private readonly long? _seed;

    private DropoutKernel(KernelNode node)
    {
        // Versions 7 to 9 give the mask the input's type; version 10 on, bool.
        _maskOfInputType = node.Version < 10;
        // Versions before 7 are in training unless is_test is set.
        _trainingAttribute = node.Version < 7 && node.Attributes.Int("is_test", 0) == 0;
        _ratioAttribute = node.Attributes.Float("ratio", 0.5f);
        _seed = node.Attributes.Int("seed");
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Dropout", node => new DropoutKernel(node))];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        bool training = _trainingAttribute || (context.OptionalTensor(2) is { } mode && Scalar<bool>(context, mode, "training_mode"));
        double ratio = context.OptionalTensor(1) is { } r ? Ratio(context, r) : _ratioAttribute;
        if (training && ratio != 0)
        {
            Drop(context, x, ratio);
            return;
        }
        context.SetOutput(0, OnnxValue.FromTensor(x));
        if (!context.HasOutput(1))
            return;
        if (_maskOfInputType && x.DataType != DataType.Bool)
        {
            double[] ones = new double[context.ElementCount(x.Dims)];
            Array.Fill(ones, 1);
            RealTensors.Write(context, 1, x.DataType, x.Dims, ones);
        }
        else
        {
            context.Output<bool>(1, DataType.Bool, x.Dims).Fill(true);
        }
    }

    private void Drop(KernelContext context, Tensor x, double ratio)
    {
        var random = new MersenneTwister(_seed is { } seed ? unchecked((uint)seed) : (uint)Random.Shared.Next());
        double[] values = RealTensors.Read(context, x, "data");
        var keep = new bool[values.Length];
        double scale = 1 / (1 - ratio);
        for (int i = 0; i < values.Length; i++)
        {
            keep[i] = random.NextDouble() >= ratio;
            values[i] = keep[i] ? values[i] * scale : 0;
        }
        RealTensors.Write(context, 0, x.DataType, x.Dims, values);
        if (context.HasOutput(1))
            keep.CopyTo(context.Output<bool>(1, DataType.Bool, x.Dims));
    }

    private static T Scalar<T>(KernelContext context, Tensor t, string name) where T : unmanaged =>
        context.ElementCount(t.Dims) == 1 ? t.AsSpan<T>()[0] : throw context.Fail($"input {name} has shape [{string.Join(",", t.Dims)}]; expected a scalar");

    private static double Ratio(KernelContext context, Tensor t)
    {
        if (context.ElementCount(t.Dims) != 1)
            throw context.Fail($"input ratio has shape [{string.Join(",", t.Dims)}]; expected a scalar");
        double ratio = RealTensors.Read(context, t, "ratio")[0];
        return ratio is >= 0 and < 1 ? ratio : throw context.Fail($"input ratio is {ratio}; expected a value in [0, 1)");
    }
}
