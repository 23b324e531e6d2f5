namespace Onyx.Operators;

/// <summary>
/// The window geometry shared by convolutions and pools: kernel, strides, dilations, pads (explicit or from auto_pad)
/// and ceil_mode, validated against the number of spatial axes, and the output size each spatial axis gets.
/// Attributes the operator's schema does not declare keep their neutral value (stride 1, dilation 1, no ceil mode).
/// </summary>
internal sealed class SlidingWindow
{
    private SlidingWindow(long?[] kernel, long[] strides, long[] dilations, long[]? pads, string autoPad, bool ceilMode)
    {
        _kernel = kernel;
        _strides = strides;
        _dilations = dilations;
        _pads = pads;
        _autoPad = autoPad;
        _ceilMode = ceilMode;
    }

    private readonly long?[] _kernel;
    private readonly long[] _strides;
    private readonly long[] _dilations;
    private readonly long[]? _pads;
    private readonly string _autoPad;
    private readonly bool _ceilMode;

    /// <summary>
    /// Reads and checks the window attributes for <paramref name="spatialRank"/> spatial axes. The kernel comes from
    /// the kernel_shape attribute, else from <paramref name="kernelDims"/> (a weight's spatial dims, a block shape);
    /// when both are known they must agree.
    /// </summary>
    public static SlidingWindow Read(InferenceContext context, int spatialRank, IReadOnlyList<Dim>? kernelDims = null, string kernelSource = "W")
    {
        long[]? kernelAttribute = Ints(context, "kernel_shape", spatialRank, minimum: 1);
        var kernel = new long?[spatialRank];
        for (int i = 0; i < spatialRank; i++)
        {
            long? fromSource = kernelDims is not null && i < kernelDims.Count ? kernelDims[i].Value : null;
            if (kernelAttribute is not null && fromSource is long k && k != kernelAttribute[i])
                throw context.Fail($"kernel_shape [{string.Join(",", kernelAttribute)}] does not match {kernelSource}'s spatial dims [{string.Join(",", kernelDims!)}]");
            if (kernelAttribute is null && fromSource <= 0)
                throw context.Fail($"{kernelSource}'s spatial dims [{string.Join(",", kernelDims!)}] must be positive");
            kernel[i] = kernelAttribute?[i] ?? fromSource;
        }
        if (kernelAttribute is null && context.Schema.FindAttribute("kernel_shape") is { Required: true })
            throw context.Fail("attribute 'kernel_shape' is required");

        long[] strides = Ints(context, "strides", spatialRank, minimum: 1) ?? Ones(spatialRank);
        long[] dilations = Ints(context, "dilations", spatialRank, minimum: 1) ?? Ones(spatialRank);
        long[]? pads = Ints(context, "pads", 2 * spatialRank, minimum: 0);
        string autoPad = Declares(context, "auto_pad") ? context.GetString("auto_pad", "NOTSET") : "NOTSET";
        // Some exporters write an empty auto_pad; ONNX Runtime reads it as NOTSET.
        if (autoPad.Length == 0)
            autoPad = "NOTSET";
        if (autoPad is not ("NOTSET" or "SAME_UPPER" or "SAME_LOWER" or "VALID"))
            throw context.Fail($"attribute 'auto_pad' is '{autoPad}'; expected NOTSET, SAME_UPPER, SAME_LOWER or VALID");
        // The spec forbids pads together with auto_pad; all-zero pads are tolerated, as exporters write them.
        if (pads is not null && autoPad != "NOTSET" && Array.Exists(pads, p => p != 0))
            throw context.Fail($"attribute 'pads' cannot be used together with auto_pad {autoPad}");
        long ceilMode = Declares(context, "ceil_mode") ? context.GetInt("ceil_mode", 0) : 0;
        if (ceilMode is not (0 or 1))
            throw context.Fail($"attribute 'ceil_mode' is {ceilMode}; expected 0 or 1");
        return new SlidingWindow(kernel, strides, dilations, autoPad == "NOTSET" ? pads : null, autoPad, ceilMode == 1);
    }

    /// <summary>The kernel extent along <paramref name="axis"/> once dilated, (k − 1) × d + 1; null when the kernel is unknown.</summary>
    private long? DilatedKernel(int axis) => _kernel[axis] is long k ? checked((k - 1) * _dilations[axis] + 1) : null;

