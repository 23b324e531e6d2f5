namespace Onyx.Runtime.Kernels.Rnn;

/// <summary>The activation functions the recurrent operators accept in their 'activations' attribute (Operators.md, RNN).</summary>
internal enum RecurrentFunction
{
    Relu,
    Tanh,
    Sigmoid,
    Affine,
    LeakyRelu,
    ThresholdedRelu,
    ScaledTanh,
    HardSigmoid,
    Elu,
    Softsign,
    Softplus,
}

/// <summary>One activation function of a recurrent operator with its alpha and beta.</summary>
internal sealed record RecurrentActivation(RecurrentFunction Function, double Alpha, double Beta)
{
    public static RecurrentActivation Sigmoid { get; } = new(RecurrentFunction.Sigmoid, 0, 0);

    public static RecurrentActivation Tanh { get; } = new(RecurrentFunction.Tanh, 0, 0);

    public double Apply(double x) => Function switch
    {
        RecurrentFunction.Relu => System.Math.Max(x, 0),
        RecurrentFunction.Tanh => System.Math.Tanh(x),
        RecurrentFunction.Sigmoid => x >= 0 ? 1 / (1 + System.Math.Exp(-x)) : System.Math.Exp(x) / (1 + System.Math.Exp(x)),
        RecurrentFunction.Affine => Alpha * x + Beta,
        RecurrentFunction.LeakyRelu => x >= 0 ? x : Alpha * x,
        RecurrentFunction.ThresholdedRelu => x >= Alpha ? x : 0,
        RecurrentFunction.ScaledTanh => Alpha * System.Math.Tanh(Beta * x),
        RecurrentFunction.HardSigmoid => System.Math.Clamp(Alpha * x + Beta, 0, 1),
        RecurrentFunction.Elu => x >= 0 ? x : Alpha * (System.Math.Exp(x) - 1),
        RecurrentFunction.Softsign => x / (1 + System.Math.Abs(x)),
        // log(1 + e^x) written so that e^x cannot overflow.
        _ => x > 0 ? x + double.LogP1(System.Math.Exp(-x)) : double.LogP1(System.Math.Exp(x)),
    };

    /// <summary>
    /// The functions <paramref name="names"/> name, in order. The spec says alpha and beta values "are consumed in
    /// the order of activation functions": each function that takes an alpha (beta) takes the next unused value, and
    /// when the list has run out gets the default of the ONNX operator of its name (LeakyRelu 0.01, ThresholdedRelu
    /// 1, HardSigmoid 0.2 and 0.5, Elu 1). Affine, which has no operator, defaults to the identity (1, 0), and
    /// ScaledTanh to Tanh (1, 1). Names are matched ignoring case, as ONNX Runtime does.
    /// </summary>
    public static RecurrentActivation[] Parse(IReadOnlyList<string> names, IReadOnlyList<float> alphas, IReadOnlyList<float> betas, Func<string, Exception> fail)
    {
        var functions = new RecurrentActivation[names.Count];
        int nextAlpha = 0, nextBeta = 0;
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            int known = Array.FindIndex(Enum.GetNames<RecurrentFunction>(), f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (known < 0)
                throw fail($"attribute 'activations' names '{name}', which is not one of {string.Join(", ", Enum.GetNames<RecurrentFunction>())}");
            var function = (RecurrentFunction)known;
            // The defaults are float attributes, as the operators' are.
            (float? defaultAlpha, float? defaultBeta) = function switch
            {
                RecurrentFunction.Affine => (1f, 0f),
                RecurrentFunction.LeakyRelu => (0.01f, null),
                RecurrentFunction.ThresholdedRelu => (1f, null),
                RecurrentFunction.ScaledTanh => (1f, 1f),
                RecurrentFunction.HardSigmoid => (0.2f, 0.5f),
                RecurrentFunction.Elu => (1f, null),
                _ => ((float?)null, (float?)null),
            };
            double alpha = defaultAlpha is { } a ? nextAlpha < alphas.Count ? alphas[nextAlpha++] : a : 0;
            double beta = defaultBeta is { } b ? nextBeta < betas.Count ? betas[nextBeta++] : b : 0;
            functions[i] = new RecurrentActivation(function, alpha, beta);
        }
        return functions;
    }
}
