using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>
/// The sliding-window attributes shared by the convolutions and pools (kernel_shape, strides, dilations, pads,
/// auto_pad, ceil_mode), read once when the kernel is built; <see cref="Resolve"/> fits them to an input.
/// </summary>
internal sealed class WindowAttributes
{
    private readonly long[]? _kernelShape, _strides, _dilations, _pads;
    private readonly string _autoPad;

    /// <summary>The strides, dilations and pads attributes fitted to <paramref name="rank"/> spatial axes (defaults 1, 1, 0).</summary>
    public (long[] Strides, long[] Dilations, long[] Pads) Explicit(KernelContext context, int rank)
    {
        long[] strides = _strides ?? Ones(rank), dilations = _dilations ?? Ones(rank), pads = _pads ?? new long[2 * rank];
        Check(context, "strides", strides, rank);
        Check(context, "dilations", dilations, rank);
        Check(context, "pads", pads, 2 * rank);
        return (strides, dilations, pads);
    }

    public string AutoPad => _autoPad;
    private readonly bool _ceilMode;

    public WindowAttributes(KernelNode node)
    {
        NodeAttributes a = node.Attributes;
        _kernelShape = a.Ints("kernel_shape") is { } k ? [.. k] : null;
        _strides = a.Ints("strides") is { } s ? [.. s] : null;
        _dilations = a.Ints("dilations") is { } d ? [.. d] : null;
        _pads = a.Ints("pads") is { } p ? [.. p] : null;
        _autoPad = a.String("auto_pad", "NOTSET");
        _ceilMode = a.Int("ceil_mode", 0) != 0;
        if (_autoPad is not ("NOTSET" or "SAME_UPPER" or "SAME_LOWER" or "VALID"))
            throw node.Fail($"attribute 'auto_pad' is '{_autoPad}'; expected NOTSET, SAME_UPPER, SAME_LOWER or VALID");
        if (_strides is not null && Array.Exists(_strides, v => v <= 0))
            throw node.Fail($"attribute 'strides' is [{string.Join(",", _strides)}]; strides must be positive");
        if (_dilations is not null && Array.Exists(_dilations, v => v <= 0))
            throw node.Fail($"attribute 'dilations' is [{string.Join(",", _dilations)}]; dilations must be positive");
        if (_pads is not null && Array.Exists(_pads, v => v < 0))
            throw node.Fail($"attribute 'pads' is [{string.Join(",", _pads)}]; pads must not be negative");
    }

    /// <summary>The kernel_shape attribute, or null when the kernel comes from the weight's shape.</summary>
    public long[]? KernelShape => _kernelShape;

    // The window of the last input fitted; one immutable geometry swapped whole, so concurrent runs share it safely.
    private WindowGeometry? _last;

    /// <summary>
    /// The window over <paramref name="input"/>'s spatial dims with <paramref name="kernel"/> (the weight's spatial dims,
    /// unless kernel_shape is given); the window of the last input and kernel is reused.
    /// </summary>
    public WindowGeometry Resolve(KernelContext context, ReadOnlySpan<long> input, ReadOnlySpan<long> kernel)
    {
        WindowGeometry? last = Volatile.Read(ref _last);
        if (last is not null && last.Input.AsSpan().SequenceEqual(input) && (_kernelShape is not null || last.Kernel.AsSpan().SequenceEqual(kernel)))
            return last;
        WindowGeometry window = Fit(context, input, kernel);
        Volatile.Write(ref _last, window);
        return window;
    }

