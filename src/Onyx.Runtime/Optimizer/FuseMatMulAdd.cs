namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Turns MatMul(A, B) followed by an Add of a constant C into Gemm(A, B, C) when A is a matrix [M, K], B a constant
/// float or double matrix [K, N], C a constant of the same type whose shape broadcasts to [M, N] without growing it
/// (a scalar, [N], [1], [1, N], [1, 1], or with M known [M, N], [M, 1]), and the MatMul's output feeds only the
/// Add. Gemm takes C unidirectionally broadcast from version 7 on, so older models stay as they are.
/// </summary>
internal sealed class FuseMatMulAdd : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node add in graph.Graph.Nodes)
        {
            if (add.OpType != "Add" || add.Domain.Length > 0 || add.Inputs.Count != 2 || add.Outputs.Count != 1 || add.Outputs[0].Length == 0
                || graph.OpsetOf(add) < 7)
                continue;
            int product = graph.Producer(add.Inputs[0]) is { OpType: "MatMul" } ? 0 : 1;
            if (graph.Producer(add.Inputs[product]) is not { OpType: "MatMul", Domain: "" } matMul || matMul.Inputs.Count != 2 || matMul.Outputs.Count != 1
                || !graph.HasSingleReader(matMul.Outputs[0]) || matMul.Inputs[0].Length == 0 || graph.OpsetOf(matMul) < 7
                || graph.Type(matMul.Inputs[0]) is not TensorTypeInfo { Shape.Rank: 2 } a
                || graph.Constant(matMul.Inputs[1]) is not { DataType: DataType.Float or DataType.Double, Dims.Length: 2 } b || b.DataType != a.ElementType
                || graph.Constant(add.Inputs[1 - product]) is not { } c || c.DataType != b.DataType
                || !BroadcastsWithinProduct(c.Dims, a.Shape!.Dims[0].Value, b.Dims[1]))
                continue;
            var gemm = new Node("Gemm", [matMul.Inputs[0], matMul.Inputs[1], add.Inputs[1 - product]], [add.Outputs[0]], matMul.Name);
            yield return new GraphPatch([matMul, add], [gemm]);
        }
    }

    private static bool BroadcastsWithinProduct(long[] c, long? m, long n) => c.Length switch
    {
        0 => true,
        1 => c[0] == n || c[0] == 1,
        2 => (c[0] == 1 || c[0] == m) && (c[1] == n || c[1] == 1),
        _ => false,
    };
}
