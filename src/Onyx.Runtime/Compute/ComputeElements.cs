using System.Numerics.Tensors;
using System.Numerics;
using System.Runtime.InteropServices;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>A kernel body written once for every numeric compute type.</summary>
internal interface IElementBody
{
    void Run<T>(KernelContext context) where T : unmanaged, INumber<T>;
}

/// <summary>
/// Chooses the type a kernel computes in from an element type: float16 and bfloat16 widen to float (so sums and
/// products accumulate in float), bool computes as byte (0 or 1), every other numeric type as itself. Bodies read
/// inputs with <see cref="Read{T}"/>, get outputs from <see cref="Output{T}"/> and hand them to
/// <see cref="Store{T}"/> once written, which narrows the widened types back.
/// </summary>
internal static class ComputeElements
{
    public static void Dispatch<TBody>(KernelContext context, DataType type, TBody body) where TBody : IElementBody
    {
        switch (type)
        {
            case DataType.Float or DataType.Float16 or DataType.BFloat16: body.Run<float>(context); break;
            case DataType.Double: body.Run<double>(context); break;
            case DataType.Int8: body.Run<sbyte>(context); break;
            case DataType.Int16: body.Run<short>(context); break;
            case DataType.Int32: body.Run<int>(context); break;
            case DataType.Int64: body.Run<long>(context); break;
            case DataType.UInt8 or DataType.Bool: body.Run<byte>(context); break;
            case DataType.UInt16: body.Run<ushort>(context); break;
            case DataType.UInt32: body.Run<uint>(context); break;
            case DataType.UInt64: body.Run<ulong>(context); break;
            default: throw context.Fail($"element type {type.TypeName()} is not supported");
        }
    }

    /// <summary>The values of <paramref name="tensor"/> in compute type <typeparamref name="T"/> (a widened copy for float16 and bfloat16).</summary>
    public static ReadOnlySpan<T> Read<T>(Tensor tensor) where T : unmanaged
    {
        switch (tensor.DataType)
        {
            case DataType.Float16:
            {
                var widened = new float[tensor.ElementCount];
                TensorPrimitives.ConvertToSingle(tensor.AsSpan<Half>(), widened);
                return MemoryMarshal.Cast<float, T>(widened.AsSpan());
            }
            case DataType.BFloat16:
            {
                var widened = new float[tensor.ElementCount];
                BFloat16.ToSingle(tensor.AsSpan<BFloat16>(), widened);
                return MemoryMarshal.Cast<float, T>(widened.AsSpan());
            }
            case DataType.Bool:
                return MemoryMarshal.Cast<bool, T>(tensor.AsSpan<bool>());
            default:
                return tensor.AsSpan<T>();
        }
    }

    /// <summary>
    /// Where to write output <paramref name="index"/> of element type <paramref name="type"/>: the output itself, or
    /// a scratch buffer in compute type for the types <see cref="Store{T}"/> converts.
    /// </summary>
    public static Span<T> Output<T>(KernelContext context, int index, DataType type, ReadOnlySpan<long> dims) where T : unmanaged =>
        type is DataType.Float16 or DataType.BFloat16 or DataType.Bool
            ? new T[context.ElementCount(dims)]
            : context.Output<T>(index, type, dims);

    /// <summary>Completes an output written through <see cref="Output{T}"/>: narrows float16 and bfloat16, maps bool to 0 or 1.</summary>
    public static void Store<T>(KernelContext context, int index, DataType type, ReadOnlySpan<long> dims, ReadOnlySpan<T> values) where T : unmanaged
    {
        switch (type)
        {
            case DataType.Float16:
                TensorPrimitives.ConvertToHalf(MemoryMarshal.Cast<T, float>(values), context.Output<Half>(index, type, dims));
                break;
            case DataType.BFloat16:
                BFloat16.FromSingle(MemoryMarshal.Cast<T, float>(values), context.Output<BFloat16>(index, type, dims));
                break;
            case DataType.Bool:
            {
                ReadOnlySpan<byte> bytes = MemoryMarshal.Cast<T, byte>(values);
                Span<bool> output = context.Output<bool>(index, type, dims);
                for (int i = 0; i < output.Length; i++)
                    output[i] = bytes[i] != 0;
                break;
            }
        }
    }
}
