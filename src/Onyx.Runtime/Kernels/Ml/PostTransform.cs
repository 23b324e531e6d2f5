namespace Onyx.Runtime.Kernels.Ml;

/// <summary>The 'post_transform' of the ai.onnx.ml predictors (Operators-ml.md), in the order of its integer codes.</summary>
internal enum ScoreTransform { None, Softmax, Logistic, SoftmaxZero, Probit }

/// <summary>
/// Parses and applies 'post_transform' to one row of scores, with the semantics of the ONNX reference implementation:
/// LOGISTIC and PROBIT per score, SOFTMAX and SOFTMAX_ZERO over the row (SOFTMAX_ZERO keeps zero scores at zero
/// weight and gives 0.5 everywhere when the whole row weighs nothing, where ONNX Runtime divides 0 by 0). Unlike
/// ONNX Runtime, every transform applies to a row of one score too, as the spec asks.
/// </summary>
internal static class PostTransform
{
    /// <summary>The transform named by the string attribute 'post_transform' (default NONE).</summary>
    public static ScoreTransform Parse(KernelNode node) =>
        node.Choice("post_transform", "NONE", ("NONE", ScoreTransform.None), ("SOFTMAX", ScoreTransform.Softmax),
            ("LOGISTIC", ScoreTransform.Logistic), ("SOFTMAX_ZERO", ScoreTransform.SoftmaxZero), ("PROBIT", ScoreTransform.Probit));

    /// <summary>The transform given by the integer attribute 'post_transform' (TreeEnsemble 5: 0 NONE to 4 PROBIT).</summary>
    public static ScoreTransform FromCode(KernelNode node)
    {
        long code = node.Attributes.Int("post_transform", 0);
        return code is >= 0 and <= 4
            ? (ScoreTransform)code
            : throw node.Fail($"attribute 'post_transform' is {code}; expected 0 (NONE), 1 (SOFTMAX), 2 (LOGISTIC), 3 (SOFTMAX_ZERO) or 4 (PROBIT)");
    }

    /// <summary>Transforms <paramref name="scores"/> in place.</summary>
    public static void Apply(ScoreTransform transform, Span<double> scores)
    {
        switch (transform)
        {
            case ScoreTransform.Softmax: Softmax(scores); break;
            case ScoreTransform.SoftmaxZero: SoftmaxZero(scores); break;
            case ScoreTransform.Logistic:
                foreach (ref double score in scores)
                    score = Logistic(score);
                break;
            case ScoreTransform.Probit:
                foreach (ref double score in scores)
                    score = Probit(score);
                break;
        }
    }

    /// <summary>
    /// Writes the two scores of a binary classifier whose one score is <paramref name="v"/>, before the transform:
    /// [1 - v, v] under NONE and PROBIT (v read as the second class's probability), [-v, v] under the other transforms
    /// (v read as a margin), as ONNX Runtime and the reference implementation write them.
    /// </summary>
    public static void ExpandBinary(ScoreTransform transform, double v, Span<double> scores)
    {
        scores[0] = transform is ScoreTransform.None or ScoreTransform.Probit ? 1 - v : -v;
        scores[1] = v;
    }

    /// <summary>1 / (1 + e^-x), evaluated on |x| so that it never overflows.</summary>
    public static double Logistic(double x)
    {
        double v = 1 / (1 + System.Math.Exp(-System.Math.Abs(x)));
        return x < 0 ? 1 - v : v;
    }

    /// <summary>
    /// sqrt(2) * erfinv(2p - 1), erfinv by Winitzki's approximation (a = 0.147) as the reference implementation and
    /// ONNX Runtime compute it; p of 0 or 1 gives -∞ or +∞ as in ONNX Runtime (the reference implementation gives 0),
    /// and p outside [0, 1] gives NaN.
    /// </summary>
    public static double Probit(double p)
    {
        double x = 2 * p - 1;
        double sign = x < 0 ? -1 : 1;
        double log = System.Math.Log((1 - x) * (1 + x));
        double v = 2 / (System.Math.PI * 0.147) + 0.5 * log;
        double root = System.Math.Sqrt(-v + System.Math.Sqrt(v * v - log / 0.147));
        return 1.41421356 * sign * root;
    }

    private static void Softmax(Span<double> scores)
    {
        double max = Max(scores);
        double sum = 0;
        foreach (ref double score in scores)
        {
            score = System.Math.Exp(score - max);
            sum += score;
        }
        foreach (ref double score in scores)
            score /= sum;
    }

    private static void SoftmaxZero(Span<double> scores)
    {
        double max = Max(scores);
        double sum = 0;
        foreach (ref double score in scores)
        {
            // A score within 1e-7 of zero stands for "no score": it keeps (almost) no weight.
            score = System.Math.Abs(score) > 1e-7 ? System.Math.Exp(score - max) : score * System.Math.Exp(-max);
            sum += score;
        }
        foreach (ref double score in scores)
            score = sum == 0 ? 0.5 : score / sum;
    }

    private static double Max(ReadOnlySpan<double> scores)
    {
        double max = double.NegativeInfinity;
        foreach (double score in scores)
            max = System.Math.Max(max, score);
        return max;
    }
}
