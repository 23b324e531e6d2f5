using System.Runtime.InteropServices;
using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Concat: the inputs joined along one axis, each input's part copied as one block per outer index
/// (<see cref="AxisRuns"/>) into the output buffer. The geometry is worked out for the first input shapes and reused
/// while they repeat, as they do from one decode step to the next.
/// </summary>
internal sealed class ConcatKernel(long axisAttribute) : Kernel
{
    // Shared by concurrent runs: replaced whole, never changed.
    private Geometry? _geometry;

    // Before v4, axis defaults to 1.
    public static Kernel Create(KernelNode node) =>
        new ConcatKernel(node.Attributes.Int("axis") ?? (node.Version < 4 ? 1 : throw node.Fail("attribute 'axis' is required")));

    public override void Run(KernelContext context)
    {
        Tensor first = context.Tensor(0);
        for (int i = 1; i < context.InputCount; i++)
            SameType(context, first, 0, context.Tensor(i), i);
        Geometry geometry = _geometry is { } cached && cached.Matches(context) ? cached : _geometry = Geometry.Of(context, axisAttribute);
        DataType type = first.DataType;
        int bits = type.BitsPerElement();
        if (bits < 8 && type != DataType.String)
            throw context.Fail($"input 0 ('{Name(context, 0)}') is {type.TypeName()}, which Concat does not take");
        if (type == DataType.String)
        {
            if (geometry.Count > Array.MaxLength)
                throw context.Fail($"the output of shape {Shape(geometry.Dims)} holds more strings than one array can");
            var values = new byte[geometry.Count][];
            for (int i = 0; i < context.InputCount; i++)
                geometry.Join<byte[]>(i, CollectionsMarshal.AsSpan(context.Tensor(i).Strings), values, 1);
            context.SetOutput(0, OnnxValue.FromTensor(StringTensors.FromUtf8(values, [.. geometry.Dims])));
        }
        else
        {
            Span<byte> output = context.AllocateOutput(0, type, geometry.Dims);
            for (int i = 0; i < context.InputCount; i++)
                geometry.Join(i, context.Tensor(i).RawData.Span, output, bits / 8);
        }
    }

    /// <summary>
    /// The shapes one geometry serves and where each input's runs go: input i has <see cref="Outer"/> runs of
    /// Runs[i] elements, which start at Offsets[i] of each output run of <see cref="OutputRun"/> elements.
    /// </summary>
    private sealed class Geometry
    {
        private readonly long[][] _inputDims;
        private readonly long[] _runs, _offsets;

        private Geometry(long[][] inputDims, long[] dims, long count, long outer, long[] runs, long[] offsets, long outputRun)
        {
            (_inputDims, Dims, Count, Outer, _runs, _offsets, OutputRun) = (inputDims, dims, count, outer, runs, offsets, outputRun);
        }

        public long[] Dims { get; }

        public long Count { get; }

        public long Outer { get; }

        public long OutputRun { get; }

        public static Geometry Of(KernelContext context, long axisAttribute)
        {
            Tensor first = context.Tensor(0);
            int rank = first.Dims.Length;
            int axis = Axis(context, axisAttribute, rank);
            var inputDims = new long[context.InputCount][];
            long[] dims = [.. first.Dims];
            dims[axis] = 0;
            for (int i = 0; i < inputDims.Length; i++)
            {
                long[] inputShape = context.Tensor(i).Dims;
                if (!SameOutside(inputShape, first.Dims, axis))
                    throw context.Fail($"input {i} ('{Name(context, i)}') has shape {Shape(inputShape)}, which does not match input 0 {Shape(first.Dims)} outside axis {axis}");
                if (dims[axis] > long.MaxValue - inputShape[axis])
                    throw context.Fail($"the inputs' dims along axis {axis} add up to more than {long.MaxValue}");
                dims[axis] += inputShape[axis];
                inputDims[i] = [.. inputShape];
            }
            long count = context.ElementCount(dims);
            long outer = count == 0 ? 0 : IndexingOffsets.Product(dims, 0, axis), inner = count == 0 ? 0 : IndexingOffsets.Product(dims, axis + 1, rank);
            long[] runs = new long[inputDims.Length], offsets = new long[inputDims.Length];
            long offset = 0;
            for (int i = 0; i < inputDims.Length; i++)
            {
                runs[i] = inputDims[i][axis] * inner;
                offsets[i] = offset;
                offset += runs[i];
            }
            return new Geometry(inputDims, dims, count, outer, runs, offsets, dims[axis] * inner);
        }

        private static bool SameOutside(long[] dims, long[] other, int axis)
        {
            if (dims.Length != other.Length)
                return false;
            for (int d = 0; d < dims.Length; d++)
            {
                if (d != axis && dims[d] != other[d])
                    return false;
            }
            return true;
        }

        /// <summary>True when the inputs of <paramref name="context"/> have the shapes this geometry was made for.</summary>
        public bool Matches(KernelContext context)
        {
            if (context.InputCount != _inputDims.Length)
                return false;
            for (int i = 0; i < _inputDims.Length; i++)
            {
                if (!context.Tensor(i).Dims.AsSpan().SequenceEqual(_inputDims[i]))
                    return false;
            }
            return true;
        }

        /// <summary>Copies the runs of input <paramref name="input"/> into <paramref name="target"/>; elements are <paramref name="unit"/> items each.</summary>
        public void Join<T>(int input, ReadOnlySpan<T> source, Span<T> target, int unit) =>
            AxisRuns.Copy(source, _runs[input] * unit, target[checked((int)(_offsets[input] * unit))..], OutputRun * unit, Outer, _runs[input] * unit);
    }
}
