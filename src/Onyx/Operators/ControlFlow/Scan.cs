using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Scan operator (ai.onnx).</summary>
internal static class Scan
{
    internal static readonly OperatorSchema V8 = new("Scan", 8)
    {
        Inputs =
        [
            new("sequence_lens", "I", Optional),
            new("initial_state_and_scan_inputs", "V", Variadic, Homogeneous: false),
        ],
        Inference = context => Subgraphs.InferScan(context, batched: true),
        Outputs = [new("final_state_and_scan_outputs", "V", Variadic, Homogeneous: false)],
        Attributes =
        [
            new("body", AttributeType.Graph, Required: true),
            new("directions", AttributeType.Ints),
            new("num_scan_inputs", AttributeType.Int, Required: true),
        ],
        TypeConstraints =
        [
            new("I", "tensor(int64)"),
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V9 = V8 with
    {
        SinceVersion = 9,
        Inference = context => Subgraphs.InferScan(context, batched: false),
        Inputs = [new("initial_state_and_scan_inputs", "V", Variadic, Homogeneous: false)],
        Attributes =
        [
            new("body", AttributeType.Graph, Required: true),
            new("num_scan_inputs", AttributeType.Int, Required: true),
            new("scan_input_axes", AttributeType.Ints),
            new("scan_input_directions", AttributeType.Ints),
            new("scan_output_axes", AttributeType.Ints),
            new("scan_output_directions", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V16 = V11 with
    {
        SinceVersion = 16,
        TypeConstraints =
        [
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V19 = V16 with
    {
        SinceVersion = 19,
        TypeConstraints =
        [
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
        ],
    };

    internal static readonly OperatorSchema V21 = V19 with
    {
        SinceVersion = 21,
        TypeConstraints =
        [
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4)"),
        ],
    };

    internal static readonly OperatorSchema V23 = V21 with
    {
        SinceVersion = 23,
        TypeConstraints =
        [
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0)"),
        ],
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        TypeConstraints =
        [
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0), tensor(uint2), tensor(int2)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V8, V9, V11, V16, V19, V21, V23, V24, V25];
}
