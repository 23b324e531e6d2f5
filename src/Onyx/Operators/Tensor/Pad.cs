using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Pad operator (ai.onnx).</summary>
internal static class Pad
{
    internal static readonly OperatorSchema V1 = new("Pad", 1)
    {
        Inference = InferPad,
        Inputs = [new("data", "T")],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("mode", "constant"),
            new("paddings", AttributeType.Ints, Required: true),
            new("value", 0.0f),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V2 = V1 with
    {
        SinceVersion = 2,
        Attributes =
        [
            new("mode", "constant"),
            new("pads", AttributeType.Ints, Required: true),
            new("value", 0.0f),
        ],
    };

    internal static readonly OperatorSchema V11 = V2 with
    {
        SinceVersion = 11,
        Inputs =
        [
            new("data", "T"),
            new("pads", "tensor(int64)"),
            new("constant_value", "T", Optional),
        ],
        Attributes = [new("mode", "constant")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
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

    internal static readonly OperatorSchema V18 = V13 with
    {
        SinceVersion = 18,
        Inputs =
        [
            new("data", "T"),
            new("pads", "tensor(int64)"),
            new("constant_value", "T", Optional),
            new("axes", "Tind", Optional),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V19 = V18 with { SinceVersion = 19 };

    internal static readonly OperatorSchema V21 = V19 with
    {
        SinceVersion = 21,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V23 = V21 with
    {
        SinceVersion = 23,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0), tensor(uint2), tensor(int2)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
    };

    /// <summary>
    /// Each padded axis grows by its begin and end pads (attribute 'paddings' in version 1, 'pads' in 2, input since 11; since 18 only
    /// the listed axes are padded). Negative pads remove elements.
    /// </summary>
    private static void InferPad(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        int version = context.Schema.SinceVersion;
        (_, long[]? pads) = IntegerInputs.AttributeOrInput(context, version == 1 ? "paddings" : "pads", 1, 11);
        if (version >= 11)
            IntegerInputs.CheckInputRank(context, 1, 1, "pads");
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int[]? axes = [.. Enumerable.Range(0, input.Rank)];
        if (context.HasInput(3))
            axes = IntegerInputs.Known(context, 3) is { } listed ? IntegerInputs.Axes(context, listed, input.Rank, "axes") : null;
        if (pads is null || axes is null)
        {
            context.SetOutput(0, elementType, IntegerInputs.WithUnknownAxes(input, axes));
            return;
        }
        if (pads.Length != 2 * axes.Length)
            throw context.Fail($"'pads' has {pads.Length} elements, but {axes.Length} axes are padded (expected {2 * axes.Length}: all begins, then all ends)");
        Dim[] dims = [.. input.Dims];
        for (int i = 0; i < axes.Length; i++)
        {
            Dim padded = ShapeRules.Add(context, ShapeRules.Add(context, dims[axes[i]], pads[i]), pads[i + axes.Length]);
            if (padded.Value < 0)
                throw context.Fail($"pads {pads[i]} and {pads[i + axes.Length]} make dim {axes[i]} of {input} negative");
            dims[axes[i]] = padded;
        }
        context.SetOutput(0, elementType, dims);
    }

    internal static OperatorSchema[] Versions => [V1, V2, V11, V13, V18, V19, V21, V23, V24, V25];
}
