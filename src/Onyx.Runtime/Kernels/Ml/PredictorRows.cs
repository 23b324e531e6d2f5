using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// The input X of the ai.onnx.ml predictors: N rows of F features ([N, F], or one row [F]), read as doubles from
/// float, double, int64, int32 or float16.
/// </summary>
internal sealed class PredictorRows
{
    private readonly double[] _values;

    private PredictorRows(double[] values, long count, int features)
    {
        _values = values;
        Count = count;
        Features = features;
    }

    public long Count { get; }

    public int Features { get; }

    /// <summary>Reads input 0; fails when it is not of rank 1 or 2.</summary>
    public static PredictorRows Read(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        if (x.Dims.Length is not (1 or 2))
            throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') has shape [{string.Join(",", x.Dims)}]; expected [N, F] or [F]");
        double[] values = x.DataType == DataType.Float16 ? Widen(context, x) : MlTypedTensors.ReadReals(context, x, 0);
        long count = x.Dims.Length == 1 ? 1 : x.Dims[0];
        return new PredictorRows(values, count, count == 0 ? (int)System.Math.Min(x.Dims[^1], int.MaxValue) : values.Length / (int)count);
    }

    /// <summary>Fails unless each row has exactly <paramref name="features"/> features, which <paramref name="source"/> implies.</summary>
    public void CheckFeatures(KernelContext context, long features, string source)
    {
        if (Features != features)
            throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') has {Features} features per row; {source} implies {features}");
    }

    public ReadOnlySpan<double> Row(long index) => _values.AsSpan((int)index * Features, Features);

    private static double[] Widen(KernelContext context, Tensor x)
    {
        var values = new double[context.ElementCount(x.Dims)];
        ReadOnlySpan<Half> source = x.AsSpan<Half>();
        for (int i = 0; i < values.Length; i++)
            values[i] = (double)source[i];
        return values;
    }
}
