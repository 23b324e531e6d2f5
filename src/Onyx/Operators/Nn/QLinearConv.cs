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
        Inference = InferQLinearConv,
    };

    /// <summary>y is the convolution's output in y_zero_point's type; w_scale and w_zero_point are per tensor or per output channel.</summary>
    private static void InferQLinearConv(InferenceContext context)
    {
        Shape? y = ConvolutionShape.Forward(context, x: 0, w: 3, bias: 8);
        foreach (int input in (ReadOnlySpan<int>)[4, 5])
        {
            if (context.InputShape(input) is not { } quantization)
                continue;
            string name = context.Schema.Inputs[input].Name;
            if (quantization.Rank > 1)
                throw context.Fail($"input {name} has rank {quantization.Rank}; expected a scalar or a 1-D tensor of one value per output channel");
            if (quantization.Rank == 1 && quantization.Dims[0].Value != 1 && y is not null)
                y.Dims[1] = ShapeRules.Unify(context, y.Dims[1], quantization.Dims[0], $"the length of {name} and the output channels");
        }
        context.SetOutput(0, context.InputElementType(7), y);
    }

    internal static OperatorSchema[] Versions => [V10];
}
