namespace Onyx.Operators;

/// <summary>The Shape operator (ai.onnx).</summary>
internal static class ShapeOperator
{
    internal static readonly OperatorSchema V1 = new("Shape", 1)
    {
        Inputs = [new("data", "T")],
        Outputs = [new("shape", "T1")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T1", "tensor(int64)"),
        ],
        Inference = InferShape,
    };

    internal static readonly OperatorSchema V13 = V1 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V15 = V13 with
    {
        SinceVersion = 15,
        Attributes =
        [
            new("end", AttributeType.Int),
            new("start", 0L),
        ],
    };

    internal static readonly OperatorSchema V19 = V15 with
    {
        SinceVersion = 19,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V21 = V19 with
    {
        SinceVersion = 21,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V23 = V21 with
    {
        SinceVersion = 23,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0), tensor(uint2), tensor(int2)"),
            new("T1", "tensor(int64)"),
        ],
    };

    /// <summary>A 1-D int64 tensor of the input's rank (or of end − start, since version 15), whose values are the input's dims.</summary>
    private static void InferShape(InferenceContext context)
    {
        Shape? input = context.InputShape(0);
        if (input is null)
        {
            context.SetOutput(0, DataType.Int64, [new Dim()]);
            return;
        }
        int rank = input.Rank;
        int start = Clamp(context.GetInt("start", 0), rank);
        int end = Clamp(context.GetInt("end", rank), rank);
        Dim[] dims = end > start ? input.Dims.GetRange(start, end - start).ToArray() : [];
        context.SetOutput(0, DataType.Int64, [dims.Length]);
        context.SetOutputValues(0, dims);
    }

    /// <summary>Negative start and end count from the back; both are clamped to [0, rank] (Shape-15).</summary>
    private static int Clamp(long index, int rank) => (int)Math.Clamp(index < 0 ? index + rank : index, 0, rank);

    internal static OperatorSchema[] Versions => [V1, V13, V15, V19, V21, V23, V24, V25];
}
