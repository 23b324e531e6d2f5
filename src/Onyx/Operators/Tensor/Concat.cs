using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Concat operator (ai.onnx).</summary>
internal static class Concat
{
    internal static readonly OperatorSchema V1 = new("Concat", 1)
    {
        Inference = InferConcat,
        Inputs = [new("inputs", "T", Variadic)],
        Outputs = [new("concat_result", "T")],
        Attributes = [new("axis", AttributeType.Int)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V4 = V1 with
    {
        SinceVersion = 4,
        Attributes = [new("axis", AttributeType.Int, Required: true)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V4 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>
    /// Inputs of one rank (at least 1) joined along axis (1 by default in version 1): the axis dim is the sum, the other dims agree.
    /// Known values of 1-D inputs are concatenated (shape arithmetic).
    /// </summary>
    private static void InferConcat(InferenceContext context)
    {
        DataType elementType = DataType.Undefined;
        Shape? first = null;
        bool allShapesKnown = true;
        for (int i = 0; i < context.InputCount; i++)
        {
            if (elementType == DataType.Undefined)
                elementType = context.InputElementType(i);
            Shape? shape = context.InputShape(i);
            allShapesKnown &= shape is not null;
            if (shape is null)
                continue;
            if (shape.Rank == 0)
                throw context.Fail($"input {i} is a scalar; Concat needs inputs of rank at least 1");
            if (first is not null && shape.Rank != first.Rank)
                throw context.Fail($"all inputs must have the same rank, but input {i} is {shape} and another is {first}");
            first ??= shape;
        }
        if (first is null)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int axis = ShapeRules.Axis(context, context.GetInt("axis") ?? (context.Schema.SinceVersion < 4 ? 1 : throw context.Fail("attribute 'axis' is required")), first.Rank);
        var dims = new Dim[first.Rank];
        for (int d = 0; d < dims.Length; d++)
            dims[d] = d == axis ? (allShapesKnown ? new Dim(0) : new Dim()) : first.Dims[d];
        var values = new List<Dim>();
        for (int i = 0; i < context.InputCount; i++)
        {
            if (context.InputShape(i) is { } shape)
                for (int d = 0; d < dims.Length; d++)
                    dims[d] = d == axis
                        ? allShapesKnown ? ShapeRules.Add(context, dims[d], shape.Dims[d]) : dims[d]
                        : ShapeRules.Unify(context, dims[d], shape.Dims[d], $"dimension {d} of input {i}");
            if (values is not null && context.InputValues(i) is { } inputValues)
                values.AddRange(inputValues);
            else
                values = null;
        }
        context.SetOutput(0, elementType, dims);
        if (values is not null && dims.Length == 1)
            context.SetOutputValues(0, [.. values]);
    }

    internal static OperatorSchema[] Versions => [V1, V4, V11, V13];
}
