using System.Numerics;
using Onyx.Runtime.Kernels.Reduce;

namespace Onyx.Runtime.Kernels.Math;

/// <summary>
/// Einsum: each output element is the sum, over every value of the labels missing from the output, of the product
/// of the inputs at the positions their labels name. A label repeated within one term walks that term's diagonal;
/// '...' stands for the leading dims, broadcast across terms (right-aligned, size 1 stretches). Without '->' the
/// output is the broadcast '...' dims followed by the labels used exactly once, in alphabetical order.
/// </summary>
internal sealed class EinsumKernel : Kernel
{
    /// <summary>Letters are their char codes; ellipsis dims get the labels from here up to <see cref="EllipsisLabelEnd"/>.</summary>
    private const int EllipsisLabelBase = 128;

    /// <summary>Ellipsis labels are right-aligned: the last '...' dim of every term is <c>EllipsisLabelEnd - 1</c>.</summary>
    private const int EllipsisLabelEnd = 256;

    private readonly string[] _inputTerms;
    private readonly string? _outputTerm;

    private EinsumKernel(KernelNode node)
    {
        string equation = (node.Attributes.String("equation") ?? throw node.Fail("attribute 'equation' is required")).Replace(" ", "", StringComparison.Ordinal);
        int arrow = equation.IndexOf("->", StringComparison.Ordinal);
        _inputTerms = (arrow < 0 ? equation : equation[..arrow]).Split(',');
        _outputTerm = arrow < 0 ? null : equation[(arrow + 2)..];
        foreach (string term in (string[])[.. _inputTerms, _outputTerm ?? ""])
        {
            string letters = term.Replace("...", "", StringComparison.Ordinal);
            if (term.Length - letters.Length > 3 || !letters.All(char.IsAsciiLetter))
                throw node.Fail($"equation term '{term}' must be letters with at most one '...'");
        }
    }

    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Einsum", node => new EinsumKernel(node))];

