namespace Onyx.Operators;

/// <summary>The Flatten operator (ai.onnx).</summary>
internal static class Flatten
{
    internal static readonly OperatorSchema V1 = new("Flatten", 1)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes = [new("axis", 1L)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = InferFlatten,
    };

    internal static readonly OperatorSchema V9 = V1 with
    {
        SinceVersion = 9,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
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
    /// The output is 2-D: (d0 × … × d(axis−1), d(axis) × … × dn). axis is in [0, rank], negative values (from the
    /// back) allowed since version 11.
    /// </summary>
    private static void InferFlatten(InferenceContext context)
    {
        DataType type = context.InputElementType(0);
        Shape? input = context.InputShape(0);
        if (input is null)
        {
            context.SetOutput(0, type, [new Dim(), new Dim()]);
            return;
        }
        int rank = input.Rank;
        long axis = context.GetInt("axis", 1);
        long lowest = context.Schema.SinceVersion >= 11 ? -rank : 0;
        if (axis < lowest || axis > rank)
            throw context.Fail($"attribute 'axis' is {axis}; expected {lowest} to {rank} for an input of rank {rank}");
        int split = (int)(axis < 0 ? axis + rank : axis);
        context.SetOutput(0, type, [ShapeRules.Product(context, input.Dims.Take(split)), ShapeRules.Product(context, input.Dims.Skip(split))]);
    }

    internal static OperatorSchema[] Versions => [V1, V9, V11, V13, V21, V23, V24, V25];
}
