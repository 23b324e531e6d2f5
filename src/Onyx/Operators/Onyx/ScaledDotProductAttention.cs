using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>
/// ScaledDotProductAttention (ai.onyx): Y = Softmax(scale·Q·KT + mask, last axis)·V, per matrix of the batch. Q is
/// [..., S, D], KT the keys already transposed [..., D, T], V [..., T, Dv], all with the same batch dims; mask, optional,
/// is added to the scores and broadcasts to [..., S, T] (numpy rules). Y is [..., S, Dv]. The optimizer writes it for
/// the MatMul, Mul or Div by a constant, Add, Softmax, MatMul chain of exported attention layers.
/// </summary>
internal static class ScaledDotProductAttention
{
    internal static readonly OperatorSchema V1 = new("ScaledDotProductAttention", 1, OperatorDomains.Onyx)
    {
        Inputs =
        [
            new("Q", "T"),
            new("KT", "T"),
            new("V", "T"),
            new("mask", "T", Optional),
        ],
        Outputs = [new("Y", "T")],
        Attributes = [new("scale", 1f)],
        TypeConstraints = [new("T", "tensor(float)")],
        Inference = Infer,
    };

    private static void Infer(InferenceContext context)
    {
        Shape? q = context.InputShape(0), kt = context.InputShape(1), v = context.InputShape(2);
        if (q is null || kt is null || v is null)
        {
            context.SetOutput(0, context.InputElementType(0), (Shape?)null);
            return;
        }
        if (q.Rank < 2 || kt.Rank != q.Rank || v.Rank != q.Rank)
            throw context.Fail($"inputs Q {q}, KT {kt} and V {v} must have one rank, 2 or more");
        ShapeRules.Unify(context, q.Dims[^1], kt.Dims[^2], $"Q {q} and KT {kt} must agree on the head size");
        ShapeRules.Unify(context, kt.Dims[^1], v.Dims[^2], $"KT {kt} and V {v} must agree on the key count");
        var dims = new List<Dim>(q.Rank);
        for (int i = 0; i < q.Rank - 2; i++)
        {
            Dim d = ShapeRules.Unify(context, q.Dims[i], kt.Dims[i], $"Q {q} and KT {kt} must have the same batch dims");
            dims.Add(ShapeRules.Unify(context, d, v.Dims[i], $"Q {q} and V {v} must have the same batch dims"));
        }
        dims.Add(q.Dims[^2]);
        dims.Add(v.Dims[^1]);
        context.SetOutput(0, context.InputElementType(0), dims);
    }

    internal static OperatorSchema[] Versions => [V1];
}
