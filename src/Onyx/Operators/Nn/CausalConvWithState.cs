using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The CausalConvWithState operator (ai.onnx).</summary>
internal static partial class CausalConvWithState
{
    internal static readonly OperatorSchema V27 = new("CausalConvWithState", 27)
    {
        Inputs =
        [
            new("input", "T"),
            new("weight", "T"),
            new("bias", "T", Optional),
            new("past_state", "T", Optional),
        ],
        Outputs =
        [
            new("output", "T"),
            new("present_state", "T"),
        ],
        Attributes = [new("activation", "none")],
        TypeConstraints = [new("T", "tensor(float), tensor(float16), tensor(bfloat16)")],
        FunctionBody = CausalConvWithState.BodyV27,
    };

    internal static OperatorSchema[] Versions => [V27];
}
