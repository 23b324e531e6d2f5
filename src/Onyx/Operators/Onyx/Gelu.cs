namespace Onyx.Operators;

/// <summary>Gelu (ai.onyx): Gelu-20 of ai.onnx for float tensors, for models importing an ai.onnx opset before 20.</summary>
internal static partial class Gelu
{
    internal static readonly OperatorSchema OnyxV1 = V20 with
    {
        Domain = OperatorDomains.Onyx,
        SinceVersion = 1,
        TypeConstraints = [new("T", "tensor(float)")],
        FunctionBody = null,
    };

    internal static OperatorSchema[] OnyxVersions => [OnyxV1];
}
