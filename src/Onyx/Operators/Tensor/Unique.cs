using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Unique operator (ai.onnx).</summary>
internal static class Unique
{
    internal static readonly OperatorSchema V11 = new("Unique", 11)
    {
        Inference = InferUnique,
        Inputs = [new("X", "T")],
        Outputs =
        [
            new("Y", "T"),
            new("indices", "tensor(int64)", Optional),
            new("inverse_indices", "tensor(int64)", Optional),
            new("counts", "tensor(int64)", Optional),
        ],
        Attributes =
        [
            new("axis", AttributeType.Int),
            new("sorted", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>
    /// Y is 1-D without axis, or the input with the axis dim replaced; its unique count depends on the data. indices and counts have
    /// that count; inverse_indices has one entry per input element (or per slice along axis).
    /// </summary>
    private static void InferUnique(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        Shape? input = context.InputShape(0);
        Dim inverseLength = new();
        if (context.GetInt("axis") is not long axisValue)
        {
            context.SetOutput(0, elementType, [new Dim()]);
            if (input is not null)
                inverseLength = ShapeRules.Product(context, input.Dims);
        }
        else if (input is null)
        {
            context.SetOutput(0, elementType, (Shape?)null);
        }
        else
        {
            int axis = ShapeRules.Axis(context, axisValue, input.Rank);
            inverseLength = input.Dims[axis];
            context.SetOutput(0, elementType, IntegerInputs.WithUnknownAxes(input, [axis]));
        }
        if (context.HasOutput(1))
            context.SetOutput(1, DataType.Int64, [new Dim()]);
        if (context.HasOutput(2))
            context.SetOutput(2, DataType.Int64, [inverseLength]);
        if (context.HasOutput(3))
            context.SetOutput(3, DataType.Int64, [new Dim()]);
    }

    internal static OperatorSchema[] Versions => [V11];
}
