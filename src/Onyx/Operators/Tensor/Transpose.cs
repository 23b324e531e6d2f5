namespace Onyx.Operators;

/// <summary>The Transpose operator (ai.onnx).</summary>
internal static class Transpose
{
    internal static readonly OperatorSchema V1 = new("Transpose", 1)
    {
        Inference = InferTranspose,
        Inputs = [new("data", "T")],
        Outputs = [new("transposed", "T")],
        Attributes = [new("perm", AttributeType.Ints)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V1 with
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

    /// <summary>Output dim i is input dim perm[i]; perm defaults to reversing the dims and must be a permutation.</summary>
    private static void InferTranspose(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        IReadOnlyList<long>? perm = context.GetInts("perm");
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, elementType, perm is null ? null : ShapeRules.UnknownShape(context, perm.Count));
            return;
        }
        if (perm is null)
        {
            context.SetOutput(0, elementType, Enumerable.Reverse(input.Dims));
            return;
        }
        if (perm.Count != input.Rank)
            throw context.Fail($"attribute 'perm' has {perm.Count} elements, but the input has rank {input.Rank}");
        int[] axes = IntegerInputs.Axes(context, perm, input.Rank, "attribute 'perm'");
        context.SetOutput(0, elementType, Array.ConvertAll(axes, axis => input.Dims[axis]));
    }

    internal static OperatorSchema[] Versions => [V1, V13, V21, V23, V24, V25];
}
