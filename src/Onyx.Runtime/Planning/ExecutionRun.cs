using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Planning;

/// <summary>One run of a plan: binds the inputs, runs each step, releases values after their last use.</summary>
internal static class ExecutionRun
{
    public static OnnxValue?[] Execute(ExecutionPlan plan, IReadOnlyDictionary<string, OnnxValue> inputs, int[] keep)
    {
        var values = (OnnxValue?[])plan.Constants.Clone();
        BindInputs(plan, inputs, values);
        var kept = new HashSet<int>(keep);
        foreach (PlanStep step in plan.Steps)
        {
            var stepInputs = new OnnxValue?[step.InputSlots.Length];
            for (int i = 0; i < stepInputs.Length; i++)
                stepInputs[i] = step.InputSlots[i] < 0 ? null : values[step.InputSlots[i]];
            var stepOutputs = new OnnxValue?[step.OutputSlots.Length];
            var context = new KernelContext(step.Node, stepInputs, stepOutputs);
            try
            {
                step.Kernel.Run(context);
            }
            catch (Exception e) when (e is not OnnxRuntimeException and not OutOfMemoryException)
            {
                throw new OnnxRuntimeException($"{step.Node.Location}: the kernel failed: {e.Message}", e);
            }
            for (int j = 0; j < stepOutputs.Length; j++)
            {
                if (step.OutputSlots[j] < 0)
                    continue;
                values[step.OutputSlots[j]] = stepOutputs[j]
                    ?? throw step.Node.Fail($"output {j} ('{step.Node.Node.Outputs[j]}') was not produced");
            }
            foreach (int slot in step.ReleasedSlots)
                if (!kept.Contains(slot))
                    values[slot] = null;
        }
        return values;
    }

    private static void BindInputs(ExecutionPlan plan, IReadOnlyDictionary<string, OnnxValue> inputs, OnnxValue?[] values)
    {
        var known = plan.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string name in inputs.Keys)
            if (!known.Contains(name))
                throw new OnnxRuntimeException($"'{name}' is not an input of the model; its inputs are {string.Join(", ", known.Select(k => $"'{k}'"))}");
        foreach (NodeMetadata input in plan.Inputs)
        {
            if (!inputs.TryGetValue(input.Name, out OnnxValue? value))
            {
                if (!input.HasDefault)
                    throw new OnnxRuntimeException($"input '{input.Name}' ({input}) is required but was not given");
                continue;
            }
            if (Mismatch(input, value) is { } problem)
                throw new OnnxRuntimeException(problem);
            values[plan.Slots[input.Name]] = value;
        }
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot feed <paramref name="input"/>, or null when it can: a tensor input must have
    /// the declared element type and rank, and the declared size wherever a dim is a number.
    /// </summary>
    internal static string? Mismatch(NodeMetadata input, OnnxValue value)
    {
        OnnxValueKind? kind = input.Type switch
        {
            SequenceTypeInfo => OnnxValueKind.Sequence,
            MapTypeInfo => OnnxValueKind.Map,
            OptionalTypeInfo => OnnxValueKind.Optional,
            _ => null,
        };
        if (kind is { } expectedKind && value.Kind != expectedKind)
            return $"input '{input.Name}' must be a {expectedKind.ToString().ToLowerInvariant()} ({input}), but a {value.Kind.ToString().ToLowerInvariant()} was given";
        if (input.Type is MapTypeInfo map && value.MapKeys.DataType != map.KeyType)
            return $"input '{input.Name}' must be {map}, but a map with {value.MapKeys.DataType.TypeName()} keys was given";
        if (input.Type is not TensorTypeInfo declared)
            return null;
        if (value.Kind != OnnxValueKind.Tensor)
            return $"input '{input.Name}' must be a tensor ({input}), but a {value.Kind} was given";
        if (declared.ElementType != DataType.Undefined && value.ElementType != declared.ElementType)
            return $"input '{input.Name}' must be {declared}, but a {value.ElementType.TypeName()} tensor was given";
        if (declared.Shape is not { } shape)
            return null;
        IReadOnlyList<long> dims = value.Dims;
        bool fits = dims.Count == shape.Rank;
        for (int i = 0; fits && i < dims.Count; i++)
            fits = shape.Dims[i].Value is not long expected || expected == dims[i];
        return fits ? null : $"input '{input.Name}' must have shape {shape}, but [{string.Join(",", dims)}] was given";
    }
}
