using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Tensors;
using Onyx.Runtime.Planning;

namespace Onyx.Runtime.Kernels.ControlFlow;

/// <summary>
/// Scan: the body runs once per slice of the scan inputs along their axes (forward or reversed), threading the state
/// values through; the body's further outputs are stacked into the node's scan outputs. Version 8 has a batch axis 0
/// (each batch entry scanned on its own along axis 1) and an optional first input of per-batch sequence lengths, the
/// scan outputs zero-padded to the longest; version 9 on has no batch axis but chooses the scan axes and directions.
/// </summary>
internal sealed class ScanKernel : Kernel
{
    private readonly ExecutionPlan _body;
    private readonly bool _batched;
    private readonly int _states, _inputs;
    private readonly long[] _inputAxes, _inputDirections, _outputAxes, _outputDirections;

    private ScanKernel(KernelNode node)
    {
        Graph graph = node.Attributes.Graph("body") ?? throw node.Fail("attribute 'body' is required");
        _batched = node.Version < 9;
        _inputs = (int)(node.Attributes.Int("num_scan_inputs") ?? throw node.Fail("attribute 'num_scan_inputs' is required"));
        _states = node.Node.Inputs.Count - (_batched ? 1 : 0) - _inputs;
        int outputs = node.Node.Outputs.Count - _states;
        if (_inputs < 1 || _states < 0 || outputs < 0 || graph.Inputs.Count != _states + _inputs || graph.Outputs.Count != _states + outputs)
            throw node.Fail($"the body has {graph.Inputs.Count} inputs and {graph.Outputs.Count} outputs; for {_inputs} scan inputs, {node.Node.Inputs.Count} node inputs and {node.Node.Outputs.Count} node outputs it needs {_states + _inputs} and {node.Node.Outputs.Count}");
        _inputDirections = Attribute(node, _batched ? "directions" : "scan_input_directions", _inputs);
        _inputAxes = _batched ? new long[_inputs] : Attribute(node, "scan_input_axes", _inputs);
        _outputAxes = _batched ? new long[outputs] : Attribute(node, "scan_output_axes", outputs);
        _outputDirections = _batched ? new long[outputs] : Attribute(node, "scan_output_directions", outputs);
        if (_inputDirections.Concat(_outputDirections).Any(d => d is not (0 or 1)))
            throw node.Fail("scan directions must be 0 (forward) or 1 (reverse)");
        _body = node.PlanSubgraph(graph);
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.From("Scan", 8, node => new ScanKernel(node))];

    private static long[] Attribute(KernelNode node, string name, int count)
    {
        long[] values = node.Attributes.Ints(name)?.ToArray() ?? new long[count];
        return values.Length == count ? values : throw node.Fail($"attribute '{name}' has {values.Length} values; expected {count}");
    }

    private IReadOnlyList<NodeMetadata> ScanOutputsDeclared => [.. _body.Outputs.Skip(_states)];

    public override void Run(KernelContext context)
    {
        int first = _batched ? 1 : 0;
        OnnxValue[] state = [.. Enumerable.Range(first, _states).Select(i => context.Input(i) ?? throw context.Fail($"state input {i} is absent"))];
        Tensor[] scanned = [.. Enumerable.Range(first + _states, _inputs).Select(context.Tensor)];
        if (_batched)
            RunBatched(context, state, scanned);
        else
            RunUnbatched(context, state, scanned);
    }

    private void RunUnbatched(KernelContext context, OnnxValue[] state, Tensor[] scanned)
    {
        int[] axes = [.. scanned.Select((t, j) => GatherInputs.Axis(context, _inputAxes[j], t.Dims.Length, "scan_input_axes"))];
        long length = CommonLength(context, scanned, axes);
        List<Tensor>[] parts = Iterate(context, ref state, scanned, axes, length);
        for (int i = 0; i < _states; i++)
            context.SetOutput(i, state[i]);
        for (int k = 0; k < parts.Length; k++)
        {
            if (_outputDirections[k] != 0)
                parts[k].Reverse();
            context.SetOutput(_states + k, OnnxValue.FromTensor(ScanOutputs.Stack(context, parts[k], ScanOutputsDeclared[k], _outputAxes[k])));
        }
    }

