using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The MaxUnpool operator (ai.onnx).</summary>
internal static class MaxUnpool
{
    internal static readonly OperatorSchema V9 = new("MaxUnpool", 9)
    {
        Inputs =
        [
            new("X", "T1"),
            new("I", "T2"),
            new("output_shape", "T2", Optional),
        ],
        Outputs = [new("output", "T1")],
        Attributes =
        [
            new("kernel_shape", AttributeType.Ints, Required: true),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
        ],
        Inference = InferMaxUnpool,
    };

    internal static readonly OperatorSchema V11 = V9 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V22 = V11 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
        ],
    };

    /// <summary>
    /// The output is (N × C × out1 … outn): from the output_shape input when given (its values when known), else
    /// outi = stride × (Di − 1) + kernel − pads, the inverse of MaxPool's window.
    /// </summary>
    private static void InferMaxUnpool(InferenceContext context)
    {
        DataType type = context.InputElementType(0);
        Shape? pooled = PooledShape(context);
        if (context.HasInput(2))
        {
            Shape? requested = ExpectedRank.Exactly(context, 2, 1, "the output's dims");
            Dim[]? values = context.InputValues(2);
            long? length = values?.Length ?? requested?.Dims[0].Value;
            if (length is long count && pooled is not null && count != pooled.Rank)
                throw context.Fail($"input output_shape has {count} values but X has rank {pooled.Rank}");
            if (values is not null && Array.Exists(values, d => d.Value < 0))
                throw context.Fail($"input output_shape is [{string.Join(",", (object[])values)}]; sizes must not be negative");
            Shape? output = values is not null ? new Shape(values) : pooled is null ? null : ShapeRules.UnknownShape(context, pooled.Rank);
            context.SetOutput(0, type, output);
            return;
        }
        if (pooled is null)
        {
            context.SetOutput(0, type, (Shape?)null);
            return;
        }
        int spatialRank = pooled.Rank - 2;
        SlidingWindow window = SlidingWindow.Read(context, spatialRank);
        var dims = new Dim[pooled.Rank];
        dims[0] = pooled.Dims[0];
        dims[1] = pooled.Dims[1];
        for (int i = 0; i < spatialRank; i++)
            dims[2 + i] = window.TransposedOutput(context, i, pooled.Dims[2 + i], outputPadding: 0);
        context.SetOutput(0, type, dims);
    }

    /// <summary>The shape X and the indices I share (the pooled tensor); null when neither rank is known.</summary>
    private static Shape? PooledShape(InferenceContext context)
    {
        Shape? x = ExpectedRank.AtLeast(context, 0, 3, "N × C × D1 …");
        Shape? indices = ExpectedRank.AtLeast(context, 1, 3, "the shape of X");
        if (x is null || indices is null)
            return x ?? indices;
        if (x.Rank != indices.Rank)
            throw context.Fail($"input I has rank {indices.Rank} but X has rank {x.Rank}; they must have the same shape");
        return new Shape(x.Dims.Select((d, i) => ShapeRules.Unify(context, d, indices.Dims[i], $"dim {i} of X and I")));
    }

    internal static OperatorSchema[] Versions => [V9, V11, V22];
}
