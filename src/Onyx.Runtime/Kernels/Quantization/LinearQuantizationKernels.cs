using System.Runtime.InteropServices;
using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Quantization;

/// <summary>
/// QuantizeLinear (y = saturate(round(x / scale) + zero_point)) and DequantizeLinear (y = (x - zero_point) · scale),
/// every version: per-tensor (scalar scale), per-axis (1-D scale along 'axis') and blocked (a scale per block_size
/// elements along 'axis') parameters; integer, 4- and 2-bit and float8 quantized types.
/// </summary>
internal static class LinearQuantizationKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("QuantizeLinear", node => Quantize(new Parameters(node), node.Attributes.Int("output_dtype", 0),
            node.Attributes.Int("precision", 0), node.Attributes.Int("saturate", 1) != 0)),
        KernelRegistration.All("DequantizeLinear", node => Dequantize(new Parameters(node), node.Attributes.Int("output_dtype", 0))),
    ];

    private static Kernel Quantize(Parameters parameters, long outputType, long precision, bool saturate) => new DelegateKernel(context =>
    {
        Tensor x = context.Tensor(0), scale = context.Tensor(1);
        Tensor? zeroPoint = context.OptionalTensor(2);
        DataType type = outputType != 0 ? (DataType)outputType : zeroPoint?.DataType ?? DataType.UInt8;
        if (zeroPoint is not null && zeroPoint.DataType != type)
            throw context.Fail($"input 2 ('{Name(context, 2)}') is {zeroPoint.DataType.TypeName()}, but the output type is {type.TypeName()}");
        DataType quotientType = precision != 0 ? (DataType)precision : scale.DataType;
        double[] values = Doubles(x), scales = Doubles(scale), zeros = zeroPoint is null ? new double[scales.Length] : Doubles(zeroPoint);
        int[] index = parameters.Index(context, x.Dims, scale, zeroPoint);
        (double low, double high) = Range(type);
        bool integer = Conversion.IsInteger(type);
        for (int i = 0; i < values.Length; i++)
        {
            double quotient = RoundTo(quotientType, values[i] / scales[index[i]]);
            values[i] = integer ? System.Math.Clamp(System.Math.Round(quotient, MidpointRounding.ToEven) + zeros[index[i]], low, high) : quotient + zeros[index[i]];
        }
        Write(context, type, x.Dims, values, saturate);
    });

    private static Kernel Dequantize(Parameters parameters, long outputType) => new DelegateKernel(context =>
    {
        Tensor x = context.Tensor(0), scale = context.Tensor(1);
        Tensor? zeroPoint = context.OptionalTensor(2);
        if (zeroPoint is not null)
            SameType(context, x, 0, zeroPoint, 2);
        DataType type = outputType != 0 ? (DataType)outputType : scale.DataType;
        double[] values = Doubles(x), scales = Doubles(scale), zeros = zeroPoint is null ? new double[scales.Length] : Doubles(zeroPoint);
        int[] index = parameters.Index(context, x.Dims, scale, zeroPoint);
        for (int i = 0; i < values.Length; i++)
            values[i] = (values[i] - zeros[index[i]]) * scales[index[i]];
        Write(context, type, x.Dims, values, true);
    });

    /// <summary>The axis and block size that say which scale each element uses.</summary>
    private sealed class Parameters(KernelNode node)
    {
        private readonly long _axis = node.Attributes.Int("axis", 1), _blockSize = node.Attributes.Int("block_size", 0);

        /// <summary>For each element of x, the index of its scale and zero point; fails when their shapes fit no granularity.</summary>
        public int[] Index(KernelContext context, long[] dims, Tensor scale, Tensor? zeroPoint)
        {
            // A one-element zero point of shape [1] goes with a scalar scale, as the backend tests write it.
            if (zeroPoint is not null && !zeroPoint.Dims.AsSpan().SequenceEqual(scale.Dims) && (zeroPoint.ElementCount != 1 || scale.ElementCount != 1))
                throw context.Fail($"input 2 ('{Name(context, 2)}') has shape {Shape(zeroPoint.Dims)}; it must match the scale's {Shape(scale.Dims)}");
            var index = new int[context.ElementCount(dims)];
            if (scale.ElementCount == 1 && _blockSize == 0)
                return index;
            int axis = Axis(context, _axis, dims.Length);
            long length = dims[axis], inner = IndexingOffsets.Product(dims, axis + 1, dims.Length);
            if (_blockSize == 0)
            {
                if (scale.Dims.Length != 1 || scale.Dims[0] != length)
                    throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(scale.Dims)}; per-axis quantization needs [{length}], the dim of axis {axis}");
                for (int i = 0; i < index.Length; i++)
                    index[i] = (int)(i / inner % length);
                return index;
            }
            long blocks = scale.Dims.Length == dims.Length ? scale.Dims[axis] : -1;
            if (blocks <= 0 || (length + _blockSize - 1) / _blockSize != blocks
                || Enumerable.Range(0, dims.Length).Any(d => d != axis && scale.Dims[d] != dims[d]))
                throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(scale.Dims)}; blocks of {_blockSize} along axis {axis} of {Shape(dims)} need that shape with {(length + _blockSize - 1) / _blockSize} along the axis");
            for (int i = 0; i < index.Length; i++)
            {
                long outer = i / (length * inner), along = i / inner % length;
                index[i] = (int)((outer * blocks + along / _blockSize) * inner + i % inner);
            }
            return index;
        }
    }

    /// <summary>The range of an integer quantized type; infinite for the float types, whose conversion saturates instead.</summary>
    private static (double Low, double High) Range(DataType type) => type switch
    {
        DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DataType.UInt8 => (0, byte.MaxValue),
        DataType.Int16 => (short.MinValue, short.MaxValue),
        DataType.UInt16 => (0, ushort.MaxValue),
        DataType.Int32 => (int.MinValue, int.MaxValue),
        DataType.Int4 => (-8, 7),
        DataType.UInt4 => (0, 15),
        DataType.Int2 => (-2, 1),
        DataType.UInt2 => (0, 3),
        _ => (double.NegativeInfinity, double.PositiveInfinity),
    };

    /// <summary>A quotient rounded as a division in <paramref name="type"/> would round it (double holds any float's quotient closely enough).</summary>
    private static double RoundTo(DataType type, double value) => type switch
    {
        DataType.Float => (float)value,
        DataType.Float16 => (double)(Half)value,
        DataType.BFloat16 => (float)(BFloat16)(float)value,
        _ => value,
    };

    private static double[] Doubles(Tensor tensor)
    {
        var values = new double[tensor.ElementCount];
        Conversion.Convert(tensor.DataType, tensor.RawData.Span, DataType.Double, MemoryMarshal.AsBytes(values.AsSpan()), values.Length, ConversionOptions.Default);
        return values;
    }

    private static void Write(KernelContext context, DataType type, long[] dims, double[] values, bool saturate)
    {
        if (!Conversion.Supports(type))
            throw context.Fail($"the output type {type.TypeName()} is not a numeric type");
        Conversion.Convert(DataType.Double, MemoryMarshal.AsBytes(values.AsSpan()), type, context.AllocateOutput(0, type, dims), values.Length,
            ConversionOptions.Default with { Saturate = saturate });
    }
}
