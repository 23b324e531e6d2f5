using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The DeformConv operator (ai.onnx).</summary>
internal static class DeformConv
{
    internal static readonly OperatorSchema V19 = new("DeformConv", 19)
    {
        Inputs =
        [
            new("X", "T"),
            new("W", "T"),
            new("offset", "T"),
            new("B", "T", Optional),
            new("mask", "T", Optional),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("dilations", AttributeType.Ints),
            new("group", 1L),
            new("kernel_shape", AttributeType.Ints),
            new("offset_group", 1L),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = c => ConvolutionShape.InferForward(c, x: 0, w: 1, bias: 3, c.InputElementType(0)),
    };

    internal static readonly OperatorSchema V22 = V19 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V19, V22];
}
