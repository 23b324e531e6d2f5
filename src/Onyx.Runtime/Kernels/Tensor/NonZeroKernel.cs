using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// NonZero (Operators.md): the int64 coordinates, shape [rank, count], of the nonzero elements in row-major order.
/// Zero is what numpy counts as zero: ±0 (NaN is nonzero), false, the empty string, and 0 + 0i.
/// </summary>
internal static class NonZeroKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("NonZero", _ => new DelegateKernel(Run))];

    private static void Run(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        bool[] nonzero = NonzeroFlags(context, input);
        int rank = input.Dims.Length;
        long count = 0;
        foreach (bool flag in nonzero)
            count += flag ? 1 : 0;
        Span<long> coordinates = context.Output<long>(0, DataType.Int64, [rank, count]);
        var position = new long[rank];
        long column = 0;
        foreach (bool flag in nonzero)
        {
            if (flag)
            {
                for (int d = 0; d < rank; d++)
                    coordinates[(int)(d * count + column)] = position[d];
                column++;
            }
            for (int d = rank - 1; d >= 0 && ++position[d] == input.Dims[d]; d--)
                position[d] = 0;
        }
    }

    private static bool[] NonzeroFlags(KernelContext context, Tensor input)
    {
        long count = input.ElementCount;
        var flags = new bool[count];
        if (input.DataType == DataType.String)
        {
            for (int i = 0; i < flags.Length; i++)
                flags[i] = input.Strings[i].Length > 0;
            return flags;
        }
        // A complex number is nonzero when either part is: its parts convert as a real pair.
        bool complex = input.DataType is DataType.Complex64 or DataType.Complex128;
        DataType type = input.DataType switch
        {
            DataType.Complex64 => DataType.Float,
            DataType.Complex128 => DataType.Double,
            var t when Conversion.Supports(t) => t,
            var t => throw context.Fail($"input 0 ('{GatherInputs.Name(context, 0)}') is {t.TypeName()}, which NonZero does not take"),
        };
        var parts = new byte[complex ? 2 * count : count];
        Conversion.Convert(type, input.RawData.Span, DataType.Bool, parts, parts.Length, ConversionOptions.Default);
        for (int i = 0; i < flags.Length; i++)
            flags[i] = complex ? (parts[2 * i] | parts[2 * i + 1]) != 0 : parts[i] != 0;
        return flags;
    }
}
