using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>A function of one element of any floating-point type (an activation, a transcendental function).</summary>
internal interface IRealFunction
{
    T Apply<T>(T x) where T : IFloatingPointIeee754<T>;
}

/// <summary>A function of one element of any numeric type (Abs, Neg, Relu, …).</summary>
internal interface INumericFunction
{
    T Apply<T>(T x) where T : INumber<T>;
}

/// <summary>A function of one element of any integer type (bool is read as the byte 0 or 1).</summary>
internal interface IIntegerFunction
{
    T Apply<T>(T x) where T : IBinaryInteger<T>;
}

/// <summary>A function of float elements applied to a whole span at once (vectorised); y is as long as x.</summary>
internal interface IFloatSpanFunction
{
    void Apply(ReadOnlySpan<float> x, Span<float> y);
}

/// <summary>A function of two elements of one numeric type, giving that type (Add, Max, Mod, …).</summary>
internal interface INumericOperator
{
    T Apply<T>(T a, T b) where T : INumber<T>;
}

/// <summary>A function of two elements of one integer type (bitwise and logical operators, shifts).</summary>
internal interface IIntegerOperator
{
    T Apply<T>(T a, T b) where T : IBinaryInteger<T>;
}

/// <summary>A comparison of two elements of one numeric type.</summary>
internal interface IComparison
{
    bool Apply<T>(T a, T b) where T : INumber<T>;
}

/// <summary>
/// The loops every element-wise kernel shares: a map over one tensor and a zip of two tensors under numpy-style
/// broadcasting, dispatched on the element type to the function families above. float16 and bfloat16 never reach
/// these loops: <see cref="ElementwiseKernel"/> widens them to float first.
/// </summary>
internal static class ElementwiseLoops
{
    /// <summary>One element of <typeparamref name="TIn"/> to one of <typeparamref name="TOut"/>.</summary>
    private interface IMap<TIn, TOut>
    {
        TOut Apply(TIn x);
    }

    /// <summary>Two elements to one.</summary>
    private interface IZip<TA, TB, TOut>
    {
        TOut Apply(TA a, TB b);
    }

    private readonly record struct Real<T, TF>(TF F) : IMap<T, T> where T : IFloatingPointIeee754<T> where TF : IRealFunction
    {
        public T Apply(T x) => F.Apply(x);
    }

    private readonly record struct Numeric<T, TF>(TF F) : IMap<T, T> where T : INumber<T> where TF : INumericFunction
    {
        public T Apply(T x) => F.Apply(x);
    }

    private readonly record struct Integer<T, TF>(TF F) : IMap<T, T> where T : IBinaryInteger<T> where TF : IIntegerFunction
    {
        public T Apply(T x) => F.Apply(x);
    }

    private readonly record struct NumericZip<T, TF>(TF F) : IZip<T, T, T> where T : INumber<T> where TF : INumericOperator
    {
        public T Apply(T a, T b) => F.Apply(a, b);
    }

    private readonly record struct IntegerZip<T, TF>(TF F) : IZip<T, T, T> where T : IBinaryInteger<T> where TF : IIntegerOperator
    {
        public T Apply(T a, T b) => F.Apply(a, b);
    }

    private readonly record struct Compare<T, TF>(TF F) : IZip<T, T, bool> where T : INumber<T> where TF : IComparison
    {
        public bool Apply(T a, T b) => F.Apply(a, b);
    }

    /// <summary>
    /// <paramref name="f"/> of each element of a float or double tensor; with <paramref name="toOutput"/> the result is
    /// output 0 of <paramref name="context"/> (see <see cref="Allocate{T}"/>).
    /// </summary>
    public static Tensor Map<TF>(KernelContext context, Tensor x, string name, TF f, bool toOutput = false) where TF : struct, IRealFunction
    {
        KernelContext? output = toOutput ? context : null;
        return x.DataType switch
        {
            DataType.Float => Map<float, float, Real<float, TF>>(x, new(f), output),
            DataType.Double => Map<double, double, Real<double, TF>>(x, new(f), output),
            _ => throw Unsupported(context, x, name),
        };
    }

    /// <summary><paramref name="f"/> of a float tensor, applied to its elements as one span; into output 0 of <paramref name="output"/> when given.</summary>
    public static Tensor MapSpan<TF>(Tensor x, TF f, KernelContext? output = null) where TF : struct, IFloatSpanFunction
    {
        Tensor result = Allocate<float>(x.Dims, out Span<float> y, output);
        f.Apply(x.AsSpan<float>(), y);
        return result;
    }

