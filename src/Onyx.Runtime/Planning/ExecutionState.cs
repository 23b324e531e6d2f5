using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Planning;

/// <summary>
/// What one run of a plan works in, kept for the next run of the same plan: the value of every slot, a kernel
/// context per step, the arena holding the intermediate tensors' bytes, and per slot the tensor object its outputs
/// were last written to. Once warm (every buffer and object made by an earlier run of the same shapes), a run
/// allocates nothing here. A state serves one run at a time; <see cref="ExecutionPlan"/> hands them out.
/// </summary>
internal sealed class ExecutionState
{
    private readonly ExecutionPlan _plan;
    private readonly TensorArena _arena = new();
    private readonly byte[]?[] _buffers;
    private readonly Tensor?[] _tensors;
    private readonly OnnxValue?[] _tensorValues;
    private readonly Dictionary<Tensor, int> _tensorSlots = new(ReferenceEqualityComparer.Instance);
    private readonly byte[]?[] _stepAllocations;

    public ExecutionState(ExecutionPlan plan)
    {
        _plan = plan;
        Values = new OnnxValue?[plan.SlotCount];
        Kept = new bool[plan.SlotCount];
        _buffers = new byte[plan.SlotCount][];
        _tensors = new Tensor?[plan.SlotCount];
        _tensorValues = new OnnxValue?[plan.SlotCount];
        Contexts = new KernelContext[plan.Steps.Count];
        int maxOutputs = 0;
        for (int i = 0; i < Contexts.Length; i++)
        {
            PlanStep step = plan.Steps[i];
            Contexts[i] = new KernelContext(step.Node, new OnnxValue?[step.InputSlots.Length], new OnnxValue?[step.OutputSlots.Length], this, step.OutputSlots);
            maxOutputs = System.Math.Max(maxOutputs, step.OutputSlots.Length);
        }
        _stepAllocations = new byte[maxOutputs][];
        Array.Copy(plan.Constants, Values, Values.Length);
    }

    /// <summary>The value of every slot during the run.</summary>
    public OnnxValue?[] Values { get; }

    /// <summary>Per slot, whether the run must keep its value to the end (an output the caller asked for).</summary>
    public bool[] Kept { get; }

    public KernelContext[] Contexts { get; }

    /// <summary>
    /// A tensor of <paramref name="type"/> and <paramref name="dims"/> (<paramref name="length"/> bytes, zeroed unless
    /// the kernel writes every element) for output <paramref name="output"/> of the running step, which writes slot
    /// <paramref name="slot"/>: the slot's tensor object from the last run over a buffer from the arena.
    /// </summary>
    public OnnxValue Allocate(int output, int slot, DataType type, ReadOnlySpan<long> dims, int length, bool zeroed = true)
    {
        if (_stepAllocations[output] is { } earlier)
            _arena.Release(earlier);
        byte[] buffer = length == 0 ? [] : _arena.Rent(length);
        _stepAllocations[output] = length == 0 ? null : buffer;
        Tensor? tensor = _tensors[slot];
        if (tensor is null || tensor.DataType != type || tensor.Dims.Length != dims.Length)
        {
            if (tensor is not null)
                _tensorSlots.Remove(tensor);
            tensor = new Tensor(type, dims.ToArray());
            _tensors[slot] = tensor;
            _tensorValues[slot] = OnnxValue.FromTensor(tensor);
            _tensorSlots[tensor] = slot;
        }
        else
        {
            dims.CopyTo(tensor.Dims);
        }
        tensor.RawData = buffer.AsMemory(0, length);
        if (zeroed)
            buffer.AsSpan(0, length).Clear();
        return _tensorValues[slot]!;
    }

    /// <summary>
    /// Settles the outputs of the step that just ran: who holds which arena buffer (an output may pass on an input's
    /// buffer, or replace what it allocated), and values that carry tensors out of the arena's reach (sequences,
    /// optionals, maps) detach them.
    /// </summary>
    public void Settle(PlanStep step)
    {
        for (int j = 0; j < step.OutputSlots.Length; j++)
        {
            byte[]? allocated = _stepAllocations[j];
            _stepAllocations[j] = null;
            int slot = step.OutputSlots[j];
            OnnxValue? value = slot < 0 ? null : Values[slot];
            byte[]? holds = _arena.BufferOf(value);
            if (allocated is not null && allocated != holds)
                _arena.Release(allocated);
            if (holds is not null && holds != allocated)
                _arena.Hold(holds);
            if (slot >= 0)
                _buffers[slot] = holds;
            if (value is not null && value.Kind != OnnxValueKind.Tensor)
                Detach(value);
        }
    }

    /// <summary>Drops the value of <paramref name="slot"/> and its hold on an arena buffer.</summary>
    public void Release(int slot)
    {
        Values[slot] = null;
        if (_buffers[slot] is { } buffer)
        {
            _arena.Release(buffer);
            _buffers[slot] = null;
        }
    }

    /// <summary>
    /// Gives <paramref name="value"/> (an output leaving the run) to the garbage collector: the arena and the slots'
    /// tensor objects stop reusing what it reaches, so the next run cannot overwrite it.
    /// </summary>
    public void Detach(OnnxValue value)
    {
        switch (value.Kind)
        {
            case OnnxValueKind.Tensor:
                Forget(value.Tensor);
                break;
            case OnnxValueKind.Sequence or OnnxValueKind.Optional:
                foreach (OnnxValue element in value.Elements)
                    Detach(element);
                break;
            case OnnxValueKind.Map:
                Forget(value.MapKeys);
                Forget(value.MapValues);
                break;
        }
    }

    private void Forget(Tensor tensor)
    {
        _arena.Forget(tensor);
        if (_tensorSlots.Remove(tensor, out int slot))
        {
            _tensors[slot] = null;
            _tensorValues[slot] = null;
        }
    }

    /// <summary>Readies the state for the next run: every slot released, constants in place, nothing kept.</summary>
    public void Reset()
    {
        for (int slot = 0; slot < Values.Length; slot++)
            Release(slot);
        for (int j = 0; j < _stepAllocations.Length; j++)
        {
            if (_stepAllocations[j] is { } buffer)
                _arena.Release(buffer);
            _stepAllocations[j] = null;
        }
        Array.Copy(_plan.Constants, Values, Values.Length);
        Array.Clear(Kept);
        foreach (KernelContext context in Contexts)
            context.Clear();
    }
}
