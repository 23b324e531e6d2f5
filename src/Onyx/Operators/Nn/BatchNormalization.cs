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
        Inference = InferBatchNormalization,
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

    /// <summary>
    /// Y has X's shape. The statistics are one value per channel (shape C), or before version 9 with spatial = 0 one
    /// per element of C × D1 … Dn (the mean input's shape); since version 14 they have the mean input's type and
    /// exist only in training mode.
    /// </summary>
    private static void InferBatchNormalization(InferenceContext context)
    {
        Shape? x = context.InputShape(0);
        bool perChannel = context.Schema.FindAttribute("spatial") is null || context.GetInt("spatial", 1) == 1;
        Dim channels = x is null ? new Dim() : x.Rank >= 2 ? x.Dims[1] : new Dim(1);
        Shape? statistics = context.InputShape(3);
        if (perChannel)
        {
            for (int i = 1; i <= 4; i++)
                channels = ShapeRules.Unify(context, channels, ExpectedRank.DimOf(ExpectedRank.Exactly(context, i, 1, "C"), 0),
                    $"the length of input {context.Schema.Inputs[i].Name} and the channels of X");
            statistics = new Shape([channels]);
        }
        context.SetOutput(0, context.InputElementType(0), x);

        bool runningStatisticsOnly = context.Schema.SinceVersion >= 14;
        if (runningStatisticsOnly)
        {
            bool training = context.GetInt("training_mode", 0) != 0;
            int outputs = Enumerable.Range(0, context.OutputCount).Count(context.HasOutput);
            if (!training && outputs > 1)
                throw context.Fail("running_mean and running_var are produced only in training mode (training_mode = 1)");
        }
        DataType statisticsType = runningStatisticsOnly ? context.InputElementType(3) : context.InputElementType(0);
        for (int j = 1; j < context.OutputCount; j++)
            context.SetOutput(j, statisticsType, statistics);
    }

    internal static OperatorSchema[] Versions => [V1, V6, V7, V9, V14, V15];
}
