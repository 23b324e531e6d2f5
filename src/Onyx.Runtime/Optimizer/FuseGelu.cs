using static Onyx.Runtime.Optimizer.FusionOperands;

namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Writes Gelu for the float subgraphs exporters write for it: x·0.5·(1 + erf(x/√2)) (Div by √2 or Mul by 1/√2) and
/// 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (x³ as Pow(x, 3) or x·x·x), with the 0.5 applied to x, to the sum, or to
/// the product. The node is Gelu-20 where the model imports ai.onnx 20 or later, else ai.onyx.Gelu.
/// </summary>
internal sealed class FuseGelu : GraphPass
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double SqrtTwoOverPi = 0.7978845608028654;

    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Extended;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node node in graph.Graph.Nodes)
        {
            GraphPatch? patch = node is { Domain: "", Outputs.Count: 1, Inputs.Count: 1 } && graph.Type(node.Outputs[0]) is TensorTypeInfo { ElementType: DataType.Float }
                ? node.OpType switch
                {
                    "Erf" => FromErf(graph, node),
                    "Tanh" => FromTanh(graph, node),
                    _ => null,
                }
                : null;
            if (patch is not null)
                yield return patch;
        }
    }

    /// <summary>Erf(x/√2) or Erf(x·(1/√2)): x and the scaling node.</summary>
    private static GraphPatch? FromErf(GraphView graph, Node erf)
    {
        if (graph.Producer(erf.Inputs[0]) is not { Domain: "", Inputs.Count: 2 } scaling || !graph.HasSingleReader(erf.Inputs[0]))
            return null;
        string x;
        if (scaling.OpType == "Div" && IsScalar(graph, scaling.Inputs[1], Sqrt2))
            x = scaling.Inputs[0];
        else if (scaling.OpType == "Mul" && IsScalar(graph, scaling.Inputs[1], 1 / Sqrt2))
            x = scaling.Inputs[0];
        else if (scaling.OpType == "Mul" && IsScalar(graph, scaling.Inputs[0], 1 / Sqrt2))
            x = scaling.Inputs[1];
        else
            return null;
        return Tail(graph, x, erf, [scaling, erf], "none");
    }

    /// <summary>Tanh(√(2/π)·(x + 0.044715·x³)): x and the nodes of the polynomial.</summary>
    private static GraphPatch? FromTanh(GraphView graph, Node tanh)
    {
        if (SoleProducer(graph, tanh.Inputs[0], "Mul") is not { } outer)
            return null;
        string sum = IsScalar(graph, outer.Inputs[1], SqrtTwoOverPi) ? outer.Inputs[0] : IsScalar(graph, outer.Inputs[0], SqrtTwoOverPi) ? outer.Inputs[1] : "";
        if (sum.Length == 0 || SoleProducer(graph, sum, "Add") is not { } add)
            return null;
        foreach (string x in add.Inputs)
        {
            string cubic = Other(add, x);
            if (SoleProducer(graph, cubic, "Mul") is not { } weighted)
                continue;
            string cube = IsScalar(graph, weighted.Inputs[1], 0.044715) ? weighted.Inputs[0] : IsScalar(graph, weighted.Inputs[0], 0.044715) ? weighted.Inputs[1] : "";
            if (cube.Length > 0 && Cube(graph, cube, x) is { } cubeNodes)
                return Tail(graph, x, tanh, [.. cubeNodes, weighted, add, outer, tanh], "tanh");
        }
        return null;
    }

    /// <summary>The nodes computing <paramref name="value"/> as x³: Pow(x, 3), Mul(Mul(x, x), x) or Mul(x, Mul(x, x)).</summary>
    private static List<Node>? Cube(GraphView graph, string value, string x)
    {
        if (SoleProducer(graph, value, "Pow") is { } pow)
            return pow.Inputs[0] == x && IsScalar(graph, pow.Inputs[1], 3) ? [pow] : null;
        if (SoleProducer(graph, value, "Mul") is not { } outer)
            return null;
        foreach (string square in outer.Inputs)
        {
            if (Other(outer, square) == x && SoleProducer(graph, square, "Mul") is { } inner && inner.Inputs[0] == x && inner.Inputs[1] == x)
                return [inner, outer];
        }
        return null;
    }

    /// <summary>
    /// The rest after f = erf(…) or tanh(…): (1 + f) times x and 0.5 in one of the orders x·(1+f)·0.5, (0.5·x)·(1+f)
    /// or x·((1+f)·0.5); the patch replaces <paramref name="head"/> and all of it with one Gelu.
    /// </summary>
    private static GraphPatch? Tail(GraphView graph, string x, Node f, List<Node> head, string approximate)
    {
        if (SoleReader(graph, f.Outputs[0], "Add") is not { } plusOne || !IsScalar(graph, Other(plusOne, f.Outputs[0]), 1))
            return null;
        string sum = plusOne.Outputs[0];
        if (SoleReader(graph, sum, "Mul") is not { } first)
            return null;
        string other = Other(first, sum);
        List<Node> nodes = [.. head, plusOne, first];
        string output;
        if (other == x && SoleReader(graph, first.Outputs[0], "Mul") is { } half && IsScalar(graph, Other(half, first.Outputs[0]), 0.5))
        {
            nodes.Add(half);
            output = half.Outputs[0];
        }
        else if (IsScalar(graph, other, 0.5) && SoleReader(graph, first.Outputs[0], "Mul") is { } times && Other(times, first.Outputs[0]) == x)
        {
            nodes.Add(times);
            output = times.Outputs[0];
        }
        else if (SoleProducer(graph, other, "Mul") is { } halfX && halfX.Inputs.Contains(x) && IsScalar(graph, Other(halfX, x), 0.5))
        {
            nodes.Add(halfX);
            output = first.Outputs[0];
        }
        else
        {
            return null;
        }
        if (Rank(graph, x) is not int rank || Rank(graph, output) != rank)
            return null;
        bool standard = graph.OpsetOf(f) >= 20;
        var gelu = new Node("Gelu", [x], [output], f.Name, standard ? "" : OperatorDomains.Onyx);
        if (approximate != "none")
            gelu.Attributes.Add(Attribute.Create("approximate", approximate));
        return new GraphPatch(nodes, [gelu]);
    }
}
