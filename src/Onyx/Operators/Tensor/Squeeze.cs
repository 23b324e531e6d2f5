using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Squeeze operator (ai.onnx).</summary>
internal static class Squeeze
{
    internal static readonly OperatorSchema V1 = new("Squeeze", 1)
    {
        Inference = InferSqueeze,
        Inputs = [new("data", "T")],
        Outputs = [new("squeezed", "T")],
        Attributes = [new("axes", AttributeType.Ints)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V1 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        Inputs =
        [
            new("data", "T"),
            new("axes", "tensor(int64)", Optional),
        ],
        Attributes = [],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V21 = V13 with
    {
        SinceVersion = 21,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4)"),
        ],
    };

    internal static readonly OperatorSchema V23 = V21 with
    {
        SinceVersion = 23,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0)"),
        ],
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0), tensor(uint2), tensor(int2)"),
        ],
    };

    /// <summary>
    /// The input without the listed axes (attribute before version 13, optional input since), which must be 1; without axes, every
    /// dim of 1 goes, so all dims must be known. Values carry through (a 1-element 1-D to a scalar).
    /// </summary>
    private static void InferSqueeze(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        (bool given, long[]? axes) = IntegerInputs.AttributeOrInput(context, "axes", 1, 13);
        Shape? input = context.InputShape(0);
        if (input is null || given && axes is null)
        {
            long? count = given ? axes?.Length ?? IntegerInputs.Length(context, 1) : null;
            context.SetOutput(0, elementType, input is not null && count is long n ? ShapeRules.UnknownShape(context, input.Rank - n) : null);
            return;
        }
        var removed = new bool[input.Rank];
        if (axes is null)
        {
            for (int i = 0; i < input.Rank; i++)
            {
                if (input.Dims[i].Value is not long value)
                {
                    context.SetOutput(0, elementType, (Shape?)null);
                    return;
                }
                removed[i] = value == 1;
            }
        }
        else
        {
            foreach (int axis in IntegerInputs.Axes(context, axes, input.Rank, "axes"))
            {
                if (input.Dims[axis].Value is long value && value != 1)
                    throw context.Fail($"cannot squeeze axis {axis} of {input}: its dim is {value}, not 1");
                removed[axis] = true;
            }
        }
        context.SetOutput(0, elementType, input.Dims.Where((_, i) => !removed[i]));
        if (context.InputValues(0) is { } values)
            context.SetOutputValues(0, values);
    }

    internal static OperatorSchema[] Versions => [V1, V11, V13, V21, V23, V24, V25];
}
