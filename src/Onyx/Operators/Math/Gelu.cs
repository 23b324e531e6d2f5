namespace Onyx.Operators;

/// <summary>The Gelu operator (ai.onnx).</summary>
internal static partial class Gelu
{
    internal static readonly OperatorSchema V20 = new("Gelu", 20)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("approximate", "none")],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
        Inference = InferGelu,
        FunctionBody = Gelu.BodyV20,
    };

    private static void InferGelu(InferenceContext context)
    {
        string approximate = context.GetString("approximate", "none");
        if (approximate is not ("none" or "tanh"))
            throw context.Fail($"attribute 'approximate' must be 'none' or 'tanh', but it is '{approximate}'");
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V20];
}
