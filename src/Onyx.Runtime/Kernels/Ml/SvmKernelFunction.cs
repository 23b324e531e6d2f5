namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// The kernel of SVMClassifier and SVMRegressor (Operators-ml.md 'kernel_type', 'kernel_params' = [gamma, coef0,
/// degree], all 0 when absent): LINEAR x·y, POLY (gamma x·y + coef0)^degree (degree truncated to an integer), RBF
/// exp(-gamma |x - y|²), SIGMOID tanh(gamma x·y + coef0).
/// </summary>
internal sealed class SvmKernelFunction
{
    private enum KernelType { Linear, Poly, Rbf, Sigmoid }

    private readonly KernelType _type;
    private readonly double _gamma;
    private readonly double _coef0;
    private readonly int _degree;

    private SvmKernelFunction(KernelType type, double gamma, double coef0, int degree)
    {
        _type = type;
        _gamma = gamma;
        _coef0 = coef0;
        _degree = degree;
    }

    /// <summary>The dot product, used where the model has no support vectors.</summary>
    public static SvmKernelFunction Linear { get; } = new(KernelType.Linear, 0, 0, 0);

    public static SvmKernelFunction Parse(KernelNode node)
    {
        KernelType type = node.Choice("kernel_type", "LINEAR",
            ("LINEAR", KernelType.Linear), ("POLY", KernelType.Poly), ("RBF", KernelType.Rbf), ("SIGMOID", KernelType.Sigmoid));
        double[] parameters = ModelAttributes.Floats(node, "kernel_params");
        if (parameters.Length is not (0 or 3))
            throw node.Fail($"attribute 'kernel_params' has {parameters.Length} values; expected [gamma, coef0, degree]");
        if (parameters.Length == 0)
            return new SvmKernelFunction(type, 0, 0, 0);
        double degree = System.Math.Truncate(parameters[2]);
        return degree is >= int.MinValue and <= int.MaxValue
            ? new SvmKernelFunction(type, parameters[0], parameters[1], (int)degree)
            : throw node.Fail($"attribute 'kernel_params' has degree {parameters[2]}; expected an integer");
    }

    public double Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (_type == KernelType.Rbf)
        {
            double distance = 0;
            for (int i = 0; i < x.Length; i++)
                distance += (x[i] - y[i]) * (x[i] - y[i]);
            return System.Math.Exp(-_gamma * distance);
        }
        double dot = 0;
        for (int i = 0; i < x.Length; i++)
            dot += x[i] * y[i];
        return _type switch
        {
            KernelType.Poly => System.Math.Pow(_gamma * dot + _coef0, _degree),
            KernelType.Sigmoid => System.Math.Tanh(_gamma * dot + _coef0),
            _ => dot,
        };
    }
}
