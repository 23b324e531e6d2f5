namespace Onyx.Operators;

/// <summary>The GatherElements operator (ai.onnx).</summary>
internal static class GatherElements
{
    internal static readonly OperatorSchema V11 = new("GatherElements", 11)
    {
        Inference = InferGatherElements,
        Inputs =
        [
            new("data", "T"),
            new("indices", "Tind"),
        ],
        Outputs = [new("output", "T")],
        Attributes = [new("axis", 0L)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    /// <summary>The output has the shape of 'indices', which has the rank of 'data'.</summary>
    private static void InferGatherElements(InferenceContext context)
    {
        Shape? data = context.InputShape(0), indices = context.InputShape(1);
        if (data is not null)
        {
            ShapeRules.Axis(context, context.GetInt("axis", 0), data.Rank);
            if (indices is not null && indices.Rank != data.Rank)
                throw context.Fail($"'indices' {indices} must have the rank of 'data' {data}");
        }
        context.SetOutput(0, context.InputElementType(0), indices ?? (data is null ? null : ShapeRules.UnknownShape(context, data.Rank)));
    }

    internal static OperatorSchema[] Versions => [V11, V13];
}
