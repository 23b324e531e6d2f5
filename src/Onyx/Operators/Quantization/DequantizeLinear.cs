using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The DequantizeLinear operator (ai.onnx).</summary>
internal static class DequantizeLinear
{
    internal static readonly OperatorSchema V10 = new("DequantizeLinear", 10)
    {
        Inputs =
        [
            new("x", "T"),
            new("x_scale", "tensor(float)"),
            new("x_zero_point", "T", Optional),
        ],
        Outputs = [new("y", "tensor(float)")],
        TypeConstraints = [new("T", "tensor(int8), tensor(uint8), tensor(int32)")],
        Inference = QuantizationShapes.Dequantize,
    };

    internal static readonly OperatorSchema V13 = V10 with
    {
        SinceVersion = 13,
        Attributes = [new("axis", 1L)],
    };

    internal static readonly OperatorSchema V19 = V13 with
    {
        SinceVersion = 19,
        Inputs =
        [
            new("x", "T1"),
            new("x_scale", "T2"),
            new("x_zero_point", "T1", Optional),
        ],
        Outputs = [new("y", "T2")],
        TypeConstraints =
        [
            new("T1", "tensor(int8), tensor(uint8), tensor(int32), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
            new("T2", "tensor(float), tensor(float16), tensor(bfloat16)"),
        ],
    };

    internal static readonly OperatorSchema V21 = V19 with
    {
        SinceVersion = 21,
        Attributes =
        [
            new("axis", 1L),
            new("block_size", 0L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(int8), tensor(uint8), tensor(int16), tensor(uint16), tensor(int32), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4)"),
            new("T2", "tensor(float), tensor(float16), tensor(bfloat16)"),
        ],
    };

    internal static readonly OperatorSchema V23 = V21 with
    {
        SinceVersion = 23,
        Outputs = [new("y", "T3")],
        Attributes =
        [
            new("axis", 1L),
            new("block_size", 0L),
            new("output_dtype", 0L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(int8), tensor(uint8), tensor(int16), tensor(uint16), tensor(int32), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
            new("T2", "tensor(float), tensor(float16), tensor(bfloat16)"),
            new("T3", "tensor(float), tensor(float16), tensor(bfloat16)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T1", "tensor(int8), tensor(uint8), tensor(int16), tensor(uint16), tensor(int32), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
            new("T2", "tensor(float), tensor(float16), tensor(bfloat16), tensor(float8e8m0)"),
            new("T3", "tensor(float), tensor(float16), tensor(bfloat16)"),
        ],
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        TypeConstraints =
        [
            new("T1", "tensor(int8), tensor(uint8), tensor(int16), tensor(uint16), tensor(int32), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(uint2), tensor(int2)"),
            new("T2", "tensor(float), tensor(float16), tensor(bfloat16), tensor(float8e8m0)"),
            new("T3", "tensor(float), tensor(float16), tensor(bfloat16)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V10, V13, V19, V21, V23, V24, V25];
}
