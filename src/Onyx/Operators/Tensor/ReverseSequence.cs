namespace Onyx.Operators;

/// <summary>The ReverseSequence operator (ai.onnx).</summary>
internal static class ReverseSequence
{
    internal static readonly OperatorSchema V10 = new("ReverseSequence", 10)
    {
        Inference = InferReverseSequence,
        Inputs =
        [
            new("input", "T"),
            new("sequence_lens", "tensor(int64)"),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("batch_axis", 1L),
            new("time_axis", 0L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    /// <summary>The output has the input's shape; batch_axis and time_axis are 0 and 1 (either way) and sequence_lens is [batch].</summary>
    private static void InferReverseSequence(InferenceContext context)
    {
        long batchAxis = context.GetInt("batch_axis", 1), timeAxis = context.GetInt("time_axis", 0);
        if (batchAxis is not (0 or 1) || timeAxis is not (0 or 1) || batchAxis == timeAxis)
            throw context.Fail($"batch_axis ({batchAxis}) and time_axis ({timeAxis}) must be 0 and 1, one each");
        IntegerInputs.CheckInputRank(context, 1, 1, "sequence_lens");
        if (context.InputShape(0) is { } input)
        {
            if (input.Rank < 2)
                throw context.Fail($"input 'input' must have rank at least 2, found {input}");
            if (context.InputShape(1) is { Rank: 1 } lengths)
                ShapeRules.Unify(context, lengths.Dims[0], input.Dims[(int)batchAxis], "the length of 'sequence_lens' and the batch dim");
        }
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V10];
}
