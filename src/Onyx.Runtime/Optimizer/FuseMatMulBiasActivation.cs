using static Onyx.Runtime.Optimizer.FusionOperands;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Writes ai.onyx.FusedMatMul for float products by a constant matrix followed by a bias and an activation:
/// MatMul(A, B) then Add of a constant row vector and/or an activation (<see cref="FusionOperands.Activation"/>);
/// Gemm(A, B, C) with constant B and C followed by an activation (transB applied to the constant, alpha and beta folded
/// into B and the bias); and an activation after a FusedMatMul that has none. A is [..., M, K] of known rank 2 or more.
/// </summary>
internal sealed class FuseMatMulBiasActivation : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Extended;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node node in graph.Graph.Nodes)
        {
            GraphPatch? patch = node switch
            {
                { OpType: "MatMul", Domain: "" } => FromMatMul(graph, node),
                { OpType: "Gemm", Domain: "" } => FromGemm(graph, node),
                { OpType: "FusedMatMul", Domain: OperatorDomains.Onyx } => WithActivation(graph, node),
                _ => null,
            };
            if (patch is not null)
                yield return patch;
        }
    }

    private static GraphPatch? FromMatMul(GraphView graph, Node matMul)
    {
        if (matMul.Inputs.Count != 2 || matMul.Outputs.Count != 1 || !IsFloatTensor(graph, matMul.Inputs[0]) || Rank(graph, matMul.Inputs[0]) is not >= 2
            || Constant(graph, matMul.Inputs[1]) is not { DataType: DataType.Float, Dims: [_, long n] })
        {
            return null;
        }
        var removed = new List<Node> { matMul };
        var added = new List<Tensor>();
        string output = matMul.Outputs[0];
        string bias = "";
        if (SoleReader(graph, output, "Add") is { } add && RowVector(graph, Other(add, output), Rank(graph, output) ?? 0, n) is { } values)
        {
            removed.Add(add);
            output = add.Outputs[0];
            if (Constant(graph, Other(add, matMul.Outputs[0])) is { Dims: [long w] } && w == n)
            {
                bias = Other(add, matMul.Outputs[0]);
            }
            else
            {
                Tensor t = Initializer(graph, "bias", values, n);
                added.Add(t);
                bias = t.Name;
            }
        }
        (Node? activation, string name, float[] parameters) = FollowingActivation(graph, output);
        if (activation is not null)
        {
            removed.Add(activation);
            output = activation.Outputs[0];
        }
        if (removed.Count == 1)
            return null;
        return Fused(matMul, [matMul.Inputs[0], matMul.Inputs[1], bias], output, name, parameters, removed) with { Initializers = added };
    }

    /// <summary>Gemm (A not transposed) whose output an activation alone reads: B, transposed and scaled by alpha, and C as a row vector times beta.</summary>
    private static GraphPatch? FromGemm(GraphView graph, Node gemm)
    {
        if (gemm.Outputs.Count != 1 || gemm.Inputs.Count < 2 || !IsFloatTensor(graph, gemm.Inputs[0]) || Rank(graph, gemm.Inputs[0]) != 2
            || (gemm.FindAttribute("transA")?.Int ?? 0) != 0 || Constant(graph, gemm.Inputs[1]) is not { DataType: DataType.Float, HasData: true, Dims: [long rows, long columns] } b)
        {
            return null;
        }
        (Node? activation, string name, float[] parameters) = FollowingActivation(graph, gemm.Outputs[0]);
        if (activation is null || (graph.OpsetOf(gemm) < 7 && (gemm.FindAttribute("broadcast")?.Int ?? 0) == 0 && gemm.Inputs.Count > 2))
            return null;
        bool transB = (gemm.FindAttribute("transB")?.Int ?? 0) != 0;
        float alpha = gemm.FindAttribute("alpha")?.Float ?? 1, beta = gemm.FindAttribute("beta")?.Float ?? 1;
        long k = transB ? columns : rows, n = transB ? rows : columns;
        float[] bias = [];
        if (gemm.Inputs.Count > 2 && gemm.Inputs[2].Length > 0)
        {
            if (RowVector(graph, gemm.Inputs[2], 2, n) is not { } c)
                return null;
            bias = [.. c.Select(v => v * beta)];
        }
        float[] source = b.ToArray<float>(), weights = new float[source.Length];
        for (long i = 0; i < k; i++)
            for (long j = 0; j < n; j++)
                weights[i * n + j] = alpha * source[transB ? j * k + i : i * n + j];
        Tensor w = Initializer(graph, "weights", weights, k, n);
        List<Tensor> added = [w];
        if (bias.Length > 0)
            added.Add(Initializer(graph, "bias", bias, n));
        return Fused(gemm, [gemm.Inputs[0], w.Name, bias.Length > 0 ? added[1].Name : ""], activation.Outputs[0], name, parameters, [gemm, activation])
            with { Initializers = added };
    }

    private static GraphPatch? WithActivation(GraphView graph, Node fused)
    {
        if ((fused.FindAttribute("activation")?.StringValue ?? "none") != "none" || fused.Outputs.Count != 1)
            return null;
        (Node? activation, string name, float[] parameters) = FollowingActivation(graph, fused.Outputs[0]);
        return activation is null ? null : Fused(fused, fused.Inputs, activation.Outputs[0], name, parameters, [fused, activation]);
    }

    private static GraphPatch Fused(Node head, IReadOnlyList<string> inputs, string output, string activation, float[] parameters, List<Node> removed)
    {
        var node = new Node("FusedMatMul", inputs.Count > 2 && inputs[2].Length > 0 ? inputs : inputs.Take(2), [output], head.Name, OperatorDomains.Onyx);
        if (activation != "none")
            node.Attributes.AddRange(ActivationAttributes(activation, parameters));
        return new GraphPatch(removed, [node]);
    }
}
