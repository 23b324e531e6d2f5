using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>
/// FusedConv (ai.onyx): Y = activation(Conv(X, W, B) + Z). The convolution and its attributes are Conv-11's; Z, optional,
/// has Y's shape and is added before the activation (a residual branch). The activation is one of
/// <see cref="FusedActivation"/>'s. The optimizer writes it for Conv (+ Add) (+ activation) of float tensors.
/// </summary>
internal static class FusedConv
{
    internal static readonly OperatorSchema V1 = new("FusedConv", 1, OperatorDomains.Onyx)
    {
        Inputs =
        [
            new("X", "T"),
            new("W", "T"),
            new("B", "T", Optional),
            new("Z", "T", Optional),
        ],
        Outputs = [new("Y", "T")],
        Attributes = [.. Conv.V11.Attributes, .. FusedActivation.Attributes],
        TypeConstraints = [new("T", "tensor(float)")],
        Inference = context =>
        {
            FusedActivation.Check(context);
            ConvolutionShape.InferForward(context, x: 0, w: 1, bias: 2, context.InputElementType(0));
        },
    };

    internal static OperatorSchema[] Versions => [V1];
}
