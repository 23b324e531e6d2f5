using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The ConvInteger operator (ai.onnx).</summary>
internal static class ConvInteger
{
    internal static readonly OperatorSchema V10 = new("ConvInteger", 10)
    {
        Inputs =
        [
            new("x", "T1"),
            new("w", "T2"),
            new("x_zero_point", "T1", Optional),
            new("w_zero_point", "T2", Optional),
        ],
        Outputs = [new("y", "T3")],
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("dilations", AttributeType.Ints),
            new("group", 1L),
            new("kernel_shape", AttributeType.Ints),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(int8), tensor(uint8)"),
            new("T2", "tensor(int8), tensor(uint8)"),
            new("T3", "tensor(int32)"),
        ],
        Inference = c => ConvolutionShape.InferForward(c, x: 0, w: 1, bias: -1, DataType.Int32),
    };

    internal static OperatorSchema[] Versions => [V10];
}
