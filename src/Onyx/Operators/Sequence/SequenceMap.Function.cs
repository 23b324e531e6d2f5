namespace Onyx.Operators;

internal static partial class SequenceMap
{
    private const string Prefix = "SequenceMap_loop_body";

    /// <summary>
    /// A Loop over input_sequence's positions whose body takes position i of each sequence input (SequenceAt) or the
    /// whole tensor input, runs the body graph and appends each of its outputs to a sequence (SequenceInsert), the
    /// sequences starting empty. The variadic formals name several values, so the body names the node's inputs
    /// (input_sequence, additional_inputs_1, …) and outputs (out_sequence_0, …) itself. No body while input_sequence
    /// is not known to be a sequence or the body graph's inputs and outputs do not match the node's.
    /// </summary>
    internal static FunctionBody? BodyV17(FunctionBodyContext context)
    {
        if (context.Attributes.Graph("body") is not { } body || body.Inputs.Count < 1 || body.Outputs.Count < 1
            || context.InputTypes[0] is not SequenceTypeInfo || context.Node.Inputs.Count != body.Inputs.Count
            || context.Node.Outputs.Count != body.Outputs.Count)
            return null;
        string[] inputs = [.. Enumerable.Range(0, body.Inputs.Count).Select(i => i == 0 ? "input_sequence" : $"additional_inputs_{i}")];
        string[] outputs = [.. Enumerable.Range(0, body.Outputs.Count).Select(j => $"out_sequence_{j}")];
        var w = new FunctionBodyWriter(17);
        string length = w.Op("SequenceLength", inputs[0]);
        string always = w.Constant(Tensor.Scalar(true));
        string[] empty = [.. body.Outputs.Select(o => w.Op("SequenceEmpty", [], Attribute.Create("dtype", (long)(o.Type is TensorTypeInfo t ? t.ElementType : DataType.Float))))];
        string[] results = w.Ops("Loop", [length, always, .. empty], outputs.Length, Attribute.Create("body", LoopBody(context, body, inputs)));
        for (int j = 0; j < outputs.Length; j++)
            w.Output(outputs[j], results[j]);
        return w.ToBody(inputs, outputs);
    }

    /// <summary>(i, cond, sequences so far) => (cond, sequences with the body's outputs for position i appended).</summary>
    private static Graph LoopBody(FunctionBodyContext context, Graph body, string[] inputs)
    {
        var loop = new Graph(Prefix);
        loop.Inputs.Add(ValueInfo.Tensor($"{Prefix}_itercount", DataType.Int64));
        loop.Inputs.Add(ValueInfo.Tensor($"{Prefix}_cond_in", DataType.Bool));
        loop.Outputs.Add(ValueInfo.Tensor($"{Prefix}_cond_out", DataType.Bool));
        loop.Nodes.Add(new Node("Identity", [$"{Prefix}_cond_in"], [$"{Prefix}_cond_out"]));
        for (int i = 0; i < body.Inputs.Count; i++)
        {
            loop.Nodes.Add(context.InputTypes[i] is SequenceTypeInfo
                ? new Node("SequenceAt", [inputs[i], $"{Prefix}_itercount"], [body.Inputs[i].Name])
                : new Node("Identity", [inputs[i]], [body.Inputs[i].Name]));
        }
        loop.Nodes.AddRange(body.Nodes);
        loop.ValueInfos.AddRange(body.ValueInfos);
        loop.Initializers.AddRange(body.Initializers);
        loop.SparseInitializers.AddRange(body.SparseInitializers);
        foreach (ValueInfo output in body.Outputs)
        {
            TypeInfo? sequence = output.Type is null ? null : new SequenceTypeInfo(output.Type);
            string carried = $"{Prefix}_{output.Name}";
            loop.Inputs.Add(new ValueInfo($"{carried}_in", sequence));
            loop.Outputs.Add(new ValueInfo($"{carried}_out", sequence));
            loop.Nodes.Add(new Node("SequenceInsert", [$"{carried}_in", output.Name], [$"{carried}_out"]));
        }
        return loop;
    }
}
