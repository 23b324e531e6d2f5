using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Resize operator (ai.onnx).</summary>
internal static class Resize
{
    internal static readonly OperatorSchema V10 = new("Resize", 10)
    {
        Inference = InferResize,
        Inputs =
        [
            new("X", "T"),
            new("scales", "tensor(float)"),
        ],
        Outputs = [new("Y", "T")],
        Attributes = [new("mode", "nearest")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V10 with
    {
        SinceVersion = 11,
        Inputs =
        [
            new("X", "T1"),
            new("roi", "T2"),
            new("scales", "tensor(float)"),
            new("sizes", "tensor(int64)", Optional),
        ],
        Outputs = [new("Y", "T1")],
        Attributes =
        [
            new("coordinate_transformation_mode", "half_pixel"),
            new("cubic_coeff_a", -0.75f),
            new("exclude_outside", 0L),
            new("extrapolation_value", 0.0f),
            new("mode", "nearest"),
            new("nearest_mode", "round_prefer_floor"),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        Inputs =
        [
            new("X", "T1"),
            new("roi", "T2", Optional),
            new("scales", "tensor(float)", Optional),
            new("sizes", "tensor(int64)", Optional),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V18 = V13 with
    {
        SinceVersion = 18,
        Attributes =
        [
            new("antialias", 0L),
            new("axes", AttributeType.Ints),
            new("coordinate_transformation_mode", "half_pixel"),
            new("cubic_coeff_a", -0.75f),
            new("exclude_outside", 0L),
            new("extrapolation_value", 0.0f),
            new("keep_aspect_ratio_policy", "stretch"),
            new("mode", "nearest"),
            new("nearest_mode", "round_prefer_floor"),
        ],
    };

    internal static readonly OperatorSchema V19 = V18 with { SinceVersion = 19 };

    /// <summary>
    /// Each resized axis (all, or 'axes' since 18) becomes floor(dim × scale), or the given size ('sizes' since 11, adjusted to keep
    /// the aspect ratio under keep_aspect_ratio_policy since 18). An empty scales or sizes counts as absent.
    /// </summary>
    private static void InferResize(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        int scalesInput = context.Schema.SinceVersion < 11 ? 1 : 2;
        long? scalesLength = context.HasInput(scalesInput) ? IntegerInputs.Length(context, scalesInput) : 0;
        long? sizesLength = context.HasInput(3) ? IntegerInputs.Length(context, 3) : 0;
        if (scalesLength > 0 && sizesLength > 0)
            throw context.Fail("only one of 'scales' and 'sizes' may be given");
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int[] axes = context.GetInts("axes") is { } listed
            ? IntegerInputs.Axes(context, listed, input.Rank, "attribute 'axes'")
            : [.. Enumerable.Range(0, input.Rank)];
        Dim[]? dims = null;
        if (sizesLength != 0 && context.InputValues(3) is { } sizes)
            dims = ResizeShapes.Sized(context, input, sizes, axes, context.GetString("keep_aspect_ratio_policy", "stretch"));
        else if (sizesLength == 0 && IntegerInputs.KnownReals(context, scalesInput) is { Length: > 0 } scales)
            dims = ResizeShapes.Scaled(context, input, scales, axes);
        context.SetOutput(0, elementType, dims ?? IntegerInputs.WithUnknownAxes(input, axes));
    }

    internal static OperatorSchema[] Versions => [V10, V11, V13, V18, V19];
}
