using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The ConvTranspose operator (ai.onnx).</summary>
internal static class ConvTranspose
{
    internal static readonly OperatorSchema V1 = new("ConvTranspose", 1)
    {
        Inputs =
        [
            new("X", "T"),
            new("W", "T"),
            new("B", "T", Optional),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("auto_pad", "NOTSET"),
            new("dilations", AttributeType.Ints),
            new("group", 1L),
            new("kernel_shape", AttributeType.Ints),
            new("output_padding", AttributeType.Ints),
            new("output_shape", AttributeType.Ints),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ConvolutionShape.InferTransposed,
    };

    internal static readonly OperatorSchema V11 = V1 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V22 = V11 with
    {
        SinceVersion = 22,
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
    };

    internal static OperatorSchema[] Versions => [V1, V11, V22];
}
