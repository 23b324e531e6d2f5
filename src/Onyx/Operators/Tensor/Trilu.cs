using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Trilu operator (ai.onnx).</summary>
internal static class Trilu
{
    internal static readonly OperatorSchema V14 = new("Trilu", 14)
    {
        Inference = InferTrilu,
        Inputs =
        [
            new("input", "T"),
            new("k", "tensor(int64)", Optional),
        ],
        Outputs = [new("output", "T")],
        Attributes = [new("upper", 1L)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>The output has the input's shape; the input must be at least 2-D and k a scalar.</summary>
    private static void InferTrilu(InferenceContext context)
    {
        if (context.InputRank(0) is < 2 and int rank)
            throw context.Fail($"input 'input' must have rank at least 2, found rank {rank}");
        if (context.HasInput(1))
            IntegerInputs.CheckInputRank(context, 1, 0, "k");
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V14];
}
