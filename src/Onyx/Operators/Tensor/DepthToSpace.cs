namespace Onyx.Operators;

/// <summary>The DepthToSpace operator (ai.onnx).</summary>
internal static class DepthToSpace
{
    internal static readonly OperatorSchema V1 = new("DepthToSpace", 1)
    {
        Inference = InferDepthToSpace,
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes = [new("blocksize", AttributeType.Int, Required: true)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V1 with
    {
        SinceVersion = 11,
        Attributes =
        [
            new("blocksize", AttributeType.Int, Required: true),
            new("mode", "DCR"),
        ],
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>[N, C, H, W] becomes [N, C / blocksize², H × blocksize, W × blocksize]; C must divide evenly.</summary>
    private static void InferDepthToSpace(InferenceContext context)
    {
        long block = BlockSize.Of(context);
        IntegerInputs.CheckInputRank(context, 0, 4, "input");
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, context.InputElementType(0), ShapeRules.UnknownShape(context, 4));
            return;
        }
        Dim channels = BlockSize.Divide(context, input.Dims[1], checked(block * block), "the channel dim");
        Dim height = ShapeRules.Multiply(context, input.Dims[2], block);
        Dim width = ShapeRules.Multiply(context, input.Dims[3], block);
        context.SetOutput(0, context.InputElementType(0), [input.Dims[0], channels, height, width]);
    }

    internal static OperatorSchema[] Versions => [V1, V11, V13];
}