    private WindowGeometry Fit(KernelContext context, ReadOnlySpan<long> input, ReadOnlySpan<long> kernel)
    {
        int rank = input.Length;
        long[] k = _kernelShape ?? kernel.ToArray();
        Check(context, "kernel_shape", k, rank);
        (long[] strides, long[] dilations, long[] pads) = Explicit(context, rank);
        long[] output = new long[rank], padBegin = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long extent = (k[i] - 1) * dilations[i] + 1;
            switch (_autoPad)
            {
                case "SAME_UPPER" or "SAME_LOWER":
                    // Spec: output = ceil(input / stride), the total padding split evenly, the odd one at the end (UPPER) or start (LOWER).
                    output[i] = (input[i] + strides[i] - 1) / strides[i];
                    long total = System.Math.Max(0, (output[i] - 1) * strides[i] + extent - input[i]);
                    padBegin[i] = _autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
                    break;
                case "VALID":
                    output[i] = input[i] < extent ? 0 : (input[i] - extent) / strides[i] + 1;
                    break;
                default:
                    long span = input[i] + pads[i] + pads[rank + i] - extent;
                    padBegin[i] = pads[i];
                    if (span < 0)
                        throw context.Fail($"the window (extent {extent}) is larger than the padded input ({input[i] + pads[i] + pads[rank + i]}) on spatial axis {i}");
                    output[i] = (_ceilMode ? (span + strides[i] - 1) / strides[i] : span / strides[i]) + 1;
                    // With ceil_mode the last window must still start inside the input or its leading pad.
                    if (_ceilMode && (output[i] - 1) * strides[i] >= input[i] + pads[i])
                        output[i]--;
                    break;
            }
        }
        long[] padEnd = new long[rank];
        for (int i = 0; i < rank; i++)
            padEnd[i] = _autoPad == "NOTSET" ? pads[rank + i] : System.Math.Max(0, (output[i] - 1) * strides[i] + (k[i] - 1) * dilations[i] + 1 - input[i] - padBegin[i]);
        return new WindowGeometry(input.ToArray(), k, strides, dilations, padBegin, padEnd, output);
    }

    private static long[] Ones(int rank) => Enumerable.Repeat(1L, rank).ToArray();

    private static void Check(KernelContext context, string name, long[] values, int expected)
    {
        if (values.Length != expected)
            throw context.Fail($"attribute '{name}' has {values.Length} values; expected {expected} for an input with {expected / (name == "pads" ? 2 : 1)} spatial axes");
    }
}

/// <summary>
/// One sliding window fitted to an input: where each output position reads (input offsets within one channel,
/// -1 for padding), in row-major order of the kernel positions.
/// </summary>
internal sealed record WindowGeometry(long[] Input, long[] Kernel, long[] Strides, long[] Dilations, long[] PadBegin, long[] PadEnd, long[] Output)
{
    public int Rank => Input.Length;

    public int KernelSize => (int)Product(Kernel);

    public int InputSize => (int)Product(Input);

    public int OutputSize => (int)Product(Output);

    /// <summary>
    /// Writes the input offset each kernel position of output <paramref name="position"/> reads (-1 outside the input)
    /// and returns how many positions lie within the padded input (the count_include_pad divisor).
    /// </summary>
    public int Offsets(int position, Span<int> offsets)
    {
        int rank = Rank;
        Span<long> start = stackalloc long[rank];
        for (int i = rank - 1; i >= 0; i--)
        {
            start[i] = position % Output[i] * Strides[i] - PadBegin[i];
            position = (int)(position / Output[i]);
        }
        Span<long> k = stackalloc long[rank];
        int padded = 0;
        for (int kp = 0; kp < offsets.Length; kp++)
        {
            int offset = 0;
            bool inside = true, insidePadded = true;
            for (int i = 0; i < rank; i++)
            {
                long coordinate = start[i] + k[i] * Dilations[i];
                inside &= coordinate >= 0 && coordinate < Input[i];
                insidePadded &= coordinate >= -PadBegin[i] && coordinate < Input[i] + PadEnd[i];
                offset = (int)(offset * Input[i] + coordinate);
            }
            offsets[kp] = inside ? offset : -1;
            if (insidePadded)
                padded++;
            for (int i = rank - 1; i >= 0 && ++k[i] == Kernel[i]; i--)
                k[i] = 0;
        }
        return padded;
    }

    private static long Product(long[] values)
    {
        long p = 1;
        foreach (long v in values)
            p *= v;
        return p;
    }
}
