namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// SVMRegressor (Operators-ml.md): with n_supports S &gt; 0, score = Σ coefficients[k] K(x, support vector k) +
/// rho[0] over the S support vectors (support_vectors is S rows of F); with S = 0, the linear model x·coefficients +
/// rho[0]. one_class gives 1 for a positive score and -1 otherwise; post_transform then applies. Y is float [N, 1].
/// </summary>
internal static class SvmRegressorKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "SVMRegressor", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        long supports = node.Attributes.Int("n_supports", 0);
        double[] coefficients = ModelAttributes.Floats(node, "coefficients");
        double[] vectors = ModelAttributes.Floats(node, "support_vectors");
        double[] rho = ModelAttributes.Floats(node, "rho");
        if (rho.Length != 1)
            throw node.Fail($"attribute 'rho' has {rho.Length} values; expected 1");
        if (supports < 0)
            throw node.Fail($"attribute 'n_supports' is {supports}; expected at least 0");
        if (supports > 0 && coefficients.Length != supports)
            throw node.Fail($"attribute 'coefficients' has {coefficients.Length} values; expected one per support vector ({supports}, 'n_supports')");
        if (supports > 0 && (vectors.Length == 0 || vectors.Length % supports != 0))
            throw node.Fail($"attribute 'support_vectors' has {vectors.Length} values; expected 'n_supports' ({supports}) rows of F features");
        if (supports == 0 && coefficients.Length == 0)
            throw node.Fail("attribute 'coefficients' must not be empty");
        int features = supports > 0 ? vectors.Length / (int)supports : coefficients.Length;
        SvmKernelFunction kernel = supports > 0 ? SvmKernelFunction.Parse(node) : SvmKernelFunction.Linear;
        bool oneClass = node.Attributes.Int("one_class", 0) != 0;
        ScoreTransform transform = PostTransform.Parse(node);
        return new DelegateKernel(context =>
        {
            PredictorRows rows = PredictorRows.Read(context);
            rows.CheckFeatures(context, features, supports > 0 ? "'support_vectors' over 'n_supports'" : "'coefficients'");
            Span<float> y = context.Output<float>(0, DataType.Float, [rows.Count, 1]);
            Span<double> score = stackalloc double[1];
            for (long r = 0; r < rows.Count; r++)
            {
                ReadOnlySpan<double> row = rows.Row(r);
                double sum = rho[0];
                if (supports > 0)
                {
                    for (int k = 0; k < coefficients.Length; k++)
                        sum += coefficients[k] * kernel.Apply(row, vectors.AsSpan(k * features, features));
                }
                else
                {
                    sum += kernel.Apply(row, coefficients);
                }
                score[0] = oneClass ? (sum > 0 ? 1 : -1) : sum;
                PostTransform.Apply(transform, score);
                y[(int)r] = (float)score[0];
            }
        });
    }
}
