using Onyx.Runtime.Planning;

namespace Onyx.Runtime.Kernels.ControlFlow;

/// <summary>Runs a subgraph's plan from a control-flow kernel: its own inputs, then the outer values it captures.</summary>
internal static class SubgraphRun
{
    /// <summary>
    /// Runs <paramref name="plan"/> with <paramref name="inputs"/> for the subgraph's own inputs and, for the outer
    /// values it reads, the node's captured inputs; returns the subgraph's outputs in order.
    /// </summary>
    public static IReadOnlyList<OnnxValue> Execute(KernelContext context, ExecutionPlan plan, IReadOnlyList<OnnxValue> inputs)
    {
        var feeds = new Dictionary<string, OnnxValue>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Count; i++)
        {
            OnnxValue input = AsDeclared(plan.Inputs[i], inputs[i]);
            if (ExecutionRun.Mismatch(plan.Inputs[i], input) is { } problem)
                throw context.Fail($"the subgraph's {problem}");
            feeds[plan.Inputs[i].Name] = input;
        }
        IReadOnlyList<string> captured = context.Node.Captured;
        int first = context.Node.Node.Inputs.Count;
        foreach (NodeMetadata input in plan.Inputs.Skip(inputs.Count))
        {
            int index = first + IndexOf(captured, input.Name);
            feeds[input.Name] = context.Input(index) ?? throw context.Fail($"the subgraph reads '{input.Name}', which has no value");
        }
        int[] keep = [.. plan.Outputs.Select(o => plan.Slots[o.Name])];
        OnnxValue?[] values = ExecutionRun.Execute(plan, feeds, keep);
        return [.. plan.Outputs.Select((o, i) => values[i] ?? throw context.Fail($"the subgraph did not produce '{o.Name}'"))];
    }

    /// <summary>
    /// A value for an optional-typed subgraph input that is not itself an optional is taken as an optional holding it:
    /// a Loop body may declare a carried value optional and return it unwrapped (the backend test loop16_seq_none).
    /// </summary>
    private static OnnxValue AsDeclared(NodeMetadata input, OnnxValue value) =>
        input.Type is OptionalTypeInfo optional && value.Kind != OnnxValueKind.Optional
            ? OnnxValue.Optional(value, optional.ElementType)
            : value;

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        throw new InvalidOperationException($"'{name}' is not captured by the node");
    }
}
