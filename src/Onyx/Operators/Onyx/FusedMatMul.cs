using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>
/// FusedMatMul (ai.onyx): Y = activation(A·B + bias). A is [..., M, K] (rank 2 or more), B a matrix [K, N], bias
/// optional [N] added to every row; Y is [..., M, N]. The activation is one of <see cref="FusedActivation"/>'s.
/// The optimizer writes it for MatMul (+ Add) (+ activation) and Gemm (+ activation) of float tensors.
/// </summary>
internal static class FusedMatMul
{
    internal static readonly OperatorSchema V1 = new("FusedMatMul", 1, OperatorDomains.Onyx)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
            new("bias", "T", Optional),
        ],
        Outputs = [new("Y", "T")],
        Attributes = FusedActivation.Attributes,
        TypeConstraints = [new("T", "tensor(float)")],
        Inference = Infer,
    };

    private static void Infer(InferenceContext context)
    {
        FusedActivation.Check(context);
        if (context.InputRank(0) is < 2)
            throw context.Fail($"input A has shape {context.InputShape(0)}; expected rank 2 or more");
        if (context.InputRank(1) is { } rank && rank != 2)
            throw context.Fail($"input B has shape {context.InputShape(1)}; expected a matrix [K, N]");
        if (context.HasInput(2) && context.InputShape(2) is { } bias && context.InputShape(1) is { } b)
        {
            if (bias.Rank != 1)
                throw context.Fail($"input bias has shape {bias}; expected [N]");
            ShapeRules.Unify(context, bias.Dims[0], b.Dims[1], $"input bias {bias} must have one value per column of B {b}");
        }
        context.SetOutput(0, context.InputElementType(0), MatrixShapes.MatMul(context, 0, 1));
    }

    internal static OperatorSchema[] Versions => [V1];
}
