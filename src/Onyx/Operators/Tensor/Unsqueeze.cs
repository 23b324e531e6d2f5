namespace Onyx.Operators;

/// <summary>The Unsqueeze operator (ai.onnx).</summary>
internal static class Unsqueeze
{
    internal static readonly OperatorSchema V1 = new("Unsqueeze", 1)
    {
        Inference = InferUnsqueeze,
        Inputs = [new("data", "T")],
        Outputs = [new("expanded", "T")],
        Attributes = [new("axes", AttributeType.Ints, Required: true)],
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
            new("axes", "tensor(int64)"),
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
    /// The input with dims of 1 inserted at the listed axes (attribute before version 13, input since), counted in the output's rank.
    /// Values carry through (a scalar to a 1-element 1-D).
    /// </summary>
    private static void InferUnsqueeze(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        (bool given, long[]? axes) = IntegerInputs.AttributeOrInput(context, "axes", 1, 13);
        if (!given)
            throw context.Fail("'axes' is required");
        Shape? input = context.InputShape(0);
        long? count = axes?.Length ?? IntegerInputs.Length(context, 1);
        if (input is null || axes is null)
        {
            context.SetOutput(0, elementType, input is not null && count is long n ? ShapeRules.UnknownShape(context, input.Rank + n) : null);
            return;
        }
        int rank = input.Rank + axes.Length;
        ShapeRules.CheckRank(context, rank);
        var inserted = new bool[rank];
        foreach (int axis in IntegerInputs.Axes(context, axes, rank, "axes"))
            inserted[axis] = true;
        var dims = new Dim[rank];
        for (int i = 0, next = 0; i < rank; i++)
            dims[i] = inserted[i] ? new Dim(1) : input.Dims[next++];
        context.SetOutput(0, elementType, dims);
        if (context.InputValues(0) is { } values)
            context.SetOutputValues(0, values);
    }

    internal static OperatorSchema[] Versions => [V1, V11, V13, V21, V23, V24, V25];
}
