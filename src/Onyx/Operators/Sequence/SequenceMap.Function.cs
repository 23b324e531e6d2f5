namespace Onyx.Operators;

internal static partial class SequenceMap
{
    /// <summary>
    /// A Loop over input_sequence's positions whose body takes position i of each sequence input (SequenceAt) or the
    /// whole tensor input, runs the body graph and appends each of its outputs to a sequence (SequenceInsert), the
    /// sequences starting empty. No body while input_sequence is not known to be a sequence, and (because a body
    /// refers to the schema's formal names, one per formal) none for more than one additional input or output.
    /// </summary>
    internal static FunctionBody? BodyV17(FunctionBodyContext context)
    {
        if (context.Attributes.Graph("body") is not { } body || body.Inputs.Count < 1 || body.Outputs.Count < 1
            || context.InputTypes[0] is not SequenceTypeInfo || context.Node.Inputs.Count != body.Inputs.Count
            || context.Node.Inputs.Count > 2 || context.Node.Outputs.Count != 1 || body.Outputs.Count != 1)
            return null;
        string[] inputs = ["input_sequence", "additional_inputs"];
        var w = new FunctionBodyWriter(17);
        string length = w.Op("SequenceLength", "input_sequence");
        string always = w.Constant(Tensor.Scalar(true));
        var elementTypes = body.Outputs.Select(o => o.Type is TensorTypeInfo t ? t.ElementType : DataType.Float).ToList();
        string empty = w.Op("SequenceEmpty", [], Attribute.Create("dtype", (long)elementTypes[0]));
        string result = w.Op("Loop", [length, always, empty], Attribute.Create("body", LoopBody(context, body, inputs)));
        w.Output("out_sequence", result);
        return w.ToBody();
    }

    /// <summary>(i, cond, sequences so far) => (cond, sequences with the body's outputs for position i appended).</summary>
    private static Graph LoopBody(FunctionBodyContext context, Graph body, string[] inputs)
    {
        const string prefix = "SequenceMap_loop_body";
        var loop = new Graph(prefix);
        loop.Inputs.Add(ValueInfo.Tensor($"{prefix}_itercount", DataType.Int64));
        loop.Inputs.Add(ValueInfo.Tensor($"{prefix}_cond_in", DataType.Bool));
        loop.Outputs.Add(ValueInfo.Tensor($"{prefix}_cond_out", DataType.Bool));
        loop.Nodes.Add(new Node("Identity", [$"{prefix}_cond_in"], [$"{prefix}_cond_out"]));
        for (int i = 0; i < body.Inputs.Count; i++)
        {
            loop.Nodes.Add(context.InputTypes[i] is SequenceTypeInfo
                ? new Node("SequenceAt", [inputs[i], $"{prefix}_itercount"], [body.Inputs[i].Name])
                : new Node("Identity", [inputs[i]], [body.Inputs[i].Name]));
        }
        loop.Nodes.AddRange(body.Nodes);
        loop.ValueInfos.AddRange(body.ValueInfos);
        loop.Initializers.AddRange(body.Initializers);
        loop.SparseInitializers.AddRange(body.SparseInitializers);
        foreach (ValueInfo output in body.Outputs)
        {
            TypeInfo? sequence = output.Type is null ? null : new SequenceTypeInfo(output.Type);
            string carried = $"{prefix}_{output.Name}";
            loop.Inputs.Add(new ValueInfo($"{carried}_in", sequence));
            loop.Outputs.Add(new ValueInfo($"{carried}_out", sequence));
            loop.Nodes.Add(new Node("SequenceInsert", [$"{carried}_in", output.Name], [$"{carried}_out"]));
        }
        return loop;
    }
}