    public override void Run(KernelContext context)
    {
        if (context.InputCount != _inputTerms.Length)
            throw context.Fail($"the equation has {_inputTerms.Length} input terms but the node has {context.InputCount} inputs");
        var inputs = new Tensor[_inputTerms.Length];
        var labels = new int[inputs.Length][];
        int ellipsisRank = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = context.Tensor(i);
            labels[i] = TermLabels(context, _inputTerms[i], inputs[i].Dims.Length, i);
            if (i > 0 && inputs[i].DataType != inputs[0].DataType)
                throw context.Fail($"input {i} is {inputs[i].DataType.TypeName()} but input 0 is {inputs[0].DataType.TypeName()}");
            ellipsisRank = System.Math.Max(ellipsisRank, labels[i].Count(l => l >= EllipsisLabelBase));
        }
        var sizes = new Dictionary<int, long>();
        for (int i = 0; i < inputs.Length; i++)
        {
            for (int axis = 0; axis < labels[i].Length; axis++)
            {
                int label = labels[i][axis];
                long dim = inputs[i].Dims[axis];
                if (!sizes.TryGetValue(label, out long size) || (size == 1 && label >= EllipsisLabelBase))
                    sizes[label] = dim;
                else if (dim != size && !(dim == 1 && label >= EllipsisLabelBase))
                    throw context.Fail($"label '{LabelName(label)}' has size {size} elsewhere but {dim} in axis {axis} of input {i}");
            }
        }
        int[] output = OutputLabels(context, labels, ellipsisRank, sizes);
        int[] summed = [.. sizes.Keys.Where(l => !output.Contains(l)).Order()];
        long[] dims = [.. output.Select(l => sizes[l])];
        context.ElementCount(dims);
        var outer = new int[inputs.Length][];
        var inner = new int[inputs.Length][];
        for (int i = 0; i < inputs.Length; i++)
        {
            outer[i] = Offsets(inputs[i].Dims, labels[i], output, sizes);
            inner[i] = Offsets(inputs[i].Dims, labels[i], summed, sizes);
        }
        ComputeElements.Dispatch(context, inputs[0].DataType, new Body(inputs, outer, inner, dims));
    }

    private readonly struct Body(Tensor[] inputs, int[][] outer, int[][] inner, long[] dims) : IElementBody
    {
        public void Run<T>(KernelContext context) where T : unmanaged, INumber<T>
        {
            var values = new T[inputs.Length][];
            for (int i = 0; i < inputs.Length; i++)
                values[i] = ComputeElements.Read<T>(inputs[i]).ToArray();
            Span<T> y = ComputeElements.Output<T>(context, 0, inputs[0].DataType, dims);
            int innerCount = inner[0].Length;
            for (int o = 0; o < y.Length; o++)
            {
                T sum = T.Zero;
                for (int s = 0; s < innerCount; s++)
                {
                    T product = T.One;
                    for (int i = 0; i < values.Length; i++)
                        product *= values[i][outer[i][o] + inner[i][s]];
                    sum += product;
                }
                y[o] = sum;
            }
            ComputeElements.Store<T>(context, 0, inputs[0].DataType, dims, y);
        }
    }

    /// <summary>The label of each axis of an input of <paramref name="rank"/> under <paramref name="term"/>.</summary>
    private static int[] TermLabels(KernelContext context, string term, int rank, int input)
    {
        int ellipsis = term.IndexOf("...", StringComparison.Ordinal);
        int letters = ellipsis < 0 ? term.Length : term.Length - 3;
        int ellipsisDims = rank - letters;
        if (ellipsis < 0 ? ellipsisDims != 0 : ellipsisDims < 0 || ellipsisDims > EllipsisLabelEnd - EllipsisLabelBase)
            throw context.Fail($"input {input} has rank {rank}, which term '{term}' does not fit");
        var labels = new List<int>(rank);
        foreach (char c in ellipsis < 0 ? term : term[..ellipsis])
            labels.Add(c);
        for (int d = 0; d < (ellipsis < 0 ? 0 : ellipsisDims); d++)
            labels.Add(EllipsisLabelEnd - ellipsisDims + d);
        foreach (char c in ellipsis < 0 ? "" : term[(ellipsis + 3)..])
            labels.Add(c);
        return [.. labels];
    }

    private int[] OutputLabels(KernelContext context, int[][] labels, int ellipsisRank, Dictionary<int, long> sizes)
    {
        IEnumerable<int> ellipsisLabels = Enumerable.Range(EllipsisLabelEnd - ellipsisRank, ellipsisRank);
        if (_outputTerm is null)
        {
            IEnumerable<int> once = labels.SelectMany(l => l).Where(l => l < EllipsisLabelBase).GroupBy(l => l).Where(g => g.Count() == 1).Select(g => g.Key).Order();
            return [.. ellipsisLabels, .. once];
        }
        int ellipsis = _outputTerm.IndexOf("...", StringComparison.Ordinal);
        int[] result = ellipsis < 0
            ? [.. _outputTerm.Select(c => (int)c)]
            : [.. _outputTerm[..ellipsis].Select(c => (int)c), .. ellipsisLabels, .. _outputTerm[(ellipsis + 3)..].Select(c => (int)c)];
        foreach (int label in result)
        {
            if (!sizes.ContainsKey(label))
                throw context.Fail($"output label '{LabelName(label)}' appears in no input term");
            if (result.Count(l => l == label) > 1)
                throw context.Fail($"output label '{LabelName(label)}' appears more than once");
        }
        return result;
    }

    /// <summary>
    /// For every index over <paramref name="walked"/> (row-major): the offset into an input whose axes carry
    /// <paramref name="axisLabels"/>. An axis of size 1 under a larger label is broadcast (stride 0); a label on
    /// several axes moves along all of them at once (the diagonal).
    /// </summary>
    private static int[] Offsets(long[] inputDims, int[] axisLabels, int[] walked, Dictionary<int, long> sizes)
    {
        var strides = new long[walked.Length];
        long stride = 1;
        for (int axis = inputDims.Length - 1; axis >= 0; axis--)
        {
            int k = Array.IndexOf(walked, axisLabels[axis]);
            if (k >= 0 && inputDims[axis] == sizes[walked[k]])
                strides[k] += stride;
            stride *= inputDims[axis];
        }
        long count = 1;
        foreach (int label in walked)
            count *= sizes[label];
        var offsets = new int[count];
        var index = new long[walked.Length];
        long offset = 0;
        for (long n = 0; n < count; n++)
        {
            offsets[n] = (int)offset;
            for (int k = walked.Length - 1; k >= 0; k--)
            {
                index[k]++;
                offset += strides[k];
                if (index[k] < sizes[walked[k]])
                    break;
                offset -= strides[k] * index[k];
                index[k] = 0;
            }
        }
        return offsets;
    }

    private static string LabelName(int label) => label < EllipsisLabelBase ? ((char)label).ToString() : "...";
}
