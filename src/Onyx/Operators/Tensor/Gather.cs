namespace Onyx.Operators;

/// <summary>The Gather operator (ai.onnx).</summary>
internal static class Gather
{
    internal static readonly OperatorSchema V1 = new("Gather", 1)
    {
        Inference = InferGather,
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

    internal static readonly OperatorSchema V11 = V1 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    /// <summary>data.shape[:axis] + indices.shape + data.shape[axis+1:]; gathers from a 1-D data's known values (shape arithmetic).</summary>
    private static void InferGather(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        Shape? data = context.InputShape(0), indices = context.InputShape(1);
        if (data is { Rank: 0 })
            throw context.Fail("input 'data' must have rank at least 1");
        if (data is null || indices is null)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int axis = ShapeRules.Axis(context, context.GetInt("axis", 0), data.Rank);
        ShapeRules.CheckRank(context, (long)data.Rank + indices.Rank - 1);
        context.SetOutput(0, elementType, data.Dims.Take(axis).Concat(indices.Dims).Concat(data.Dims.Skip(axis + 1)));
        if (data.Rank == 1 && indices.Rank <= 1 && context.InputValues(0) is { } values && IntegerInputs.Known(context, 1) is { } positions)
        {
            var gathered = new Dim[positions.Length];
            for (int i = 0; i < positions.Length; i++)
            {
                long at = positions[i] < 0 ? positions[i] + values.Length : positions[i];
                if (at < 0 || at >= values.Length)
                    throw context.Fail($"index {positions[i]} is out of range for 'data' of {values.Length} elements");
                gathered[i] = values[at];
            }
            context.SetOutputValues(0, gathered);
        }
    }

    internal static OperatorSchema[] Versions => [V1, V11, V13];
}
