using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Slice operator (ai.onnx).</summary>
internal static class Slice
{
    internal static readonly OperatorSchema V1 = new("Slice", 1)
    {
        Inputs = [new("data", "T")],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("axes", AttributeType.Ints),
            new("ends", AttributeType.Ints, Required: true),
            new("starts", AttributeType.Ints, Required: true),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V10 = V1 with
    {
        SinceVersion = 10,
        Inputs =
        [
            new("data", "T"),
            new("starts", "Tind"),
            new("ends", "Tind"),
            new("axes", "Tind", Optional),
            new("steps", "Tind", Optional),
        ],
        Attributes = [],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V10 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V10, V11, V13];
}
