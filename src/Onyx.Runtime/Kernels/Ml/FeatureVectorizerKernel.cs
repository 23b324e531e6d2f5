using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// FeatureVectorizer (Operators-ml.md): concatenates the rows of its inputs into float [N, sum of 'inputdimensions'].
/// Each input is [N, ...] (a 1-D input is one row [1, C]); input i gives 'inputdimensions'[i] columns per row: its
/// first values of the row, zeros after them when the row is shorter.
/// </summary>
internal static class FeatureVectorizerKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "FeatureVectorizer", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        long[] widths = [.. node.Attributes.Ints("inputdimensions") ?? throw node.Fail("attribute 'inputdimensions' is required")];
        if (widths.Length != node.Node.Inputs.Count)
            throw node.Fail($"attribute 'inputdimensions' has {widths.Length} sizes for {node.Node.Inputs.Count} inputs; it needs one per input");
        if (widths.Any(w => w < 0))
            throw node.Fail($"attribute 'inputdimensions' holds a negative size: [{string.Join(",", widths)}]");
        long total = widths.Sum();
        return new DelegateKernel(context =>
        {
            long rows = Rows(context, context.Tensor(0), 0);
            Span<float> y = context.Output<float>(0, DataType.Float, [rows, total]);
            long column = 0;
            for (int input = 0; input < widths.Length; input++)
            {
                Tensor x = context.Tensor(input);
                if (Rows(context, x, input) != rows)
                    throw context.Fail($"input {input} ('{MlTypedTensors.InputName(context, input)}') has shape [{string.Join(",", x.Dims)}]; expected {rows} rows like input 0");
                double[] values = MlTypedTensors.ReadReals(context, x, input);
                long length = rows == 0 ? 0 : values.Length / rows;
                long copied = System.Math.Min(length, widths[input]);
                for (long row = 0; row < rows; row++)
                {
                    for (long j = 0; j < copied; j++)
                        y[(int)(row * total + column + j)] = (float)values[row * length + j];
                }
                column += widths[input];
            }
        });
    }

    private static long Rows(KernelContext context, Tensor x, int input) => x.Dims.Length switch
    {
        0 => throw context.Fail($"input {input} ('{MlTypedTensors.InputName(context, input)}') is a scalar; expected [N, C] or [C]"),
        1 => 1,
        _ => x.Dims[0],
    };
}
