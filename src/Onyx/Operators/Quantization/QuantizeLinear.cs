using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The QuantizeLinear operator (ai.onnx).</summary>
internal static class QuantizeLinear
{
    internal static readonly OperatorSchema V10 = new("QuantizeLinear", 10)
    {
        Inputs =
        [
            new("x", "T1"),
            new("y_scale", "tensor(float)"),
            new("y_zero_point", "T2", Optional),
        ],
        Outputs = [new("y", "T2")],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(int32)"),
            new("T2", "tensor(int8), tensor(uint8)"),
        ],
        Inference = QuantizationShapes.Quantize,
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
            new("y_scale", "T1"),
            new("y_zero_point", "T2", Optional),
        ],
        Attributes =
        [
            new("axis", 1L),
            new("saturate", 1L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(float16), tensor(bfloat16), tensor(int32)"),
            new("T2", "tensor(int8), tensor(uint8), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
        ],
    };

    internal static readonly OperatorSchema V21 = V19 with
    {
        SinceVersion = 21,
        Attributes =
        [
            new("axis", 1L),
            new("block_size", 0L),
            new("output_dtype", 0L),
            new("saturate", 1L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(float16), tensor(bfloat16), tensor(int32)"),
            new("T2", "tensor(int8), tensor(uint8), tensor(int16), tensor(uint16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4)"),
        ],
    };

    internal static readonly OperatorSchema V23 = V21 with
    {
        SinceVersion = 23,
        Inputs =
        [
            new("x", "T1"),
            new("y_scale", "T2"),
            new("y_zero_point", "T3", Optional),
        ],
        Outputs = [new("y", "T3")],
        Attributes =
        [
            new("axis", 1L),
            new("block_size", 0L),
            new("output_dtype", 0L),
            new("precision", 0L),
            new("saturate", 1L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(float16), tensor(bfloat16), tensor(int32)"),
            new("T2", "tensor(float), tensor(float16), tensor(bfloat16), tensor(int32)"),
            new("T3", "tensor(int8), tensor(uint8), tensor(int16), tensor(uint16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(float16), tensor(bfloat16), tensor(int32)"),
            new("T2", "tensor(float), tensor(float16), tensor(bfloat16), tensor(int32), tensor(float8e8m0)"),
            new("T3", "tensor(int8), tensor(uint8), tensor(int16), tensor(uint16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
        ],
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(float16), tensor(bfloat16), tensor(int32)"),
            new("T2", "tensor(float), tensor(float16), tensor(bfloat16), tensor(int32), tensor(float8e8m0)"),
            new("T3", "tensor(int8), tensor(uint8), tensor(int16), tensor(uint16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(uint2), tensor(int2)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V10, V13, V19, V21, V23, V24, V25];
}
