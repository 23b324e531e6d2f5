using System.Runtime.InteropServices;
using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;
using static Onyx.Runtime.Kernels.Tensors.TensorInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// Split: the input cut along one axis into parts of the sizes given by the split input (v13+) or attribute
/// (before v13), else into equal parts (with num_outputs, v18, the last part is smaller when the dim does not divide).
/// Each output is one block per outer index of the input (<see cref="AxisRuns"/>), copied into the output buffer. The
/// geometry is worked out for the first input shape and split sizes and reused while they repeat.
/// </summary>
internal sealed class SplitKernel(long axisAttribute, IReadOnlyList<long>? splitAttribute, long? numOutputs) : Kernel
{
    // Shared by concurrent runs: replaced whole, never changed.
    private Geometry? _geometry;

    public static Kernel Create(KernelNode node) =>
        new SplitKernel(node.Attributes.Int("axis", 0), node.Version < 13 ? node.Attributes.Ints("split") : null, node.Attributes.Int("num_outputs"));

    public override void Run(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        Geometry geometry = _geometry is { } cached && cached.Matches(context) ? cached : _geometry = Of(context);
        DataType type = input.DataType;
        int bits = type.BitsPerElement();
        if (bits < 8 && type != DataType.String)
            throw context.Fail($"input 0 ('{Name(context, 0)}') is {type.TypeName()}, which Split does not take");
        for (int j = 0; j < geometry.OutputDims.Length; j++)
        {
            if (!context.HasOutput(j))
                continue;
            long[] dims = geometry.OutputDims[j];
            if (type == DataType.String)
            {
                var values = new byte[context.ElementCount(dims)][];
                geometry.Cut<byte[]>(j, CollectionsMarshal.AsSpan(input.Strings), values, 1);
                context.SetOutput(j, OnnxValue.FromTensor(StringTensors.FromUtf8(values, [.. dims])));
            }
            else
            {
                geometry.Cut(j, input.RawData.Span, context.AllocateOutput(j, type, dims), bits / 8);
            }
        }
    }

    private Geometry Of(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        int axis = Axis(context, axisAttribute, input.Dims.Length);
        long dim = input.Dims[axis];
        long[] sizes = InputOrAttribute(context, 1, splitAttribute) ?? EvenSplit(context, dim, numOutputs ?? context.OutputCount);
        long total = 0;
        bool valid = sizes.Length == context.OutputCount;
        foreach (long size in sizes)
        {
            valid &= size >= 0 && size <= dim - total;
            total += valid ? size : 0;
        }
        if (!valid || total != dim)
            throw context.Fail($"the split sizes [{string.Join(",", sizes)}] must be {context.OutputCount} non-negative sizes adding up to {dim}, the dim of axis {axis}");
        return new Geometry(input.Dims, axis, sizes, context.HasInput(1));
    }

    /// <summary>Equal parts; with num_outputs (v18) the last part is smaller when the dim does not divide.</summary>
    private static long[] EvenSplit(KernelContext context, long dim, long parts)
    {
        if (parts <= 0)
            throw context.Fail("Split needs at least one output");
        if (context.Node.Version < 18 && dim % parts != 0)
            throw context.Fail($"dim {dim} does not split into {parts} equal parts");
        if (parts > context.OutputCount)
            throw context.Fail($"attribute 'num_outputs' is {parts}, but the node has {context.OutputCount} outputs");
        long size = (dim + parts - 1) / parts;
        var sizes = new long[parts];
        for (int i = 0; i < sizes.Length; i++)
            sizes[i] = System.Math.Clamp(dim - i * size, 0, size);
        return sizes;
    }

    /// <summary>
    /// The input shape and split sizes one geometry serves and where each output's runs come from: output j has
    /// <see cref="Outer"/> runs of Runs[j] elements, which start at Offsets[j] of each input run.
    /// </summary>
    private sealed class Geometry
    {
        private readonly long[] _inputDims, _sizes, _runs, _offsets;
        private readonly bool _sizesFromInput;
        private readonly long _inputRun;

        public Geometry(long[] inputDims, int axis, long[] sizes, bool sizesFromInput)
        {
            (_inputDims, _sizes, _sizesFromInput) = ([.. inputDims], sizes, sizesFromInput);
            bool empty = IndexingOffsets.Product(inputDims, 0, inputDims.Length) == 0;
            Outer = empty ? 0 : IndexingOffsets.Product(inputDims, 0, axis);
            long inner = empty ? 0 : IndexingOffsets.Product(inputDims, axis + 1, inputDims.Length);
            _inputRun = inputDims[axis] * inner;
            OutputDims = new long[sizes.Length][];
            _runs = new long[sizes.Length];
            _offsets = new long[sizes.Length];
            long offset = 0;
            for (int j = 0; j < sizes.Length; j++)
            {
                OutputDims[j] = [.. inputDims];
                OutputDims[j][axis] = sizes[j];
                _runs[j] = sizes[j] * inner;
                _offsets[j] = offset;
                offset += _runs[j];
            }
        }

        public long[][] OutputDims { get; }

        public long Outer { get; }

        /// <summary>True when the input shape and split sizes of <paramref name="context"/> are the ones this geometry was made for.</summary>
        public bool Matches(KernelContext context)
        {
            if (!context.Tensor(0).Dims.AsSpan().SequenceEqual(_inputDims) || context.HasInput(1) != _sizesFromInput)
                return false;
            if (!_sizesFromInput)
                return true;
            Tensor split = context.Tensor(1);
            return split.DataType == DataType.Int64 && split.AsSpan<long>().SequenceEqual(_sizes);
        }

        /// <summary>Copies the runs of output <paramref name="output"/> out of <paramref name="source"/>; elements are <paramref name="unit"/> items each.</summary>
        public void Cut<T>(int output, ReadOnlySpan<T> source, Span<T> target, int unit) =>
            AxisRuns.Copy(source[checked((int)(_offsets[output] * unit))..], _inputRun * unit, target, _runs[output] * unit, Outer, _runs[output] * unit);
    }
}