    /// <summary>Scan 8: each entry of the batch axis 0 is scanned on its own along axis 1, for its sequence length.</summary>
    private void RunBatched(KernelContext context, OnnxValue[] state, Tensor[] scanned)
    {
        foreach (var (value, i) in state.Select((v, i) => (v, i)))
            if (value.Tensor.Dims.Length == 0)
                throw context.Fail($"state input {i + 1} must have a batch axis 0");
        if (scanned.Any(t => t.Dims.Length < 2))
            throw context.Fail("scan inputs must have a batch axis 0 and a sequence axis 1");
        long batch = scanned[0].Dims[0];
        long maxLength = CommonLength(context, scanned, [.. scanned.Select(_ => 1)]);
        if (scanned.Any(t => t.Dims[0] != batch) || state.Any(s => s.Tensor.Dims[0] != batch))
            throw context.Fail($"every state and scan input must have the batch size {batch} of scan input 0");
        long[] lengths = SequenceLengths(context, batch, maxLength);
        var finalStates = Enumerable.Range(0, _states).Select(_ => new List<Tensor>()).ToArray();
        var outputs = Enumerable.Range(0, context.OutputCount - _states).Select(_ => new List<Tensor>()).ToArray();
        for (long b = 0; b < batch; b++)
        {
            OnnxValue[] entryState = [.. state.Select(s => OnnxValue.FromTensor(Entry(context, s.Tensor, 0, b)))];
            Tensor[] entries = [.. scanned.Select(t => Entry(context, t, 0, b))];
            List<Tensor>[] parts = Iterate(context, ref entryState, entries, new int[_inputs], lengths[b]);
            for (int i = 0; i < _states; i++)
                finalStates[i].Add(entryState[i].Tensor);
            for (int k = 0; k < parts.Length; k++)
                outputs[k].Add(ScanOutputs.Stack(context, parts[k], ScanOutputsDeclared[k], 0, maxLength));
        }
        for (int i = 0; i < _states; i++)
            context.SetOutput(i, OnnxValue.FromTensor(ScanOutputs.Stack(context, finalStates[i], _body.Outputs[i])));
        for (int k = 0; k < outputs.Length; k++)
            context.SetOutput(_states + k, OnnxValue.FromTensor(ScanOutputs.Stack(context, outputs[k], ScanOutputsDeclared[k])));
    }

    private long[] SequenceLengths(KernelContext context, long batch, long maxLength)
    {
        if (context.OptionalTensor(0) is not { } given)
            return [.. Enumerable.Repeat(maxLength, checked((int)batch))];
        if (given.DataType != DataType.Int64 || given.Dims is not [var count] || count != batch)
            throw context.Fail($"input 0 (sequence_lens) must be int64 of shape [{batch}], found {given.DataType.TypeName()} of shape [{string.Join(",", given.Dims)}]");
        long[] lengths = given.AsSpan<long>().ToArray();
        return lengths.All(l => l >= 0 && l <= maxLength) ? lengths
            : throw context.Fail($"input 0 (sequence_lens) holds [{string.Join(",", lengths)}]; each must lie in [0, {maxLength}]");
    }

    private static long CommonLength(KernelContext context, Tensor[] scanned, int[] axes)
    {
        long length = scanned[0].Dims[axes[0]];
        for (int j = 1; j < scanned.Length; j++)
            if (scanned[j].Dims[axes[j]] != length)
                throw context.Fail($"scan input {j} has {scanned[j].Dims[axes[j]]} elements along its scan axis {axes[j]}, but scan input 0 has {length}");
        return length;
    }

    /// <summary>Runs the body <paramref name="length"/> times, updating <paramref name="state"/>; returns each scan output's per-iteration values.</summary>
    private List<Tensor>[] Iterate(KernelContext context, ref OnnxValue[] state, Tensor[] scanned, int[] axes, long length)
    {
        var parts = Enumerable.Range(0, _body.Outputs.Count - _states).Select(_ => new List<Tensor>()).ToArray();
        for (long t = 0; t < length; t++)
        {
            OnnxValue[] slices = [.. scanned.Select((s, j) => OnnxValue.FromTensor(Entry(context, s, axes[j], _inputDirections[j] == 0 ? t : length - 1 - t)))];
            IReadOnlyList<OnnxValue> outputs = SubgraphRun.Execute(context, _body, [.. state, .. slices]);
            state = [.. outputs.Take(_states)];
            for (int k = 0; k < parts.Length; k++)
                parts[k].Add(outputs[_states + k].Tensor);
        }
        return parts;
    }

    /// <summary>Entry <paramref name="index"/> along <paramref name="axis"/>, that axis removed.</summary>
    private static Tensor Entry(KernelContext context, Tensor tensor, int axis, long index)
    {
        long[] strides = IndexingOffsets.Strides(tensor.Dims);
        long[][] maps = [.. tensor.Dims.Select((d, a) => a == axis ? AxisMaps.Strided(1, index, 1, strides[a]) : AxisMaps.Strided(d, 0, 1, strides[a]))];
        long[] dims = [.. tensor.Dims.Where((_, a) => a != axis)];
        IndexedTarget target = GatherInputs.Output(context, tensor.DataType, dims);
        AxisMaps.Copy(new IndexedSource(tensor), target, maps);
        return target.ToTensor(dims);
    }
}
