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
        Shape? x = ExpectedRank.AtLeast(context, 0, 3, "N × C × D1 …");
        Shape? indices = context.InputShape(1);
        if (x is not null && indices is not null && x.Rank != indices.Rank)
            throw context.Fail($"input I has rank {indices.Rank} but X has rank {x.Rank}; they must have the same shape");
        Shape? reference = x ?? indices;
        if (context.HasInput(2))
        {
            Shape? requested = ExpectedRank.Exactly(context, 2, 1, "the output's dims");
            if (requested?.Dims[0].Value is long length && reference is not null && length != reference.Rank)
                throw context.Fail($"input output_shape has {length} values but X has rank {reference.Rank}");
            if (context.InputValues(2) is { } values)
            {
                if (Array.Exists(values, d => d.Value < 0))
                    throw context.Fail($"input output_shape is [{string.Join(",", (object[])values)}]; sizes must not be negative");
                context.SetOutput(0, type, values);
            }
            else
                context.SetOutput(0, type, reference is null ? null : ShapeRules.UnknownShape(context, reference.Rank));
            return;
        }
        if (reference is null)
        {
            context.SetOutput(0, type, (Shape?)null);
            return;
        }
        int spatialRank = reference.Rank - 2;
        SlidingWindow window = SlidingWindow.Read(context, spatialRank);
        var dims = new Dim[reference.Rank];
        dims[0] = ShapeRules.Unify(context, ExpectedRank.DimOf(x, 0), ExpectedRank.DimOf(indices, 0), "the batch of X and I");
        dims[1] = ShapeRules.Unify(context, ExpectedRank.DimOf(x, 1), ExpectedRank.DimOf(indices, 1), "the channels of X and I");
        for (int i = 0; i < spatialRank; i++)
            dims[2 + i] = window.TransposedOutput(context, i, ExpectedRank.DimOf(x, 2 + i), outputPadding: 0);
        context.SetOutput(0, type, dims);
    }

    internal static OperatorSchema[] Versions => [V9, V11, V22];
}
