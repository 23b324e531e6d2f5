namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// SVMClassifier (Operators-ml.md), with the rules of the ONNX reference implementation. With support vectors
/// (vectors_per_class, one count per class, support_vectors V rows of F), each class pair i &lt; j scores
/// rho[p] + Σ over class i's vectors of coefficients[j - 1][k] K(x, v_k) + Σ over class j's of coefficients[i][k]
/// K(x, v_k) and votes for i when positive, for j otherwise; the scores are the C(C-1)/2 pair scores, or, with
/// prob_a and prob_b, the class probabilities coupled from the pairs' Platt-scaled probabilities. Without support
/// vectors each class scores x·coefficients[c] + rho[0]. As in ONNX Runtime, the label is that of the first most
/// voted class, or without support vectors of the first highest score before post_transform, except that two
/// classes without support vectors pick the second when the top score reaches 0.5 (every coefficient non-negative)
/// or exceeds 0 (otherwise). post_transform applies to the scores; one score s with two labels becomes [-s, s]
/// first (PROBIT keeps the one score).
/// </summary>
internal static class SvmClassifierKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "SVMClassifier", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        ClassLabels labels = ClassLabels.Read(node, "classlabels_strings", "classlabels_ints", required: true)!;
        int classes = labels.Count;
        double[] coefficients = ModelAttributes.Floats(node, "coefficients");
        double[] vectors = ModelAttributes.Floats(node, "support_vectors");
        double[] rho = ModelAttributes.Floats(node, "rho");
        double[] probA = ModelAttributes.Floats(node, "prob_a");
        double[] probB = ModelAttributes.Floats(node, "prob_b");
        long[] perClass = [.. node.Attributes.Ints("vectors_per_class") ?? []];
        if (coefficients.Length == 0)
            throw node.Fail("attribute 'coefficients' must not be empty");
        if (perClass.Any(c => c < 0) || perClass.Sum(c => (decimal)c) > vectors.Length)
            throw node.Fail($"attribute 'vectors_per_class' is [{string.Join(",", perClass)}]; expected counts of at least 0 totalling at most the {vectors.Length} values of 'support_vectors'");
        int count = (int)perClass.Sum();
        int pairs = classes * (classes - 1) / 2;
        int features;
        if (count > 0)
        {
            if (perClass.Length != classes)
                throw node.Fail($"attribute 'vectors_per_class' has {perClass.Length} values; expected one per class ({classes})");
            if (classes < 2)
                throw node.Fail("a classifier with support vectors needs at least two classes");
            if (vectors.Length % count != 0)
                throw node.Fail($"attribute 'support_vectors' has {vectors.Length} values; expected {count} vectors (the sum of 'vectors_per_class') of F features");
            if (coefficients.Length != (classes - 1) * count)
                throw node.Fail($"attribute 'coefficients' has {coefficients.Length} values; expected (classes - 1) × vectors = {(classes - 1) * count}");
            if (rho.Length != pairs)
                throw node.Fail($"attribute 'rho' has {rho.Length} values; expected one per class pair ({pairs})");
            if (probA.Length != probB.Length || probA.Length is not 0 && probA.Length != pairs)
                throw node.Fail($"attributes 'prob_a' ({probA.Length}) and 'prob_b' ({probB.Length}) must both be empty or hold one value per class pair ({pairs})");
            features = vectors.Length / count;
        }
        else
        {
            if (coefficients.Length % classes != 0)
                throw node.Fail($"attribute 'coefficients' has {coefficients.Length} values; expected one row of F per class ({classes})");
            if (rho.Length == 0)
                throw node.Fail("attribute 'rho' must not be empty");
            features = coefficients.Length / classes;
        }
        bool probabilities = count > 0 && probA.Length > 0;
        bool allPositive = coefficients.Min() >= 0;
        ScoreTransform transform = PostTransform.Parse(node);
        int scoreCount = count == 0 ? classes : probabilities ? classes : pairs;
        bool secondClass = scoreCount == 1 && classes == 2 && transform != ScoreTransform.Probit;
        int width = secondClass ? 2 : scoreCount;
        SvmKernelFunction kernel = count > 0 ? SvmKernelFunction.Parse(node) : SvmKernelFunction.Linear;
        int[] starts = new int[perClass.Length];
        for (int c = 1; c < starts.Length; c++)
            starts[c] = starts[c - 1] + (int)perClass[c - 1];
        return new DelegateKernel(context =>
        {
            PredictorRows rows = PredictorRows.Read(context);
            rows.CheckFeatures(context, features, count > 0 ? "'support_vectors' over the sum of 'vectors_per_class'" : "'coefficients' over the class count");
            Span<float> z = context.Output<float>(1, DataType.Float, [rows.Count, width]);
            var winners = new int[rows.Count];
            var kernels = new double[count];
            var votes = new double[classes];
            var pairScores = new double[pairs];
            var scores = new double[width];
            for (long r = 0; r < rows.Count; r++)
            {
                ReadOnlySpan<double> row = rows.Row(r);
                ReadOnlySpan<double> ranked;
                if (count > 0)
                {
                    for (int k = 0; k < count; k++)
                        kernels[k] = kernel.Apply(row, vectors.AsSpan(k * features, features));
                    Vote(kernels, coefficients, rho, starts, perClass, votes, pairScores);
                    if (probabilities)
                        Probabilities(pairScores, probA, probB, scores);
                    else
                        pairScores.CopyTo(scores, 0);
                    ranked = votes;
                }
                else
                {
                    for (int c = 0; c < classes; c++)
                        scores[c] = rho[0] + kernel.Apply(row, coefficients.AsSpan(c * features, features));
                    ranked = scores.AsSpan(0, classes);
                }
                int top = ClassLabels.ArgMax(ranked);
                winners[r] = count == 0 && classes == 2 && (allPositive ? ranked[top] >= 0.5 : ranked[top] > 0) ? 1 : top;
                if (secondClass)
                {
                    scores[1] = scores[0];
                    scores[0] = -scores[1];
                }
                if (width > 1 || transform == ScoreTransform.Probit)
                    PostTransform.Apply(transform, scores);
                for (int c = 0; c < width; c++)
                    z[(int)r * width + c] = (float)scores[c];
            }
            labels.Write(context, winners);
        });
    }

    /// <summary>The one-vs-one decision value of each class pair (i &lt; j, in order) and the votes it casts.</summary>
    private static void Vote(double[] kernels, double[] coefficients, double[] rho, int[] starts, long[] perClass, double[] votes, double[] scores)
    {
        int count = kernels.Length;
        Array.Clear(votes);
        int pair = 0;
        for (int i = 0; i < votes.Length; i++)
        {
            for (int j = i + 1; j < votes.Length; j++, pair++)
            {
                double sum = rho[pair];
                for (int k = starts[i]; k < starts[i] + perClass[i]; k++)
                    sum += coefficients[(j - 1) * count + k] * kernels[k];
                for (int k = starts[j]; k < starts[j] + perClass[j]; k++)
                    sum += coefficients[i * count + k] * kernels[k];
                scores[pair] = sum;
                votes[sum > 0 ? i : j]++;
            }
        }
    }

    /// <summary>
    /// The class probabilities: each pair's Platt probability 1 - logistic(score × prob_a + prob_b), kept within
    /// [1e-7, 1 - 1e-7], coupled by the iterative method of Wu, Lin and Weng (2004) that libsvm uses.
    /// </summary>
    private static void Probabilities(double[] pairScores, double[] probA, double[] probB, double[] probabilities)
    {
        int k = probabilities.Length;
        var r = new double[k, k];
        int pair = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++, pair++)
            {
                double p = 1 - PostTransform.Logistic(pairScores[pair] * probA[pair] + probB[pair]);
                p = System.Math.Min(System.Math.Max(p, 1e-7), 1 - 1e-7);
                r[i, j] = p;
                r[j, i] = 1 - p;
            }
        }
        var q = new double[k, k];
        for (int t = 0; t < k; t++)
        {
            for (int j = 0; j < k; j++)
            {
                if (j != t)
                {
                    q[t, t] += r[j, t] * r[j, t];
                    q[t, j] = -r[j, t] * r[t, j];
                }
            }
        }
        Array.Fill(probabilities, 1.0 / k);
        var qp = new double[k];
        double epsilon = 0.005 / k;
        for (int iteration = 0; iteration < System.Math.Max(100, k); iteration++)
        {
            double pqp = 0;
            for (int t = 0; t < k; t++)
            {
                qp[t] = 0;
                for (int j = 0; j < k; j++)
                    qp[t] += q[t, j] * probabilities[j];
                pqp += probabilities[t] * qp[t];
            }
            double error = 0;
            for (int t = 0; t < k; t++)
                error = System.Math.Max(error, System.Math.Abs(qp[t] - pqp));
            if (error < epsilon)
                break;
            for (int t = 0; t < k; t++)
            {
                double diff = (-qp[t] + pqp) / q[t, t];
                probabilities[t] += diff;
                pqp = (pqp + diff * (diff * q[t, t] + 2 * qp[t])) / ((1 + diff) * (1 + diff));
                for (int j = 0; j < k; j++)
                {
                    qp[j] = (qp[j] + diff * q[t, j]) / (1 + diff);
                    probabilities[j] /= 1 + diff;
                }
            }
        }
    }
}
