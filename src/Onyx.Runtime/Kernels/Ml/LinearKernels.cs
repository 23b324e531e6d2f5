namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// LinearRegressor and LinearClassifier (Operators-ml.md): score c of a row is the dot product of the row with
/// 'coefficients'[c * F, (c + 1) * F) plus 'intercepts'[c], then post_transform applies per row.
/// </summary>
internal static class LinearKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        new(OperatorDomains.Ml, "LinearRegressor", 1, int.MaxValue, CreateRegressor),
        new(OperatorDomains.Ml, "LinearClassifier", 1, int.MaxValue, CreateClassifier),
    ];

    /// <summary>Y is float [N, targets].</summary>
    private static Kernel CreateRegressor(KernelNode node)
    {
        long targets = node.Attributes.Int("targets", 1);
        if (targets < 1)
            throw node.Fail($"attribute 'targets' is {targets}; expected at least 1");
        double[] coefficients = Coefficients(node);
        if (coefficients.Length % targets != 0)
            throw node.Fail($"attribute 'coefficients' has {coefficients.Length} values; expected a multiple of 'targets' ({targets}), one row of F per target");
        int width = (int)targets;
        double[] intercepts = Intercepts(node, width);
        ScoreTransform transform = PostTransform.Parse(node);
        return new DelegateKernel(context =>
        {
            PredictorRows rows = PredictorRows.Read(context);
            rows.CheckFeatures(context, coefficients.Length / width, $"'coefficients' ({coefficients.Length}) over 'targets' ({width})");
            Span<float> y = context.Output<float>(0, DataType.Float, [rows.Count, width]);
            var scores = new double[width];
            for (long r = 0; r < rows.Count; r++)
            {
                Score(rows.Row(r), coefficients, intercepts, scores);
                PostTransform.Apply(transform, scores);
                for (int t = 0; t < width; t++)
                    y[(int)r * width + t] = (float)scores[t];
            }
        });
    }

    /// <summary>
    /// Y is the label of the first highest score before post_transform (as in ONNX Runtime; PROBIT does not keep the
    /// order of scores outside (0, 1)), the class index without labels, and Z float [N, classes]. One score s with
    /// two labels is binary: the second label when s &gt; 0, scores expanded by <see cref="PostTransform.ExpandBinary"/>
    /// (as ONNX Runtime); as in the ONNX reference implementation, one score with one label or none names that label
    /// (or 1) when s reaches 0 (NONE) or 0.5 (other transforms) after the transform, and 0 (or "") otherwise. The class count is the intercept count, or the
    /// coefficient count over F without intercepts.
    /// </summary>
    private static Kernel CreateClassifier(KernelNode node)
    {
        double[] coefficients = Coefficients(node);
        double[] intercepts = ModelAttributes.Floats(node, "intercepts");
        ClassLabels? labels = ClassLabels.Read(node, "classlabels_strings", "classlabels_ints", required: false);
        if (intercepts.Length > 0)
        {
            if (coefficients.Length % intercepts.Length != 0)
                throw node.Fail($"attribute 'coefficients' has {coefficients.Length} values; expected a multiple of the class count ({intercepts.Length}, the intercepts)");
            CheckLabels(node.Fail, labels, intercepts.Length);
        }
        ScoreTransform transform = PostTransform.Parse(node);
        return new DelegateKernel(context =>
        {
            PredictorRows rows = PredictorRows.Read(context);
            int classes = intercepts.Length;
            if (classes > 0)
            {
                rows.CheckFeatures(context, coefficients.Length / classes, $"'coefficients' ({coefficients.Length}) over 'intercepts' ({classes})");
            }
            else
            {
                if (rows.Features == 0 || coefficients.Length % rows.Features != 0)
                    throw context.Fail($"input 0 has {rows.Features} features per row, which do not divide the {coefficients.Length} values of 'coefficients'");
                classes = coefficients.Length / rows.Features;
                CheckLabels(context.Fail, labels, classes);
            }
            bool binary = classes == 1 && labels?.Count == 2;
            int width = binary ? 2 : classes;
            ClassLabels outputs = classes > 1 || binary ? labels ?? new ClassLabels(null, [.. Enumerable.Range(0, classes).Select(c => (long)c)])
                : labels?.AfterNothing() ?? new ClassLabels(null, [0, 1]);
            double threshold = transform == ScoreTransform.None ? 0 : 0.5;
            Span<float> z = context.Output<float>(1, DataType.Float, [rows.Count, width]);
            var winners = new int[rows.Count];
            var scores = new double[width];
            for (long r = 0; r < rows.Count; r++)
            {
                Score(rows.Row(r), coefficients, intercepts, scores.AsSpan(0, classes));
                int best = binary ? (scores[0] > 0 ? 1 : 0) : ClassLabels.ArgMax(scores);
                if (binary)
                    PostTransform.ExpandBinary(transform, scores[0], scores);
                PostTransform.Apply(transform, scores);
                winners[r] = width > 1 ? best : scores[0] >= threshold ? 1 : 0;
                for (int c = 0; c < width; c++)
                    z[(int)r * width + c] = (float)scores[c];
            }
            outputs.Write(context, winners);
        });
    }

    private static void CheckLabels(Func<string, OnnxRuntimeException> fail, ClassLabels? labels, int classes)
    {
        if (labels is not null && classes > 1 && labels.Count != classes)
            throw fail($"the classifier has {labels.Count} class labels for {classes} classes (one score each); expected as many labels as classes");
        if (labels is not null && classes == 1 && labels.Count > 2)
            throw fail($"the classifier has {labels.Count} class labels for one score; expected one or two");
    }

    private static double[] Coefficients(KernelNode node)
    {
        double[] coefficients = ModelAttributes.Floats(node, "coefficients");
        return coefficients.Length > 0 ? coefficients : throw node.Fail("attribute 'coefficients' is required and must not be empty");
    }

    private static double[] Intercepts(KernelNode node, int scores)
    {
        double[] intercepts = ModelAttributes.Floats(node, "intercepts");
        return intercepts.Length is 0 || intercepts.Length == scores
            ? intercepts
            : throw node.Fail($"attribute 'intercepts' has {intercepts.Length} values; expected none or one per target ({scores})");
    }

    /// <summary>scores[c] = row · coefficients[c * F, (c + 1) * F) + intercepts[c] (0 without intercepts).</summary>
    private static void Score(ReadOnlySpan<double> row, double[] coefficients, double[] intercepts, Span<double> scores)
    {
        for (int c = 0; c < scores.Length; c++)
        {
            double sum = intercepts.Length > 0 ? intercepts[c] : 0;
            ReadOnlySpan<double> weights = coefficients.AsSpan(c * row.Length, row.Length);
            for (int f = 0; f < row.Length; f++)
                sum += row[f] * weights[f];
            scores[c] = sum;
        }
    }
}
