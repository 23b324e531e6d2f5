using System.Numerics;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Logic;

/// <summary>
/// Logical, comparison and bitwise operators, every version, under broadcasting (legacy broadcasting before opset 7).
/// bools are the bytes 0 and 1, so And, Or, Xor and Not are the bitwise operators on them.
/// </summary>
internal static class LogicKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        Integer<AndOp>("And"),
        Integer<OrOp>("Or"),
        Integer<XorOp>("Xor"),
        Integer<AndOp>("BitwiseAnd"),
        Integer<OrOp>("BitwiseOr"),
        Integer<XorOp>("BitwiseXor"),
        Map<NotOp>("Not"),
        Map<BitwiseNotOp>("BitwiseNot"),
        KernelRegistration.All("Equal", node => ElementwiseKernel.Binary(node, (context, a, b, bDims) => a.DataType == DataType.String
            ? ElementwiseLoops.ZipStringsEqual(context, a, b, bDims)
            : ElementwiseLoops.ZipCompare(context, a, b, bDims, default(EqualOp), toOutput: true))),
        Comparison<LessOp>("Less"),
        Comparison<GreaterOp>("Greater"),
        Comparison<LessOrEqualOp>("LessOrEqual"),
        Comparison<GreaterOrEqualOp>("GreaterOrEqual"),
        KernelRegistration.All("BitShift", node => node.Attributes.String("direction") switch
        {
            "LEFT" => BitShift<ShiftLeftOp>(node),
            "RIGHT" => BitShift<ShiftRightOp>(node),
            var other => throw node.Fail($"attribute direction is '{other}'; expected LEFT or RIGHT"),
        }),
    ];

    private static KernelRegistration Integer<TOp>(string opType) where TOp : struct, IIntegerOperator =>
        KernelRegistration.All(opType, node => ElementwiseKernel.Binary(node, (context, a, b, bDims) => ElementwiseLoops.ZipInteger(context, a, b, bDims, default(TOp), toOutput: true)));

    private static KernelRegistration Map<TOp>(string opType) where TOp : struct, IIntegerFunction =>
        KernelRegistration.All(opType, _ => ElementwiseKernel.Unary((context, x) => ElementwiseLoops.MapInteger(context, x, "X", default(TOp))));

    private static KernelRegistration Comparison<TOp>(string opType) where TOp : struct, IComparison =>
        KernelRegistration.All(opType, node => ElementwiseKernel.Binary(node, (context, a, b, bDims) => ElementwiseLoops.ZipCompare(context, a, b, bDims, default(TOp), toOutput: true)));

    /// <summary>Shifts are defined for the unsigned integer types only (Operators.md, BitShift).</summary>
    private static Kernel BitShift<TOp>(KernelNode node) where TOp : struct, IIntegerOperator =>
        ElementwiseKernel.Binary(node, (context, x, y, yDims) => x.DataType is DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64
            ? ElementwiseLoops.ZipInteger(context, x, y, yDims, default(TOp))
            : throw ElementwiseLoops.Unsupported(context, x, "X"));

    private readonly struct AndOp : IIntegerOperator { public T Apply<T>(T a, T b) where T : IBinaryInteger<T> => a & b; }

    private readonly struct OrOp : IIntegerOperator { public T Apply<T>(T a, T b) where T : IBinaryInteger<T> => a | b; }

    private readonly struct XorOp : IIntegerOperator { public T Apply<T>(T a, T b) where T : IBinaryInteger<T> => a ^ b; }

    private readonly struct NotOp : IIntegerFunction { public T Apply<T>(T x) where T : IBinaryInteger<T> => x ^ T.One; }

    private readonly struct BitwiseNotOp : IIntegerFunction { public T Apply<T>(T x) where T : IBinaryInteger<T> => ~x; }

    /// <summary>Shifting by the bit width or more empties the value, as numpy's shifts do (.NET would shift modulo the width).</summary>
    private readonly struct ShiftLeftOp : IIntegerOperator
    {
        public T Apply<T>(T a, T b) where T : IBinaryInteger<T> => b >= Width<T>() ? T.Zero : a << int.CreateTruncating(b);
    }

    private readonly struct ShiftRightOp : IIntegerOperator
    {
        public T Apply<T>(T a, T b) where T : IBinaryInteger<T> => b >= Width<T>() ? T.Zero : a >> int.CreateTruncating(b);
    }

    private static T Width<T>() where T : IBinaryInteger<T> => T.PopCount(T.AllBitsSet);

    private readonly struct EqualOp : IComparison { public bool Apply<T>(T a, T b) where T : INumber<T> => a == b; }

    private readonly struct LessOp : IComparison { public bool Apply<T>(T a, T b) where T : INumber<T> => a < b; }

    private readonly struct GreaterOp : IComparison { public bool Apply<T>(T a, T b) where T : INumber<T> => a > b; }

    private readonly struct LessOrEqualOp : IComparison { public bool Apply<T>(T a, T b) where T : INumber<T> => a <= b; }

    private readonly struct GreaterOrEqualOp : IComparison { public bool Apply<T>(T a, T b) where T : INumber<T> => a >= b; }
}
