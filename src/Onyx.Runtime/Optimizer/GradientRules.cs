namespace Onyx.Runtime.Optimizer;

/// <summary>
/// The derivative of each operator Gradient can differentiate: given a node and the gradient of its output, the
/// gradient contribution to each of its inputs, written as ONNX nodes.
/// </summary>
internal static class GradientRules
{
    private delegate IEnumerable<(string Input, string Gradient)> Rule(Node node, string grad, GradientEmitter emit);

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["Identity"] = (n, g, _) => [(n.Inputs[0], g)],
        ["Neg"] = (n, g, e) => [(n.Inputs[0], e.Node("Neg", g))],
        ["Add"] = (n, g, e) => Binary(n, e, g, g),
        ["Sub"] = (n, g, e) => Binary(n, e, g, e.Node("Neg", g)),
        // d(a*b) = b da + a db
        ["Mul"] = (n, g, e) => Binary(n, e, e.Node("Mul", g, n.Inputs[1]), e.Node("Mul", g, n.Inputs[0])),
        // d(a/b) = da / b - a db / b²
        ["Div"] = (n, g, e) => Binary(n, e, e.Node("Div", g, n.Inputs[1]),
            e.Node("Neg", e.Node("Div", e.Node("Mul", g, n.Inputs[0]), e.Node("Mul", n.Inputs[1], n.Inputs[1])))),
    };

    public static IEnumerable<(string Input, string Gradient)> Apply(Node node, string grad, GradientEmitter emit)
    {
        if (!string.IsNullOrEmpty(node.Domain) && node.Domain != "ai.onnx" || !Rules.TryGetValue(node.OpType, out Rule? rule))
            throw new OnnxRuntimeException(
                $"Gradient: node '{node.Name}' ({node.OpType}) lies between xs and y, and Onyx differentiates only {string.Join(", ", Rules.Keys)}");
        return rule(node, grad, emit);
    }

    /// <summary>The two contributions of a broadcasting binary operator, each summed back to its input's shape.</summary>
    private static IEnumerable<(string, string)> Binary(Node node, GradientEmitter emit, string toA, string toB) =>
        [(node.Inputs[0], emit.Unbroadcast(toA, node.Inputs[0], node.Outputs[0])), (node.Inputs[1], emit.Unbroadcast(toB, node.Inputs[1], node.Outputs[0]))];
}
