namespace Onyx.Operators;

/// <summary>
/// LayerNormalization (ai.onyx): LayerNormalization-17 of ai.onnx for float tensors (Y only), for models importing an
/// ai.onnx opset before 17.
/// </summary>
internal static partial class LayerNormalization
{
    internal static readonly OperatorSchema OnyxV1 = V17 with
    {
        Domain = OperatorDomains.Onyx,
        SinceVersion = 1,
        Outputs = [V17.Outputs[0]],
        TypeConstraints = [new("T", "tensor(float)")],
        FunctionBody = null,
    };

    internal static OperatorSchema[] OnyxVersions => [OnyxV1];
}
