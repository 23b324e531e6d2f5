using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The BatchNormalization operator (ai.onnx).</summary>
internal static class BatchNormalization
{
    internal static readonly OperatorSchema V1 = new("BatchNormalization", 1)
    {
        Inputs =
        [
            new("X", "T"),
            new("scale", "T"),
            new("B", "T"),
            new("mean", "T"),
            new("var", "T"),
        ],
        Outputs =
        [
            new("Y", "T"),
            new("mean", "T", Optional),
            new("var", "T", Optional),
            new("saved_mean", "T", Optional),
            new("saved_var", "T", Optional),
        ],
        Attributes =
        [
            new("consumed_inputs", AttributeType.Ints, Required: true),
            new("epsilon", 1e-05f),
            new("is_test", 0L),
            new("momentum", 0.9f),
            new("spatial", 1L),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes =
        [
            new("epsilon", 1e-05f),
            new("is_test", 0L),
            new("momentum", 0.9f),
            new("spatial", 1L),
        ],
    };

    internal static readonly OperatorSchema V7 = V6 with
    {
        SinceVersion = 7,
        Attributes =
        [
            new("epsilon", 1e-05f),
            new("momentum", 0.9f),
            new("spatial", 1L),
        ],
    };

    internal static readonly OperatorSchema V9 = V7 with
    {
        SinceVersion = 9,
        Attributes =
        [
            new("epsilon", 1e-05f),
            new("momentum", 0.9f),
        ],
    };

    internal static readonly OperatorSchema V14 = V9 with
    {
        SinceVersion = 14,
        Inputs =
        [
            new("X", "T"),
            new("scale", "T"),
            new("B", "T"),
            new("input_mean", "U"),
            new("input_var", "U"),
        ],
        Outputs =
        [
            new("Y", "T"),
            new("running_mean", "U", Optional),
            new("running_var", "U", Optional),
        ],
        Attributes =
        [
            new("epsilon", 1e-05f),
            new("momentum", 0.9f),
            new("training_mode", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("U", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    internal static readonly OperatorSchema V15 = V14 with
    {
        SinceVersion = 15,
        Inputs =
        [
            new("X", "T"),
            new("scale", "T1"),
            new("B", "T1"),
            new("input_mean", "T2"),
            new("input_var", "T2"),
        ],
        Outputs =
        [
            new("Y", "T"),
            new("running_mean", "T2", Optional),
            new("running_var", "T2", Optional),
        ],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T1", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V7, V9, V14, V15];
}
