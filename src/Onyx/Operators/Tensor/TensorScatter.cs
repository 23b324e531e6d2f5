using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The TensorScatter operator (ai.onnx).</summary>
internal static class TensorScatter
{
    internal static readonly OperatorSchema V24 = new("TensorScatter", 24)
    {
        Inference = InferTensorScatter,
        Inputs =
        [
            new("past_cache", "T"),
            new("update", "T"),
            new("write_indices", "tensor(int64)", Optional),
        ],
        Outputs = [new("present_cache", "T")],
        Attributes =
        [
            new("axis", -2L),
            new("mode", "linear"),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0)"),
        ],
    };

    /// <summary>present_cache has past_cache's shape; update may differ from it only along the sequence axis (never axis 0).</summary>
    private static void InferTensorScatter(InferenceContext context)
    {
        if (context.InputShape(0) is { } past && context.InputShape(1) is { } update)
        {
            if (past.Rank != update.Rank)
                throw context.Fail($"'update' {update} must have the rank of 'past_cache' {past}");
            int axis = ShapeRules.Axis(context, context.GetInt("axis", -2), past.Rank);
            if (axis == 0)
                throw context.Fail("'axis' cannot be 0, the batch dimension");
            for (int i = 0; i < past.Rank; i++)
                if (i != axis)
                    ShapeRules.Unify(context, past.Dims[i], update.Dims[i], $"dimension {i} of 'update' and 'past_cache'");
        }
        ShapeRules.SameAsFirstInput(context);
    }

    internal static OperatorSchema[] Versions => [V24];
}
