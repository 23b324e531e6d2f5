namespace Onyx.Operators;

/// <summary>The Col2Im operator (ai.onnx).</summary>
internal static class Col2Im
{
    internal static readonly OperatorSchema V18 = new("Col2Im", 18)
    {
        Inputs =
        [
            new("input", "T"),
            new("image_shape", "tensor(int64)"),
            new("block_shape", "tensor(int64)"),
        ],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("dilations", AttributeType.Ints),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V18];
}
