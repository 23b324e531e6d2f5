using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The ReduceSumSquare operator (ai.onnx).</summary>
internal static partial class ReduceSumSquare
{
    internal static readonly OperatorSchema V1 = new("ReduceSumSquare", 1)
    {
        Inputs = [new("data", "T")],
        Outputs = [new("reduced", "T")],
        Inference = Reduction.Infer,
        Attributes =
        [
            new("axes", AttributeType.Ints),
            new("keepdims", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V1 with { SinceVersion = 11 };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    internal static readonly OperatorSchema V18 = V13 with
    {
        SinceVersion = 18,
        Inputs =
        [
            new("data", "T"),
            new("axes", "tensor(int64)", Optional),
        ],
        Attributes =
        [
            new("keepdims", 1L),
            new("noop_with_empty_axes", 0L),
        ],
        FunctionBody = ReduceSumSquare.BodyV18,
    };

    internal static OperatorSchema[] Versions => [V1, V11, V13, V18];
}