    /// <summary><paramref name="f"/> of each element of a numeric tensor; with <paramref name="toOutput"/> into output 0.</summary>
    public static Tensor MapNumeric<TF>(KernelContext context, Tensor x, string name, TF f, bool toOutput = false) where TF : struct, INumericFunction
    {
        KernelContext? output = toOutput ? context : null;
        return x.DataType switch
        {
            DataType.Float => Map<float, float, Numeric<float, TF>>(x, new(f), output),
            DataType.Double => Map<double, double, Numeric<double, TF>>(x, new(f), output),
            DataType.Int8 => Map<sbyte, sbyte, Numeric<sbyte, TF>>(x, new(f), output),
            DataType.Int16 => Map<short, short, Numeric<short, TF>>(x, new(f), output),
            DataType.Int32 => Map<int, int, Numeric<int, TF>>(x, new(f), output),
            DataType.Int64 => Map<long, long, Numeric<long, TF>>(x, new(f), output),
            DataType.UInt8 => Map<byte, byte, Numeric<byte, TF>>(x, new(f), output),
            DataType.UInt16 => Map<ushort, ushort, Numeric<ushort, TF>>(x, new(f), output),
            DataType.UInt32 => Map<uint, uint, Numeric<uint, TF>>(x, new(f), output),
            DataType.UInt64 => Map<ulong, ulong, Numeric<ulong, TF>>(x, new(f), output),
            _ => throw Unsupported(context, x, name),
        };
    }

    /// <summary><paramref name="f"/> of each element of an integer or bool tensor (bools as bytes).</summary>
    public static Tensor MapInteger<TF>(KernelContext context, Tensor x, string name, TF f) where TF : struct, IIntegerFunction => x.DataType switch
    {
        DataType.Bool => AsBool(Map<byte, byte, Integer<byte, TF>>(AsBytes(x), new(f), null)),
        DataType.Int8 => Map<sbyte, sbyte, Integer<sbyte, TF>>(x, new(f), null),
        DataType.Int16 => Map<short, short, Integer<short, TF>>(x, new(f), null),
        DataType.Int32 => Map<int, int, Integer<int, TF>>(x, new(f), null),
        DataType.Int64 => Map<long, long, Integer<long, TF>>(x, new(f), null),
        DataType.UInt8 => Map<byte, byte, Integer<byte, TF>>(x, new(f), null),
        DataType.UInt16 => Map<ushort, ushort, Integer<ushort, TF>>(x, new(f), null),
        DataType.UInt32 => Map<uint, uint, Integer<uint, TF>>(x, new(f), null),
        DataType.UInt64 => Map<ulong, ulong, Integer<ulong, TF>>(x, new(f), null),
        _ => throw Unsupported(context, x, name),
    };

    /// <summary>
    /// <paramref name="f"/> of the broadcast elements of two numeric tensors of one type; <paramref name="bDims"/> is
    /// the shape <paramref name="b"/> broadcasts as (its own, or the legacy-broadcast reshape of it). With
    /// <paramref name="toOutput"/> the result is output 0 of <paramref name="context"/>.
    /// </summary>
    public static Tensor Zip<TF>(KernelContext context, Tensor a, Tensor b, IReadOnlyList<long> bDims, TF f, bool toOutput = false) where TF : struct, INumericOperator
    {
        int rank = BroadcastRank(a, bDims);
        Span<long> dims = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
        BroadcastShape(context, a, b, bDims, dims);
        KernelContext? output = toOutput ? context : null;
        return a.DataType switch
        {
            DataType.Float => Zip<float, float, float, NumericZip<float, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Double => Zip<double, double, double, NumericZip<double, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int8 => Zip<sbyte, sbyte, sbyte, NumericZip<sbyte, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int16 => Zip<short, short, short, NumericZip<short, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int32 => Zip<int, int, int, NumericZip<int, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int64 => Zip<long, long, long, NumericZip<long, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt8 => Zip<byte, byte, byte, NumericZip<byte, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt16 => Zip<ushort, ushort, ushort, NumericZip<ushort, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt32 => Zip<uint, uint, uint, NumericZip<uint, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt64 => Zip<ulong, ulong, ulong, NumericZip<ulong, TF>>(a, b, bDims, dims, new(f), output),
            _ => throw Unsupported(context, a, "A"),
        };
    }

