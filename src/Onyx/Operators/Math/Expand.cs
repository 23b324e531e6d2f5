namespace Onyx.Operators;

/// <summary>The Expand operator (ai.onnx).</summary>
internal static class Expand
{
    internal static readonly OperatorSchema V8 = new("Expand", 8)
    {
        Inputs =
        [
            new("input", "T"),
            new("shape", "tensor(int64)"),
        ],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
        Inference = InferExpand,
    };

    internal static readonly OperatorSchema V13 = V8 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>The output broadcasts the input with the shape given by input 1, whose values are known or at least whose length is.</summary>
    private static void InferExpand(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        if (context.InputShape(1) is { Rank: not 1 } shapeOfShape)
            throw context.Fail($"input 1 ('shape') must be 1-D, but it has shape {shapeOfShape}");
        Shape? requested = context.InputValues(1) is { } values ? new Shape(values)
            : context.InputShape(1)?.Dims[0].Value is long length ? ShapeRules.UnknownShape(context, length)
            : null;
        Shape? input = context.InputShape(0);
        context.SetOutput(0, elementType, requested is null || input is null ? null : ShapeRules.Broadcast(context, [input, requested]));
    }

    internal static OperatorSchema[] Versions => [V8, V13];
}
