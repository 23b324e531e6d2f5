using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Clip operator (ai.onnx).</summary>
internal static partial class Clip
{
    internal static readonly OperatorSchema V1 = new("Clip", 1)
    {
        Inputs = [new("input", "T")],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("consumed_inputs", AttributeType.Ints),
            new("max", AttributeType.Float),
            new("min", AttributeType.Float),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes =
        [
            new("max", float.MaxValue),
            new("min", float.MinValue),
        ],
    };

    internal static readonly OperatorSchema V11 = V6 with
    {
        SinceVersion = 11,
        Inputs =
        [
            new("input", "T"),
            new("min", "T", Optional),
            new("max", "T", Optional),
        ],
        Attributes = [],
        Inference = InferWithBoundInputs,
    };

    internal static readonly OperatorSchema V12 = V11 with
    {
        SinceVersion = 12,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
        FunctionBody = Clip.BodyV13,
    };

    /// <summary>Since version 11 the bounds are inputs, each a scalar; a one-element 1-D bound is tolerated as runtimes do.</summary>
    private static void InferWithBoundInputs(InferenceContext context)
    {
        for (int i = 1; i <= 2; i++)
        {
            if (context.HasInput(i) && context.InputShape(i) is { } bound && (bound.Rank > 1 || bound.Rank == 1 && bound.Dims[0].Value is long n && n != 1))
                throw context.Fail($"input {i} ('{(i == 1 ? "min" : "max")}') must be a scalar, but it has shape {bound}");
        }
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V1, V6, V11, V12, V13];
}