    /// <summary><paramref name="f"/> of the broadcast elements of two integer or bool tensors of one type; with <paramref name="toOutput"/> into output 0.</summary>
    public static Tensor ZipInteger<TF>(KernelContext context, Tensor a, Tensor b, IReadOnlyList<long> bDims, TF f, bool toOutput = false) where TF : struct, IIntegerOperator
    {
        int rank = BroadcastRank(a, bDims);
        Span<long> dims = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
        BroadcastShape(context, a, b, bDims, dims);
        KernelContext? output = toOutput ? context : null;
        return a.DataType switch
        {
            DataType.Bool => AsBool(Zip<byte, byte, byte, IntegerZip<byte, TF>>(AsBytes(a), AsBytes(b), bDims, dims, new(f), null)),
            DataType.Int8 => Zip<sbyte, sbyte, sbyte, IntegerZip<sbyte, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int16 => Zip<short, short, short, IntegerZip<short, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int32 => Zip<int, int, int, IntegerZip<int, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int64 => Zip<long, long, long, IntegerZip<long, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt8 => Zip<byte, byte, byte, IntegerZip<byte, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt16 => Zip<ushort, ushort, ushort, IntegerZip<ushort, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt32 => Zip<uint, uint, uint, IntegerZip<uint, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt64 => Zip<ulong, ulong, ulong, IntegerZip<ulong, TF>>(a, b, bDims, dims, new(f), output),
            _ => throw Unsupported(context, a, "A"),
        };
    }

    /// <summary><paramref name="f"/> of the broadcast elements of two numeric or bool tensors of one type, as a bool tensor; with <paramref name="toOutput"/> into output 0.</summary>
    public static Tensor ZipCompare<TF>(KernelContext context, Tensor a, Tensor b, IReadOnlyList<long> bDims, TF f, bool toOutput = false) where TF : struct, IComparison
    {
        int rank = BroadcastRank(a, bDims);
        Span<long> dims = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
        BroadcastShape(context, a, b, bDims, dims);
        KernelContext? output = toOutput ? context : null;
        return a.DataType switch
        {
            DataType.Bool => Zip<byte, byte, bool, Compare<byte, TF>>(AsBytes(a), AsBytes(b), bDims, dims, new(f), output),
            DataType.Float => Zip<float, float, bool, Compare<float, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Double => Zip<double, double, bool, Compare<double, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int8 => Zip<sbyte, sbyte, bool, Compare<sbyte, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int16 => Zip<short, short, bool, Compare<short, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int32 => Zip<int, int, bool, Compare<int, TF>>(a, b, bDims, dims, new(f), output),
            DataType.Int64 => Zip<long, long, bool, Compare<long, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt8 => Zip<byte, byte, bool, Compare<byte, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt16 => Zip<ushort, ushort, bool, Compare<ushort, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt32 => Zip<uint, uint, bool, Compare<uint, TF>>(a, b, bDims, dims, new(f), output),
            DataType.UInt64 => Zip<ulong, ulong, bool, Compare<ulong, TF>>(a, b, bDims, dims, new(f), output),
            _ => throw Unsupported(context, a, "A"),
        };
    }

    /// <summary>Whether each pair of broadcast strings is equal, as a bool tensor.</summary>
    public static Tensor ZipStringsEqual(KernelContext context, Tensor a, Tensor b, IReadOnlyList<long> bDims)
    {
        var dims = new long[BroadcastRank(a, bDims)];
        BroadcastShape(context, a, b, bDims, dims);
        Tensor result = Allocate<bool>(dims, out Span<bool> z);
        int[] ai = Broadcasting.Offsets(a.Dims, dims), bi = Broadcasting.Offsets(bDims, dims);
        for (int i = 0; i < z.Length; i++)
            z[i] = a.Strings[ai[i]].AsSpan().SequenceEqual(b.Strings[bi[i]]);
        return result;
    }

    /// <summary>
    /// A zeroed tensor of <typeparamref name="T"/> and <paramref name="dims"/> with its writable elements: output 0 of
    /// <paramref name="output"/> when given (an arena buffer in a run), else a new array.
    /// </summary>
    public static Tensor Allocate<T>(ReadOnlySpan<long> dims, out Span<T> elements, KernelContext? output = null) where T : unmanaged
    {
        if (output is not null)
        {
            elements = output.Output<T>(0, dims);
            return output.Outputs[0]!.Tensor;
        }
        long count = TensorShape.ElementCount(dims);
        var bytes = new byte[count * Unsafe.SizeOf<T>()];
        elements = MemoryMarshal.Cast<byte, T>(bytes.AsSpan());
        return new Tensor(ElementTypes.Of<T>(), dims.ToArray(), bytes);
    }

    /// <summary>The failure for an input whose element type the operator does not accept.</summary>
    public static OnnxRuntimeException Unsupported(KernelContext context, Tensor x, string name) =>
        context.Fail($"input {name} has element type {x.DataType.TypeName()}, which this operator does not accept");

