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
    /// Y is 1-D without axis, or the input with the axis dim replaced, by the number of unique elements or slices (known only for a
    /// constant input); indices and counts have that length, inverse_indices one entry per input element (or slice along axis).
    /// </summary>
    private static void InferUnique(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        Shape? input = context.InputShape(0);
        int? axis = context.GetInt("axis") is long axisValue && input is not null ? ShapeRules.Axis(context, axisValue, input.Rank) : null;
        Dim unique = ConstantElements.DistinctCount(context, 0, axis) is long count ? new Dim(count) : new Dim();
        if (!context.HasAttribute("axis"))
        {
            context.SetOutput(0, elementType, [unique]);
        }
        else if (input is null || axis is not int at)
        {
            context.SetOutput(0, elementType, (Shape?)null);
        }
        else
        {
            Dim[] dims = [.. input.Dims];
            dims[at] = unique;
            context.SetOutput(0, elementType, dims);
        }
        Dim inverseLength = input is null ? new Dim() : axis is int a ? input.Dims[a] : ShapeRules.Product(context, input.Dims);
        if (context.HasOutput(1))
            context.SetOutput(1, DataType.Int64, [unique]);
        if (context.HasOutput(2))
            context.SetOutput(2, DataType.Int64, [inverseLength]);
        if (context.HasOutput(3))
            context.SetOutput(3, DataType.Int64, [unique]);
    }

    internal static OperatorSchema[] Versions => [V11];
}
