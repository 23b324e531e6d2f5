using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Gemm operator (ai.onnx).</summary>
internal static class Gemm
{
    internal static readonly OperatorSchema V1 = new("Gemm", 1)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
            new("C", "T"),
        ],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("alpha", 1.0f),
            new("beta", 1.0f),
            new("broadcast", 0L),
            new("transA", 0L),
            new("transB", 0L),
        ],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = context => InferGemm(context, broadcastC: context.GetInt("broadcast", 0) != 0),
    };

    internal static readonly OperatorSchema V6 = V1 with { SinceVersion = 6 };

    internal static readonly OperatorSchema V7 = V6 with
    {
        SinceVersion = 7,
        Attributes =
        [
            new("alpha", 1.0f),
            new("beta", 1.0f),
            new("transA", 0L),
            new("transB", 0L),
        ],
        Inference = context => InferGemm(context, broadcastC: true),
    };

    internal static readonly OperatorSchema V9 = V7 with
    {
        SinceVersion = 9,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(uint32), tensor(uint64), tensor(int32), tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V9 with
    {
        SinceVersion = 11,
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
            new("C", "T", Optional),
        ],
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double), tensor(uint32), tensor(uint64), tensor(int32), tensor(int64), tensor(bfloat16)"),
        ],
    };

    /// <summary>Y is [M, N] from A [M, K] and B [K, N] (each transposed first when asked); C broadcasts unidirectionally to Y, or before version 7 with broadcast=0 must be [M, N].</summary>
    private static void InferGemm(InferenceContext context, bool broadcastC)
    {
        Shape? a = context.InputShape(0), b = context.InputShape(1);
        if (a is { Rank: not 2 } || b is { Rank: not 2 })
            throw context.Fail($"inputs A and B must be matrices (rank 2), but A has shape {a?.ToString() ?? "unknown"} and B has shape {b?.ToString() ?? "unknown"}");
        bool transA = context.GetInt("transA", 0) != 0, transB = context.GetInt("transB", 0) != 0;
        if (a is not null && b is not null)
        {
            ShapeRules.Unify(context, a.Dims[transA ? 0 : 1], b.Dims[transB ? 1 : 0],
                $"the inner dimension K of A {a} (transA={(transA ? 1 : 0)}) must equal that of B {b} (transB={(transB ? 1 : 0)})");
        }
        var output = new Shape([a?.Dims[transA ? 1 : 0] ?? new Dim(), b?.Dims[transB ? 0 : 1] ?? new Dim()]);
        if (context.HasInput(2) && context.InputShape(2) is { } c)
        {
            if (!broadcastC && c.Rank != 2)
                throw context.Fail($"input C must be [M, N] {output} when attribute 'broadcast' is 0, but it has shape {c}");
            MatrixShapes.CheckUnidirectional(context, c, output, "input C");
            if (!broadcastC)
            {
                Shape mn = output;
                output = new Shape(mn.Dims.Select((d, i) => ShapeRules.Unify(context, d, c.Dims[i], $"input C {c} must be [M, N] {mn} when attribute 'broadcast' is 0")));
            }
        }
        context.SetOutput(0, context.InputElementType(0), output);
    }

    internal static OperatorSchema[] Versions => [V1, V6, V7, V9, V11, V13];
}
