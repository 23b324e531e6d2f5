namespace Onyx.Operators;

/// <summary>The OneHot operator (ai.onnx).</summary>
internal static class OneHot
{
    internal static readonly OperatorSchema V9 = new("OneHot", 9)
    {
        Inference = InferOneHot,
        Inputs =
        [
            new("indices", "T1"),
            new("depth", "T2"),
            new("values", "T3"),
        ],
        Outputs = [new("output", "T3")],
        Attributes = [new("axis", -1L)],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
            new("T3", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with { SinceVersion = 11 };

    /// <summary>The indices' shape with a new dim of size depth inserted at axis; the element type is that of 'values' (2 elements).</summary>
    private static void InferOneHot(InferenceContext context)
    {
        DataType elementType = context.InputElementType(2);
        if (IntegerInputs.Length(context, 2) is long count && count != 2 || context.InputRank(2) is int valuesRank && valuesRank != 1)
            throw context.Fail($"input 'values' must be 1-D with 2 elements (off, on), found {context.InputShape(2)}");
        if (context.InputShape(1) is { } depthShape && (depthShape.Rank > 1 || depthShape.Rank == 1 && depthShape.Dims[0].Value is long n && n != 1))
            throw context.Fail($"input 'depth' must be a scalar or hold one element, found {depthShape}");
        if (context.InputShape(0) is not { } indices)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int axis = ShapeRules.Axis(context, context.GetInt("axis", -1), indices.Rank + 1);
        Dim depth = new();
        if (IntegerInputs.KnownReals(context, 1) is [double value])
        {
            if (!(value >= 1) || value > long.MaxValue)
                throw context.Fail($"input 'depth' must be at least 1, found {value}");
            depth = (long)value;
        }
        var dims = new List<Dim>(indices.Dims);
        dims.Insert(axis, depth);
        context.SetOutput(0, elementType, dims);
    }

    internal static OperatorSchema[] Versions => [V9, V11];
}
