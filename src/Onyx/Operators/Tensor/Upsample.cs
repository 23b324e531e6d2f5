namespace Onyx.Operators;

/// <summary>The Upsample operator (ai.onnx).</summary>
internal static class Upsample
{
    internal static readonly OperatorSchema V1 = new("Upsample", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("height_scale", AttributeType.Float, Required: true),
            new("mode", "nearest"),
            new("width_scale", AttributeType.Float, Required: true),
        ],
        TypeConstraints =
        [
            new("T", "tensor(bool), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V7 = V1 with
    {
        SinceVersion = 7,
        Attributes =
        [
            new("mode", "nearest"),
            new("scales", AttributeType.Floats, Required: true),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V9 = V7 with
    {
        SinceVersion = 9,
        Inputs =
        [
            new("X", "T"),
            new("scales", "tensor(float)"),
        ],
        Attributes = [new("mode", "nearest")],
    };

    internal static readonly OperatorSchema V10 = V9 with
    {
        SinceVersion = 10,
        Deprecated = true,
        Inputs = [],
        Outputs = [],
        Attributes = [],
        TypeConstraints = [],
    };

    internal static OperatorSchema[] Versions => [V1, V7, V9, V10];
}
