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
        Inference = InferCausalConvWithState,
        FunctionBody = CausalConvWithState.BodyV27,
    };

    /// <summary>
    /// output has input's shape (batch × channels × length); present_state is (batch × channels × k − 1) for a
    /// depthwise weight (channels × 1 × k).
    /// </summary>
    private static void InferCausalConvWithState(InferenceContext context)
    {
        string activation = context.GetString("activation", "none");
        if (activation is not ("none" or "silu" or "swish"))
            throw context.Fail($"attribute 'activation' is '{activation}'; expected none, silu or swish");
        Shape? input = ExpectedRank.Exactly(context, 0, 3, "batch × channels × length");
        Shape? weight = ExpectedRank.Exactly(context, 1, 3, "channels × 1 × k");
        Shape? bias = ExpectedRank.Exactly(context, 2, 1, "channels");
        Shape? past = ExpectedRank.Exactly(context, 3, 3, "batch × channels × k − 1");
        if (weight?.Dims[1].Value is long perGroup && perGroup != 1)
            throw context.Fail($"input weight has {perGroup} as its middle dim; expected 1 (depthwise)");
        if (weight?.Dims[2].Value is long k && k < 1)
            throw context.Fail($"input weight has kernel size {k}; expected at least 1");
        Dim batch = ShapeRules.Unify(context, ExpectedRank.DimOf(input, 0), ExpectedRank.DimOf(past, 0), "the batch of input and past_state");
        Dim channels = ShapeRules.Unify(context, ExpectedRank.DimOf(input, 1), ExpectedRank.DimOf(weight, 0), "the channels of input and weight");
        channels = ShapeRules.Unify(context, channels, ExpectedRank.DimOf(bias, 0), "the channels of input and bias");
        channels = ShapeRules.Unify(context, channels, ExpectedRank.DimOf(past, 1), "the channels of input and past_state");
        Dim state = ExpectedRank.DimOf(weight, 2).Value is long kernel ? new Dim(kernel - 1) : new Dim();
        state = ShapeRules.Unify(context, state, ExpectedRank.DimOf(past, 2), "k − 1 and the last dim of past_state");

        DataType type = context.InputElementType(0);
        context.SetOutput(0, type, input is null ? null : new Shape([batch, channels, input.Dims[2]]));
        context.SetOutput(1, type, [batch, channels, state]);
    }

    internal static OperatorSchema[] Versions => [V27];
}
