using System.Diagnostics;
using System.Runtime.InteropServices;
using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Planning;

/// <summary>
/// One run of a plan in a state rented from it: binds the inputs, runs each step, releases values after their last
/// use, and hands the outputs asked for to the caller, either detached from the state (the caller owns them) or
/// copied into tensors the caller provides (then a warm run allocates nothing).
/// </summary>
internal static class ExecutionRun
{
    /// <summary>Runs <paramref name="plan"/> and returns the values of the slots <paramref name="keep"/> names, in order (null: never produced).</summary>
    public static OnnxValue?[] Execute(ExecutionPlan plan, IReadOnlyDictionary<string, OnnxValue> inputs, int[] keep)
    {
        var results = new OnnxValue?[keep.Length];
        ExecutionState state = plan.RentState();
        try
        {
            RunSteps(plan, state, inputs, keep);
            for (int i = 0; i < keep.Length; i++)
            {
                results[i] = state.Values[keep[i]];
                if (results[i] is { } value)
                    state.Detach(value);
            }
        }
        finally
        {
            plan.ReturnState(state);
        }
        return results;
    }

    /// <summary>
    /// Runs <paramref name="plan"/> and copies the values of the slots <paramref name="keep"/> names into the tensors
    /// of <paramref name="targets"/>, which must have the element types and shapes the run produces.
    /// </summary>
    public static void ExecuteInto(ExecutionPlan plan, IReadOnlyDictionary<string, OnnxValue> inputs, ReadOnlySpan<int> keep, IReadOnlyList<string> names,
        IReadOnlyList<OnnxValue> targets)
    {
        ExecutionState state = plan.RentState();
        try
        {
            RunSteps(plan, state, inputs, keep);
            for (int i = 0; i < keep.Length; i++)
                CopyInto(names[i], state.Values[keep[i]], targets[i]);
        }
        finally
        {
            plan.ReturnState(state);
        }
    }

    private static void RunSteps(ExecutionPlan plan, ExecutionState state, IReadOnlyDictionary<string, OnnxValue> inputs, ReadOnlySpan<int> keep)
    {
        OnnxValue?[] values = state.Values;
        BindInputs(plan, inputs, values);
        foreach (int slot in keep)
            state.Kept[slot] = true;
        for (int s = 0; s < plan.Steps.Count; s++)
        {
            PlanStep step = plan.Steps[s];
            KernelContext context = state.Contexts[s];
            OnnxValue?[] stepInputs = context.Inputs, stepOutputs = context.Outputs;
            for (int i = 0; i < stepInputs.Length; i++)
                stepInputs[i] = step.InputSlots[i] < 0 ? null : values[step.InputSlots[i]];
            Array.Clear(stepOutputs);
            try
            {
                if (plan.Timings is { } timings)
                    RunTimed(timings, s, step.Kernel, context);
                else
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
            state.Settle(step);
            Array.Clear(stepInputs);
            foreach (int slot in step.ReleasedSlots)
                if (!state.Kept[slot])
                    state.Release(slot);
        }
    }

    private static void RunTimed(StepTimings timings, int step, Kernel kernel, KernelContext context)
    {
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        kernel.Run(context);
        timings.Add(step, Stopwatch.GetTimestamp() - start, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }

    private static void CopyInto(string name, OnnxValue? value, OnnxValue target)
    {
        if (value is null)
            throw new OnnxRuntimeException($"'{name}' was not computed: it is an optional output no node produced");
        if (value.Kind != OnnxValueKind.Tensor || value.ElementType == DataType.String)
            throw new OnnxRuntimeException($"'{name}' is a {(value.Kind == OnnxValueKind.Tensor ? "string tensor" : value.Kind.ToString().ToLowerInvariant())}; only numeric tensors can be written into a given tensor");
        Tensor result = value.Tensor;
        if (target.Kind != OnnxValueKind.Tensor || target.ElementType != result.DataType || !target.Tensor.Dims.AsSpan().SequenceEqual(result.Dims))
            throw new OnnxRuntimeException($"the tensor given for output '{name}' must be {result.DataType.TypeName()}[{string.Join(",", result.Dims)}] to hold it, but it is {(target.Kind == OnnxValueKind.Tensor ? $"{target.ElementType.TypeName()}[{string.Join(",", target.Tensor.Dims)}]" : $"a {target.Kind}")}");
        result.RawData.Span.CopyTo(MemoryMarshal.AsMemory(target.Tensor.RawData).Span);
    }

    private static void BindInputs(ExecutionPlan plan, IReadOnlyDictionary<string, OnnxValue> inputs, OnnxValue?[] values)
    {
        int bound = 0;
        for (int i = 0; i < plan.Inputs.Count; i++)
        {
            NodeMetadata input = plan.Inputs[i];
            if (!inputs.TryGetValue(input.Name, out OnnxValue? value))
            {
                if (!input.HasDefault)
                    throw new OnnxRuntimeException($"input '{input.Name}' ({input}) is required but was not given");
                continue;
            }
            if (Mismatch(input, value) is { } problem)
                throw new OnnxRuntimeException(problem);
            values[plan.Slots[input.Name]] = value;
            bound++;
        }
        if (bound < inputs.Count)
        {
            var known = plan.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            string unknown = inputs.Keys.First(name => !known.Contains(name));
            throw new OnnxRuntimeException($"'{unknown}' is not an input of the model; its inputs are {string.Join(", ", known.Select(k => $"'{k}'"))}");
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
