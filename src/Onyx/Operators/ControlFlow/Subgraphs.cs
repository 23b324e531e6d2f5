namespace Onyx.Operators;

/// <summary>Inference for the control-flow operators, whose outputs come from their subgraphs.</summary>
internal static class Subgraphs
{
    /// <summary>If: each output is the type both branches agree on (dims that differ become unknown).</summary>
    public static void InferIf(InferenceContext context)
    {
        var thenTypes = context.InferSubgraph("then_branch", []);
        var elseTypes = context.InferSubgraph("else_branch", []);
        if (thenTypes.Count != elseTypes.Count)
            throw context.Fail($"then_branch has {thenTypes.Count} outputs but else_branch has {elseTypes.Count}");
        for (int i = 0; i < thenTypes.Count && i < context.Node.Outputs.Count; i++)
            context.SetOutputType(i, Merge(context, thenTypes[i], elseTypes[i], i));
    }

    /// <summary>
    /// Loop: the body takes (iteration_num, cond, loop-carried...) and returns (cond, loop-carried..., scan outputs...);
    /// scan outputs gain a leading dim for the iteration count, which is unknown.
    /// </summary>
    public static void InferLoop(InferenceContext context)
    {
        int carried = context.Node.Inputs.Count - 2;
        var bodyInputs = new List<TypeInfo?> { TypeInfo.Tensor(DataType.Int64, []), TypeInfo.Tensor(DataType.Bool, []) };
        for (int i = 0; i < carried; i++)
            bodyInputs.Add(context.InputType(i + 2));
        var bodyOutputs = context.InferSubgraph("body", bodyInputs);
        for (int i = 1; i < bodyOutputs.Count && i - 1 < context.Node.Outputs.Count; i++)
        {
            var type = bodyOutputs[i];
            if (i - 1 < carried)
                context.SetOutputType(i - 1, type ?? context.InputType(i + 1));
            else if (type is TensorTypeInfo tensor)
                context.SetOutputType(i - 1, new TensorTypeInfo(tensor.ElementType, tensor.Shape is { } shape ? new Shape([new Dim(), .. shape.Dims]) : null));
        }
    }

    private static TypeInfo? Merge(InferenceContext context, TypeInfo? a, TypeInfo? b, int output) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        (TensorTypeInfo x, TensorTypeInfo y) when x.ElementType == y.ElementType => new TensorTypeInfo(x.ElementType, Sequences.Merge(x.Shape, y.Shape)),
        (SequenceTypeInfo x, SequenceTypeInfo y) => TypeInfo.Sequence(Merge(context, x.ElementType, y.ElementType, output)!),
        (OptionalTypeInfo x, OptionalTypeInfo y) => TypeInfo.Optional(Merge(context, x.ElementType, y.ElementType, output)!),
        _ => throw context.Fail($"output {output}: then_branch gives {a} but else_branch gives {b}"),
    };
}
