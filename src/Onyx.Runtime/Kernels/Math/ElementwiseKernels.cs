using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>Element-wise arithmetic with broadcasting (Add, Sub, Mul, Div) for every numeric element type.</summary>
internal static class ElementwiseKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Add", _ => Binary<AddOp>()),
        KernelRegistration.All("Sub", _ => Binary<SubOp>()),
        KernelRegistration.All("Mul", _ => Binary<MulOp>()),
        KernelRegistration.All("Div", _ => Binary<DivOp>()),
    ];

    private interface IBinaryOp
    {
        static abstract T Apply<T>(T a, T b) where T : INumber<T>;
    }

    private readonly struct AddOp : IBinaryOp { public static T Apply<T>(T a, T b) where T : INumber<T> => a + b; }

    private readonly struct SubOp : IBinaryOp { public static T Apply<T>(T a, T b) where T : INumber<T> => a - b; }

    private readonly struct MulOp : IBinaryOp { public static T Apply<T>(T a, T b) where T : INumber<T> => a * b; }

    /// <summary>Integer division by zero has no defined result in ONNX; .NET's exception becomes the kernel's error.</summary>
    private readonly struct DivOp : IBinaryOp { public static T Apply<T>(T a, T b) where T : INumber<T> => a / b; }

    private static Kernel Binary<TOp>() where TOp : IBinaryOp => new DelegateKernel(context =>
    {
        Tensor a = context.Tensor(0), b = context.Tensor(1);
        if (a.DataType != b.DataType)
            throw context.Fail($"inputs have different element types, {a.DataType.TypeName()} and {b.DataType.TypeName()}");
        long[] dims = Broadcasting.Shape(a.Dims, b.Dims)
            ?? throw context.Fail($"input shapes [{string.Join(",", a.Dims)}] and [{string.Join(",", b.Dims)}] cannot be broadcast");
        switch (a.DataType)
        {
            case DataType.Float: Run<float, TOp>(context, a, b, dims); break;
            case DataType.Double: Run<double, TOp>(context, a, b, dims); break;
            case DataType.Float16: Run<Half, TOp>(context, a, b, dims); break;
            case DataType.Int8: Run<sbyte, TOp>(context, a, b, dims); break;
            case DataType.Int16: Run<short, TOp>(context, a, b, dims); break;
            case DataType.Int32: Run<int, TOp>(context, a, b, dims); break;
            case DataType.Int64: Run<long, TOp>(context, a, b, dims); break;
            case DataType.UInt8: Run<byte, TOp>(context, a, b, dims); break;
            case DataType.UInt16: Run<ushort, TOp>(context, a, b, dims); break;
            case DataType.UInt32: Run<uint, TOp>(context, a, b, dims); break;
            case DataType.UInt64: Run<ulong, TOp>(context, a, b, dims); break;
            case DataType.BFloat16: RunBFloat16<TOp>(context, a, b, dims); break;
            default: throw context.Fail($"element type {a.DataType.TypeName()} is not supported");
        }
    });

    private static void Run<T, TOp>(KernelContext context, Tensor a, Tensor b, long[] dims) where T : unmanaged, INumber<T> where TOp : IBinaryOp
    {
        ReadOnlySpan<T> x = a.AsSpan<T>(), y = b.AsSpan<T>();
        Span<T> z = context.Output<T>(0, a.DataType, dims);
        if (x.Length == z.Length && y.Length == z.Length)
        {
            for (int i = 0; i < z.Length; i++)
                z[i] = TOp.Apply(x[i], y[i]);
        }
        else if (y.Length == 1 && x.Length == z.Length)
        {
            T right = y[0];
            for (int i = 0; i < z.Length; i++)
                z[i] = TOp.Apply(x[i], right);
        }
        else
        {
            int[] xi = Broadcasting.Offsets(a.Dims, dims), yi = Broadcasting.Offsets(b.Dims, dims);
            for (int i = 0; i < z.Length; i++)
                z[i] = TOp.Apply(x[xi[i]], y[yi[i]]);
        }
    }

    /// <summary>bfloat16 is computed in float and rounded back, as hardware without bfloat16 arithmetic does.</summary>
    private static void RunBFloat16<TOp>(KernelContext context, Tensor a, Tensor b, long[] dims) where TOp : IBinaryOp
    {
        ReadOnlySpan<BFloat16> x = a.AsSpan<BFloat16>(), y = b.AsSpan<BFloat16>();
        Span<BFloat16> z = context.Output<BFloat16>(0, DataType.BFloat16, dims);
        int[] xi = Broadcasting.Offsets(a.Dims, dims), yi = Broadcasting.Offsets(b.Dims, dims);
        for (int i = 0; i < z.Length; i++)
            z[i] = (BFloat16)TOp.Apply((float)x[xi[i]], (float)y[yi[i]]);
    }
}
