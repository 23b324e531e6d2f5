using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The QLinearConv operator (ai.onnx).</summary>
internal static class QLinearConv
{
    internal static readonly OperatorSchema V10 = new("QLinearConv", 10)
    {
        Inputs =
        [
            new("x", "T1"),
            new("x_scale", "tensor(float)"),
            new("x_zero_point", "T1"),
            new("w", "T2"),
            new("w_scale", "tensor(float)"),
            new("w_zero_point", "T2"),
            new("y_scale", "tensor(float)"),
            new("y_zero_point", "T3"),
            new("B", "T4", Optional),
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
            new("T3", "tensor(int8), tensor(uint8)"),
            new("T4", "tensor(int32)"),
        ],
        Inference = c => ConvolutionShape.InferForward(c, x: 0, w: 3, bias: 8, c.InputElementType(7)),
    };

    internal static OperatorSchema[] Versions => [V10];
}