    /// <summary>
    /// The number of window positions along <paramref name="axis"/> for an input of size <paramref name="input"/>:
    /// ⌊(in + pads − dilated kernel) / stride⌋ + 1, rounded up in ceil mode (where a window may not start in the end
    /// padding). A symbolic size survives when the output provably equals the input (stride 1, pads = kernel − 1).
    /// </summary>
    public Dim Output(InferenceContext context, int axis, Dim input)
    {
        try
        {
            long? kernel = DilatedKernel(axis);
            long stride = _strides[axis];
            (long Begin, long End)? pads = Pads(axis, input.Value);
            if (kernel is not long k || pads is not var (begin, end))
                return new Dim();
            if (input.Value is not long size)
                return stride == 1 && begin + end == k - 1 ? input : new Dim();
            long padded = checked(size + begin + end);
            if (padded < k)
                throw context.Fail($"spatial axis {axis}: the padded input size {padded} is smaller than the dilated kernel {k}");
            long span = padded - k;
            long count = (_ceilMode ? checked(span + stride - 1) / stride : span / stride) + 1;
            if (_ceilMode && checked((count - 1) * stride) >= checked(size + begin))
                count--;
            return new Dim(count);
        }
        catch (OverflowException)
        {
            throw context.Fail($"spatial axis {axis}: the output size overflows a 64-bit integer");
        }
    }

    /// <summary>
    /// The output size of a transposed convolution along <paramref name="axis"/>: stride × (in − 1) + output_padding
    /// + dilated kernel − pads; with SAME auto_pad, in × stride (ConvTranspose spec).
    /// </summary>
    public Dim TransposedOutput(InferenceContext context, int axis, Dim input, long outputPadding)
    {
        try
        {
            long stride = _strides[axis];
            if (_autoPad is "SAME_UPPER" or "SAME_LOWER")
                return input.Value is long n ? new Dim(checked(n * stride)) : stride == 1 ? input : new Dim();
            if (DilatedKernel(axis) is not long k)
                return new Dim();
            long padding = _pads is null ? 0 : checked(_pads[axis] + _pads[axis + _kernel.Length]);
            long growth = checked(outputPadding + k - padding);
            if (input.Value is not long size)
                return stride == 1 && growth == 1 ? input : new Dim();
            long result = checked(stride * (size - 1) + growth);
            if (result < 0)
                throw context.Fail($"spatial axis {axis}: the output size {result} is negative (pads exceed the output)");
            return new Dim(result);
        }
        catch (OverflowException)
        {
            throw context.Fail($"spatial axis {axis}: the output size overflows a 64-bit integer");
        }
    }

    /// <summary>
    /// The pads at the start and end of <paramref name="axis"/>: explicit, none (NOTSET without pads, VALID), or for
    /// SAME the total that makes the output ⌈in / stride⌉, the odd unit at the end (UPPER) or start (LOWER).
    /// Null when SAME padding depends on an unknown input size or kernel.
    /// </summary>
    private (long Begin, long End)? Pads(int axis, long? input)
    {
        if (_pads is not null)
            return (_pads[axis], _pads[axis + _kernel.Length]);
        if (_autoPad is "NOTSET" or "VALID")
            return (0, 0);
        if (DilatedKernel(axis) is not long k)
            return null;
        long stride = _strides[axis];
        long total;
        if (stride == 1)
            total = k - 1;
        else if (input is long size)
            total = k - (size % stride == 0 ? stride : size % stride);
        else
            return null;
        total = Math.Max(total, 0);
        long small = total / 2, big = total - small;
        return _autoPad == "SAME_UPPER" ? (small, big) : (big, small);
    }

    /// <summary>An ints attribute the schema declares, checked for length and lower bound; null when absent.</summary>
    internal static long[]? Ints(InferenceContext context, string name, int length, long minimum)
    {
        if (!Declares(context, name) || context.GetInts(name) is not { } values)
            return null;
        if (values.Count != length)
            throw context.Fail($"attribute '{name}' has {values.Count} values; expected {length} for {(name == "pads" ? length / 2 : length)} spatial axes");
        foreach (long v in values)
            if (v < minimum)
                throw context.Fail($"attribute '{name}' is [{string.Join(",", values)}]; every value must be at least {minimum}");
        return [.. values];
    }

    private static bool Declares(InferenceContext context, string attribute) => context.Schema.FindAttribute(attribute) is not null;

    private static long[] Ones(int count)
    {
        var ones = new long[count];
        Array.Fill(ones, 1L);
        return ones;
    }
}
