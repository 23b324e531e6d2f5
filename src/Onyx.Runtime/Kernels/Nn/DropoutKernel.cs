using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// Dropout in inference: the output is the input and the mask is all true. Training mode (the training_mode input
/// from version 12) drops nothing when the ratio is 0; a random drop is not supported, since the spec leaves the
/// random stream to the implementation and no result could be checked against another runtime.
/// </summary>
internal sealed class DropoutKernel : Kernel
{
    private readonly bool _maskOfInputType;
    private readonly bool _trainingAttribute;
    private readonly double _ratioAttribute;

    private DropoutKernel(KernelNode node)
    {
        // Versions 7 to 9 give the mask the input's type; version 10 on, bool.
        _maskOfInputType = node.Version < 10;
        // Versions before 7 are in training unless is_test is set.
        _trainingAttribute = node.Version < 7 && node.Attributes.Int("is_test", 0) == 0;
        _ratioAttribute = node.Attributes.Float("ratio", 0.5f);
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Dropout", node => new DropoutKernel(node))];

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        bool training = _trainingAttribute || (context.OptionalTensor(2) is { } mode && Scalar<bool>(context, mode, "training_mode"));
        double ratio = context.OptionalTensor(1) is { } r ? Ratio(context, r) : _ratioAttribute;
        if (training && ratio != 0)
            throw context.Fail($"Dropout in training mode with ratio {ratio} is not supported: its random drops have no defined stream");
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
