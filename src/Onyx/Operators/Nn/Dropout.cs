using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Dropout operator (ai.onnx).</summary>
internal static class Dropout
{
    internal static readonly OperatorSchema V1 = new("Dropout", 1)
    {
        Inputs = [new("data", "T")],
        Outputs =
        [
            new("output", "T"),
            new("mask", "T", Optional),
        ],
        Attributes =
        [
            new("consumed_inputs", AttributeType.Ints),
            new("is_test", 0L),
            new("ratio", 0.5f),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = InferDropout,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes =
        [
            new("is_test", 0L),
            new("ratio", 0.5f),
        ],
    };

    internal static readonly OperatorSchema V7 = V6 with
    {
        SinceVersion = 7,
        Attributes = [new("ratio", 0.5f)],
    };

    internal static readonly OperatorSchema V10 = V7 with
    {
        SinceVersion = 10,
        Outputs =
        [
            new("output", "T"),
            new("mask", "T1", Optional),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V12 = V10 with
    {
        SinceVersion = 12,
        Inputs =
        [
            new("data", "T"),
            new("ratio", "T1", Optional),
            new("training_mode", "T2", Optional),
        ],
        Outputs =
        [
            new("output", "T"),
            new("mask", "T2", Optional),
        ],
        Attributes = [new("seed", AttributeType.Int)],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T1", "tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V22 = V13 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
            new("T2", "tensor(bool)"),
        ],
    };

    /// <summary>
    /// The output and mask have the data's shape; the mask is of the data's type before version 10 and bool since.
    /// Since version 12 ratio and training_mode are scalars.
    /// </summary>
    private static void InferDropout(InferenceContext context)
    {
        ExpectedRank.Exactly(context, 1, 0, "a scalar ratio");
        ExpectedRank.Exactly(context, 2, 0, "a scalar flag");
        float ratio = context.GetFloat("ratio", 0.5f);
        if (ratio is < 0 or >= 1)
            throw context.Fail($"attribute 'ratio' is {ratio}; expected a value in [0, 1)");
        Shape? data = context.InputShape(0);
        context.SetOutput(0, context.InputElementType(0), data);
        if (context.OutputCount > 1)
            context.SetOutput(1, context.Schema.SinceVersion >= 10 ? DataType.Bool : context.InputElementType(0), data);
    }

    internal static OperatorSchema[] Versions => [V1, V6, V7, V10, V12, V13, V22];
}
