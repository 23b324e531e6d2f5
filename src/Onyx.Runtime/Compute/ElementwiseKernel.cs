using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Builds element-wise kernels: the node's tensors, float16 and bfloat16 widened to float (computed in float and rounded
/// back to nearest even, as hardware without 16-bit arithmetic does), go to a function whose result becomes output 0.
/// </summary>
internal static class ElementwiseKernel
{
    /// <summary>
    /// A kernel computing output 0 from the node's inputs (absent ones null); a float result is rounded back to input
    /// 0's type when that is float16 or bfloat16.
    /// </summary>
    public static Kernel Create(Func<KernelContext, Tensor?[], Tensor> compute) => new DelegateKernel(context =>
    {
        var inputs = new Tensor?[context.InputCount];
        for (int i = 0; i < inputs.Length; i++)
            inputs[i] = context.OptionalTensor(i) is { } tensor ? Widen(tensor) : null;
        Complete(context, compute(context, inputs));
    });

    /// <summary>A kernel of one required input.</summary>
    public static Kernel Unary(Func<KernelContext, Tensor, Tensor> compute) => new DelegateKernel(context =>
        Complete(context, compute(context, Widen(context.OptionalTensor(0) ?? throw context.Fail("input 0 (X) is required but absent")))));

    /// <summary>
    /// A kernel of two required inputs A and B under multidirectional broadcasting, or for opset versions before 7
    /// under the legacy rule of the node's <c>broadcast</c> and <c>axis</c> attributes.
    /// </summary>
    public static Kernel Binary(KernelNode node, Func<KernelContext, Tensor, Tensor, IReadOnlyList<long>, Tensor> compute)
    {
        LegacyBroadcast? legacy = LegacyBroadcast.Of(node);
        return new DelegateKernel(context =>
        {
            Tensor a = Widen(context.OptionalTensor(0) ?? throw context.Fail("input 0 (A) is required but absent"));
            Tensor b = Widen(context.OptionalTensor(1) ?? throw context.Fail("input 1 (B) is required but absent"));
            Complete(context, compute(context, a, b, legacy is null ? b.Dims : legacy.Dims(context, a.Dims, b.Dims)));
        });
    }

    /// <summary>
    /// True when a result of the (widened) input element type is output 0 as it stands, with no rounding back to
    /// float16 or bfloat16 after it: then the function may compute it into output 0 directly (the arena's buffer).
    /// </summary>
    public static bool ResultIsOutput(KernelContext context) => context.OptionalTensor(0)?.DataType is not (DataType.Float16 or DataType.BFloat16);

    /// <summary>Makes <paramref name="result"/> output 0, rounded back to input 0's type when that is float16 or bfloat16.</summary>
    private static void Complete(KernelContext context, Tensor result)
    {
        if (context.IsOutput(0, result))
            return;
        DataType first = context.InputCount > 0 && context.OptionalTensor(0) is { } x ? x.DataType : DataType.Undefined;
        if (result.DataType == DataType.Float && first is DataType.Float16 or DataType.BFloat16)
        {
            Span<byte> narrowed = context.AllocateOutput(0, first, result.Dims);
            Conversion.Convert(DataType.Float, result.RawData.Span, first, narrowed, result.ElementCount, ConversionOptions.Default);
            return;
        }
        context.SetOutput(0, OnnxValue.FromTensor(result));
    }

    /// <summary>Converts every element of <paramref name="x"/> to <paramref name="type"/> by the rules of Cast.</summary>
    public static Tensor Convert(Tensor x, DataType type)
    {
        long count = x.ElementCount;
        var bytes = new byte[type.ByteCount(count)];
        Conversion.Convert(x.DataType, x.RawData.Span, type, bytes, count, ConversionOptions.Default);
        return new Tensor(type, x.Dims, bytes);
    }

    private static Tensor Widen(Tensor x) => x.DataType is DataType.Float16 or DataType.BFloat16 ? Convert(x, DataType.Float) : x;
}

/// <summary>
/// Broadcasting before opset 7 (Operators.md changelog, Add-1 … Add-6 and the other binary operators of that time): with
/// <c>broadcast</c>=1, B broadcasts to A's shape, its dims matching A's from <c>axis</c> on, or A's trailing dims when
/// no axis is given; without it, the shapes must be equal.
/// </summary>
internal sealed class LegacyBroadcast
{
    private readonly bool _broadcast;
    private readonly long? _axis;

    private LegacyBroadcast(bool broadcast, long? axis)
    {
        _broadcast = broadcast;
        _axis = axis;
    }

    /// <summary>The legacy rule of the node, or null when its version broadcasts multidirectionally.</summary>
    public static LegacyBroadcast? Of(KernelNode node)
    {
        if (node.Schema.FindAttribute("broadcast") is null)
            return null;
        return new(node.Attributes.Int("broadcast", 0) == 1, node.Attributes.Int("axis"));
    }

    /// <summary>B's dims as the multidirectional broadcast of them onto A gives the legacy result (1s padded after).</summary>
    public IReadOnlyList<long> Dims(KernelContext context, long[] a, long[] b)
    {
        if (!_broadcast)
        {
            return a.AsSpan().SequenceEqual(b) ? b
                : throw context.Fail($"input B [{string.Join(",", b)}] must have A's shape [{string.Join(",", a)}] unless broadcast=1");
        }
        long axis = _axis is { } given ? (given < 0 ? given + a.Length : given) : a.Length - b.Length;
        if (axis < 0 || axis + b.Length > a.Length)
            throw context.Fail($"input B [{string.Join(",", b)}] cannot broadcast onto A [{string.Join(",", a)}] from axis {axis}");
        var dims = new long[a.Length - axis];
        dims.AsSpan().Fill(1);
        for (int i = 0; i < b.Length; i++)
        {
            if (b[i] != 1 && b[i] != a[axis + i])
                throw context.Fail($"input B [{string.Join(",", b)}] cannot broadcast onto A [{string.Join(",", a)}] from axis {axis}");
            dims[i] = b[i];
        }
        return dims;
    }
}
