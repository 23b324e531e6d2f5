namespace Onyx.Operators;

/// <summary>The DynamicQuantizeLinear operator (ai.onnx).</summary>
internal static partial class DynamicQuantizeLinear
{
    internal static readonly OperatorSchema V11 = new("DynamicQuantizeLinear", 11)
    {
        Inputs = [new("x", "T1")],
        Outputs =
        [
            new("y", "T2"),
            new("y_scale", "tensor(float)"),
            new("y_zero_point", "T2"),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float)"),
            new("T2", "tensor(uint8)"),
        ],
        Inference = QuantizationShapes.DynamicQuantize,
        FunctionBody = DynamicQuantizeLinear.BodyV11,
    };

    internal static OperatorSchema[] Versions => [V11];
}
