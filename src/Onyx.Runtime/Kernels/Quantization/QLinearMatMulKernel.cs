using System.Runtime.InteropServices;
using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Math;

namespace Onyx.Runtime.Kernels.Quantization;

/// <summary>
/// QLinearMatMul (v10, v21): (a − a_zero_point)·(b − b_zero_point) scaled by a_scale·b_scale/y_scale, then
/// y_zero_point added and the result rounded half to even and saturated to y_zero_point's type. Scales and zero
/// points are per tensor, or per row of a / column of b / row of y. The scale factor is computed in the scales' own
/// type, as the spec's reference does.
/// </summary>
internal static class QLinearMatMulKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("QLinearMatMul", _ => new DelegateKernel(Run))];

    private static void Run(KernelContext context)
    {
        Tensor a = context.Tensor(0), b = context.Tensor(3), yZero = context.Tensor(7);
        MatrixKernels.BatchedProduct plan = MatrixKernels.Plan(context, a.Dims, b.Dims, "a", "b");
        double[] av = Centered(context, a, context.Tensor(2), 1, "a_zero_point", plan.M, rowWise: true);
        double[] bv = Centered(context, b, context.Tensor(5), 4, "b_zero_point", plan.N, rowWise: false);
        var y = new double[context.ElementCount(plan.OutputDims)];
        MatrixKernels.Multiply<double>(plan, av, bv, y);

        Tensor aScale = context.Tensor(1), bScale = context.Tensor(4), yScale = context.Tensor(6);
        double[] aScales = Parameter(context, aScale, 1, plan.M), bScales = Parameter(context, bScale, 4, plan.N);
        double[] yScales = Parameter(context, yScale, 6, plan.M), yZeros = Parameter(context, yZero, 7, plan.M);
        if (aScale.DataType != bScale.DataType || aScale.DataType != yScale.DataType)
            throw context.Fail($"the scales have element types {aScale.DataType.TypeName()}, {bScale.DataType.TypeName()} and {yScale.DataType.TypeName()}; they must agree");
        bool integer = Conversion.IsInteger(yZero.DataType);
        (double min, double max) = integer ? Range(yZero.DataType) : (double.NegativeInfinity, double.PositiveInfinity);
        for (int i = 0; i < y.Length; i++)
        {
            int row = i / plan.N % plan.M, column = i % plan.N;
            double factor = Factor(aScale.DataType, At(aScales, row), At(bScales, column), At(yScales, row));
            double value = y[i] * factor + At(yZeros, row);
            y[i] = integer ? System.Math.Clamp(System.Math.Round(value, MidpointRounding.ToEven), min, max) : value;
        }
        Span<byte> output = context.AllocateOutput(0, yZero.DataType, plan.OutputDims);
        Conversion.Convert(DataType.Double, MemoryMarshal.AsBytes(y.AsSpan()), yZero.DataType, output, y.Length, ConversionOptions.Default);
    }

    private static double At(double[] values, int index) => values.Length == 1 ? values[0] : values[index];

    /// <summary>a_scale·b_scale/y_scale rounded after each step to the scales' type.</summary>
    private static double Factor(DataType type, double a, double b, double y) => type switch
    {
        DataType.Float => (float)((float)(a * b) / y),
        DataType.Float16 => (double)(Half)((double)(Half)(a * b) / y),
        DataType.BFloat16 => (float)(BFloat16)(float)((float)(BFloat16)(float)(a * b) / y),
        _ => a * b / y,
    };

    private static (double Min, double Max) Range(DataType type) => type switch
    {
        DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DataType.UInt8 => (byte.MinValue, byte.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an 8-bit integer type"),
    };

    /// <summary>The input less its zero point, per tensor or per row of a / column of b.</summary>
    private static double[] Centered(KernelContext context, Tensor input, Tensor zeroPoint, int inputIndex, string zeroName, int count, bool rowWise)
    {
        int zeroIndex = inputIndex == 1 ? 2 : 5;
        if (zeroPoint.DataType != input.DataType)
            throw context.Fail($"input {zeroIndex} ('{zeroName}') is {zeroPoint.DataType.TypeName()} but its input is {input.DataType.TypeName()}");
        double[] values = Reals(context, input), zeros = Parameter(context, zeroPoint, zeroIndex, count);
        long n = input.Dims[^1], m = input.Dims.Length >= 2 ? input.Dims[^2] : 1;
        for (long i = 0; i < values.Length; i++)
            values[i] -= At(zeros, (int)(rowWise ? i / n % m : i % n));
        return values;
    }

    /// <summary>A scale or zero point: one value, or <paramref name="count"/> (per row or column), as doubles.</summary>
    private static double[] Parameter(KernelContext context, Tensor tensor, int index, int count)
    {
        if (tensor.Dims.Length > 1 || (tensor.ElementCount != 1 && tensor.ElementCount != count))
            throw context.Fail($"input {index} ('{context.Node.Node.Inputs[index]}') has shape [{string.Join(",", tensor.Dims)}]; expected a scalar or [{count}]");
        return Reals(context, tensor);
    }

    private static double[] Reals(KernelContext context, Tensor tensor)
    {
        if (!Conversion.Supports(tensor.DataType))
            throw context.Fail($"an input has element type {tensor.DataType.TypeName()}, which QLinearMatMul does not accept");
        var values = new double[tensor.ElementCount];
        Conversion.Convert(tensor.DataType, tensor.RawData.Span, DataType.Double, MemoryMarshal.AsBytes(values.AsSpan()), values.Length, ConversionOptions.Default);
        return values;
    }
}
