namespace Onyx.Operators;

/// <summary>The Upsample operator (ai.onnx).</summary>
internal static class Upsample
{
    internal static readonly OperatorSchema V1 = new("Upsample", 1)
    {
        Inference = InferUpsample,
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("height_scale", AttributeType.Float, Required: true),
            new("mode", "nearest"),
            new("width_scale", AttributeType.Float, Required: true),
        ],
        TypeConstraints =
        [
            new("T", "tensor(bool), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V7 = V1 with
    {
        SinceVersion = 7,
        Attributes =
        [
            new("mode", "nearest"),
            new("scales", AttributeType.Floats, Required: true),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V9 = V7 with
    {
        SinceVersion = 9,
        Inputs =
        [
            new("X", "T"),
            new("scales", "tensor(float)"),
        ],
        Attributes = [new("mode", "nearest")],
    };

    internal static readonly OperatorSchema V10 = V9 with
    {
        SinceVersion = 10,
        Deprecated = true,
        Inputs = [],
        Outputs = [],
        Attributes = [],
        TypeConstraints = [],
    };

    /// <summary>
    /// Each dim becomes floor(dim × scale): height_scale and width_scale on a 4-D input in version 1, attribute 'scales' in 7,
    /// input 'scales' in 9.
    /// </summary>
    private static void InferUpsample(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        int version = context.Schema.SinceVersion;
        if (version == 1)
            IntegerInputs.CheckInputRank(context, 0, 4, "X");
        double[]? scales = version switch
        {
            1 => [1, 1, context.GetFloat("height_scale") ?? throw context.Fail("attribute 'height_scale' is required"),
                context.GetFloat("width_scale") ?? throw context.Fail("attribute 'width_scale' is required")],
            7 => context.GetFloats("scales")?.Select(s => (double)s).ToArray() ?? throw context.Fail("attribute 'scales' is required"),
            _ => IntegerInputs.KnownReals(context, 1),
        };
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int[] axes = [.. Enumerable.Range(0, input.Rank)];
        context.SetOutput(0, elementType, scales is null ? IntegerInputs.WithUnknownAxes(input, null) : ResizeShapes.Scaled(context, input, scales, axes));
    }

    internal static OperatorSchema[] Versions => [V1, V7, V9, V10];
}
