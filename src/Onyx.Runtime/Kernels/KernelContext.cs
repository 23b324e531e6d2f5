using System.Runtime.InteropServices;
using Onyx.Runtime.Planning;

namespace Onyx.Runtime.Kernels;

/// <summary>What a kernel reads and writes during one run of one node: the node's input values and its outputs.</summary>
internal sealed class KernelContext
{
    private readonly OnnxValue?[] _inputs;
    private readonly OnnxValue?[] _outputs;
    private readonly ExecutionState? _state;
    private readonly int[] _outputSlots;

    /// <summary>A context whose outputs are fresh arrays (constant folding, tests).</summary>
    public KernelContext(KernelNode node, OnnxValue?[] inputs, OnnxValue?[] outputs) : this(node, inputs, outputs, null, []) { }

    /// <summary>A context of one step of a run, whose outputs come from <paramref name="state"/>'s arena.</summary>
    internal KernelContext(KernelNode node, OnnxValue?[] inputs, OnnxValue?[] outputs, ExecutionState? state, int[] outputSlots)
    {
        Node = node;
        _inputs = inputs;
        _outputs = outputs;
        _state = state;
        _outputSlots = outputSlots;
    }

    /// <summary>The input values, filled by the run before the kernel is called.</summary>
    internal OnnxValue?[] Inputs => _inputs;

    /// <summary>The output values the kernel set.</summary>
    internal OnnxValue?[] Outputs => _outputs;

    /// <summary>Forgets the values of the last run.</summary>
    internal void Clear()
    {
        Array.Clear(_inputs);
        Array.Clear(_outputs);
    }

    public KernelNode Node { get; }

    public int InputCount => _inputs.Length;

    public int OutputCount => _outputs.Length;

    /// <summary>True when input <paramref name="index"/> is given (present and not the empty name).</summary>
    public bool HasInput(int index) => index < _inputs.Length && _inputs[index] is not null;

    /// <summary>True when the node asks for output <paramref name="index"/>.</summary>
    public bool HasOutput(int index) => index < Node.Node.Outputs.Count && Node.Node.Outputs[index].Length > 0;

    /// <summary>Input <paramref name="index"/>, or null when absent.</summary>
    public OnnxValue? Input(int index) => index < _inputs.Length ? _inputs[index] : null;

    /// <summary>The tensor of input <paramref name="index"/>; fails naming the input when it is absent or not a tensor.</summary>
    public Tensor Tensor(int index)
    {
        OnnxValue value = Input(index) ?? throw Fail($"input {index} ('{InputName(index)}') is required but absent");
        return value.Kind == OnnxValueKind.Tensor ? value.Tensor : throw Fail($"input {index} ('{InputName(index)}') must be a tensor, found a {value.Kind}");
    }

    /// <summary>The tensor of input <paramref name="index"/>, or null when it is absent.</summary>
    public Tensor? OptionalTensor(int index) => HasInput(index) ? Tensor(index) : null;

    /// <summary>Allocates output <paramref name="index"/> as a zeroed tensor and returns its writable values.</summary>
    public Span<T> Output<T>(int index, DataType type, ReadOnlySpan<long> dims) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(AllocateOutput(index, type, dims));

    /// <summary>
    /// Allocates output <paramref name="index"/> for a kernel that writes every one of its elements: not zeroed, so
    /// until then it may hold what an earlier run left in the arena buffer (a pass over the output saved).
    /// </summary>
    public Span<T> OutputToOverwrite<T>(int index, DataType type, ReadOnlySpan<long> dims) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(AllocateOutput(index, type, dims, zeroed: false));

    /// <summary>Allocates output <paramref name="index"/> of <typeparamref name="T"/>'s element type.</summary>
    public Span<T> Output<T>(int index, ReadOnlySpan<long> dims) where T : unmanaged => Output<T>(index, ElementTypes.Of<T>(), dims);

    /// <summary>Allocates output <paramref name="index"/> as a zeroed tensor and returns its bytes (sub-byte types packed).</summary>
    public Span<byte> AllocateOutput(int index, DataType type, ReadOnlySpan<long> dims) => AllocateOutput(index, type, dims, zeroed: true);

    private Span<byte> AllocateOutput(int index, DataType type, ReadOnlySpan<long> dims, bool zeroed)
    {
        long count = ElementCount(dims);
        long length = type.ByteCount(count);
        if (length > Array.MaxLength)
            throw Fail($"output {index} of type {type.TypeName()} and shape [{string.Join(",", dims.ToArray())}] needs {length} bytes, more than one array can hold");
        if (_state is not null && index < _outputSlots.Length && _outputSlots[index] >= 0)
        {
            OnnxValue value = _state.Allocate(index, _outputSlots[index], type, dims, (int)length, zeroed);
            SetOutput(index, value);
            return MemoryMarshal.AsMemory(value.Tensor.RawData).Span;
        }
        var bytes = new byte[length];
        SetOutput(index, OnnxValue.FromTensor(new Tensor(type, dims.ToArray(), bytes)));
        return bytes;
    }

    /// <summary>
    /// Sets output <paramref name="index"/> to the elements of <paramref name="source"/> under <paramref name="dims"/>
    /// (as many elements), sharing its data: values are never changed in place. In a run the output is the slot's own
    /// tensor object, reused from run to run; string tensors are copied.
    /// </summary>
    public void SetView(int index, Tensor source, ReadOnlySpan<long> dims)
    {
        if (source.DataType == DataType.String)
        {
            var copy = new Tensor(DataType.String, dims.ToArray());
            copy.Strings.AddRange(source.Strings);
            SetOutput(index, OnnxValue.FromTensor(copy));
            return;
        }
        if (_state is not null && index < _outputSlots.Length && _outputSlots[index] >= 0)
        {
            OnnxValue value = _state.Allocate(index, _outputSlots[index], source.DataType, dims, 0);
            value.Tensor.RawData = source.RawData;
            SetOutput(index, value);
            return;
        }
        SetOutput(index, OnnxValue.FromTensor(new Tensor(source.DataType, dims.ToArray(), source.RawData)));
    }

    /// <summary>True when output <paramref name="index"/> is already set to <paramref name="tensor"/>.</summary>
    public bool IsOutput(int index, Tensor tensor) =>
        index < _outputs.Length && _outputs[index] is { Kind: OnnxValueKind.Tensor } value && ReferenceEquals(value.Tensor, tensor);

    /// <summary>Sets output <paramref name="index"/> to <paramref name="value"/> (an input passed through, a sequence, a string tensor).</summary>
    public void SetOutput(int index, OnnxValue value)
    {
        if (index < _outputs.Length)
            _outputs[index] = value;
    }

    /// <summary>An exception naming the node, for inputs the kernel cannot process.</summary>
    public OnnxRuntimeException Fail(string problem) => Node.Fail(problem);

    /// <summary>The element count of <paramref name="dims"/>; fails on a negative dim or an overflow.</summary>
    public long ElementCount(ReadOnlySpan<long> dims)
    {
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0)
                throw Fail($"a dimension of [{string.Join(",", dims.ToArray())}] is negative");
            count = d == 0 ? 0 : count > long.MaxValue / d ? throw Fail($"the element count of [{string.Join(",", dims.ToArray())}] overflows") : count * d;
        }
        return count;
    }

    private string InputName(int index) => index < Node.Node.Inputs.Count ? Node.Node.Inputs[index] : "";
}