    // Broadcast shapes up to this rank live on the stack.
    private const int MaxStackRank = 32;

    /// <summary>The rank of A and B broadcast (B as <paramref name="bDims"/>).</summary>
    public static int BroadcastRank(Tensor a, IReadOnlyList<long> bDims) => System.Math.Max(a.Dims.Length, bDims.Count);

    /// <summary>
    /// Writes the broadcast shape of A and B (B as <paramref name="bDims"/>) into <paramref name="dims"/> (of
    /// <see cref="BroadcastRank"/>); fails when their types differ, the shapes do not broadcast, or the result is too large.
    /// </summary>
    public static void BroadcastShape(KernelContext context, Tensor a, Tensor b, IReadOnlyList<long> bDims, Span<long> dims)
    {
        if (a.DataType != b.DataType)
            throw context.Fail($"inputs A and B have different element types, {a.DataType.TypeName()} and {b.DataType.TypeName()}");
        if (!Broadcasting.TryShape(a.Dims, bDims, dims))
            throw context.Fail($"input shapes A [{string.Join(",", a.Dims)}] and B [{string.Join(",", bDims)}] cannot be broadcast");
        // The broadcast output, and the offset arrays indexing it, must fit in arrays (eight bytes per element at most).
        if (context.ElementCount(dims) > Array.MaxLength / sizeof(long))
            throw context.Fail($"the broadcast shape [{string.Join(",", dims.ToArray())}] of inputs A and B has more elements than one array can hold");
    }

    private static Tensor Map<TIn, TOut, TF>(Tensor x, TF f, KernelContext? output) where TIn : unmanaged where TOut : unmanaged where TF : IMap<TIn, TOut>
    {
        ReadOnlySpan<TIn> input = MemoryMarshal.Cast<byte, TIn>(x.RawData.Span);
        Tensor result = Allocate<TOut>(x.Dims, out Span<TOut> y, output);
        for (int i = 0; i < y.Length; i++)
            y[i] = f.Apply(input[i]);
        return result;
    }

    /// <summary>
    /// The zip under broadcasting: equal shapes and a scalar B element by element; otherwise row by row along the last
    /// axis, each operand read at its broadcast strides (0 on the axes it repeats along).
    /// </summary>
    private static Tensor Zip<TA, TB, TOut, TF>(Tensor a, Tensor b, IReadOnlyList<long> bDims, ReadOnlySpan<long> dims, TF f, KernelContext? output)
        where TA : unmanaged where TB : unmanaged where TOut : unmanaged where TF : IZip<TA, TB, TOut>
    {
        ReadOnlySpan<TA> x = MemoryMarshal.Cast<byte, TA>(a.RawData.Span);
        ReadOnlySpan<TB> y = MemoryMarshal.Cast<byte, TB>(b.RawData.Span);
        Tensor result = Allocate<TOut>(dims, out Span<TOut> z, output);
        if (x.Length == z.Length && y.Length == z.Length)
        {
            for (int i = 0; i < z.Length; i++)
                z[i] = f.Apply(x[i], y[i]);
        }
        else if (y.Length == 1 && x.Length == z.Length)
        {
            TB right = y[0];
            for (int i = 0; i < z.Length; i++)
                z[i] = f.Apply(x[i], right);
        }
        else if (!z.IsEmpty)
        {
            int rank = dims.Length;
            Span<long> xStrides = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
            Span<long> yStrides = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
            Span<long> index = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
            index.Clear();
            Broadcasting.Strides(a.Dims, dims, xStrides);
            Broadcasting.Strides(bDims, dims, yStrides);
            int n = (int)dims[rank - 1], xStep = (int)xStrides[rank - 1], yStep = (int)yStrides[rank - 1];
            long xOffset = 0, yOffset = 0;
            for (int start = 0; start < z.Length; start += n)
            {
                for (int j = 0, xi = (int)xOffset, yi = (int)yOffset; j < n; j++, xi += xStep, yi += yStep)
                    z[start + j] = f.Apply(x[xi], y[yi]);
                Broadcasting.Advance(index, dims, rank - 1, xStrides, yStrides, ref xOffset, ref yOffset);
            }
        }
        return result;
    }

    /// <summary>A bool tensor read as bytes 0 and 1, so the integer operators apply to it.</summary>
    private static Tensor AsBytes(Tensor x) => new(DataType.UInt8, x.Dims, x.RawData);

    private static Tensor AsBool(Tensor x) => new(DataType.Bool, x.Dims, x.RawData);
}
