using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

/// <summary>Concat and Split: the block copies along every axis, empty parts, every way of giving the split sizes, and kernels reused across shapes.</summary>
public sealed class ConcatSplitTests
{
    private static OnnxValue Longs(params long[] values) => OnnxValue.FromArray(values, values.Length);

    /// <summary>A float tensor of <paramref name="dims"/> whose elements are <paramref name="first"/>, first + 1, ….</summary>
    private static OnnxValue Counting(float first, params long[] dims) =>
        OnnxValue.FromArray([.. Enumerable.Range(0, (int)dims.Aggregate(1L, (p, d) => p * d)).Select(i => first + i)], dims);

    /// <summary>The element of <paramref name="value"/> (rank 3) at [i, j, l].</summary>
    private static float At(OnnxValue value, long i, long j, long l) =>
        value.ToArray<float>()[(i * value.Dims[1] + j) * value.Dims[2] + l];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-1)]
    [InlineData(-3)]
    public void Concat_along_any_axis_places_each_input_after_the_ones_before_it(int axis)
    {
        int normalized = axis < 0 ? axis + 3 : axis;
        long[] aDims = [2, 3, 4], bDims = [2, 3, 4], cDims = [2, 3, 4];
        (aDims[normalized], bDims[normalized], cDims[normalized]) = (1, 4, 2);
        OnnxValue a = Counting(100, aDims), b = Counting(200, bDims), c = Counting(300, cDims);

        OnnxValue y = Run("Concat", 13, [a, b, c], Int("axis", axis));

        long[] expectedDims = [2, 3, 4];
        expectedDims[normalized] = 7;
        Assert.Equal(expectedDims, y.Dims);
        for (long i = 0; i < expectedDims[0]; i++)
        {
            for (long j = 0; j < expectedDims[1]; j++)
            {
                for (long l = 0; l < expectedDims[2]; l++)
                {
                    long[] index = [i, j, l];
                    long position = index[normalized];
                    OnnxValue source = position < 1 ? a : position < 5 ? b : c;
                    index[normalized] = position < 1 ? position : position < 5 ? position - 1 : position - 5;
                    Assert.Equal(At(source, index[0], index[1], index[2]), At(y, i, j, l));
                }
            }
        }
    }

    [Fact]
    public void Concat_of_empty_inputs_gives_the_empty_or_partial_output()
    {
        OnnxValue empty = Run("Concat", 13, [Counting(0, 0, 3), Counting(0, 0, 3)], Int("axis", 1));
        OnnxValue partial = Run("Concat", 13, [Counting(0, 2, 0), Counting(1, 2, 2), Counting(0, 2, 0)], Int("axis", 1));

        Assert.Equal([0L, 6], empty.Dims);
        Assert.Empty(empty.ToArray<float>());
        Assert.Equal([2L, 2], partial.Dims);
        Assert.Equal([1f, 2, 3, 4], partial.ToArray<float>());
    }

    [Fact]
    public void Concat_1_joins_along_axis_1_by_default()
    {
        OnnxValue y = Run("Concat", 1, [Counting(1, 2, 1), Counting(5, 2, 2)]);

        Assert.Equal([2L, 3], y.Dims);
        Assert.Equal([1f, 5, 6, 2, 7, 8], y.ToArray<float>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-2)]
    public void Split_along_any_axis_by_sizes_cuts_consecutive_ranges(int axis)
    {
        int normalized = axis < 0 ? axis + 3 : axis;
        long[] dims = [3, 3, 3];
        dims[normalized] = 6;
        OnnxValue x = Counting(0, dims);

        OnnxValue[] parts = Run("Split", 13, [x, Longs(1, 0, 5)], 3, Int("axis", axis));

        long start = 0;
        foreach (OnnxValue part in parts)
        {
            long length = part.Dims[normalized];
            for (long i = 0; i < part.Dims[0]; i++)
            {
                for (long j = 0; j < part.Dims[1]; j++)
                {
                    for (long l = 0; l < part.Dims[2]; l++)
                    {
                        long[] index = [i, j, l];
                        index[normalized] += start;
                        Assert.Equal(At(x, index[0], index[1], index[2]), At(part, i, j, l));
                    }
                }
            }
            start += length;
        }
        Assert.Equal([1L, 0, 5], parts.Select(p => p.Dims[normalized]));
    }

    [Fact]
    public void Split_without_sizes_cuts_equal_parts_from_the_output_count_num_outputs_or_the_attribute()
    {
        OnnxValue x = Counting(1, 2, 4);

        OnnxValue[] byOutputs = Run("Split", 13, [x], 2, Int("axis", 1));
        OnnxValue[] byNumOutputs = Run("Split", 18, [x], 2, Int("axis", -1), Int("num_outputs", 2));
        OnnxValue[] byAttribute = Run("Split", 11, [x], 2, Int("axis", 1), Ints("split", 3, 1));

        Assert.Equal([[1f, 2, 5, 6], [3f, 4, 7, 8]], byOutputs.Select(v => v.ToArray<float>()));
        Assert.Equal([[1f, 2, 5, 6], [3f, 4, 7, 8]], byNumOutputs.Select(v => v.ToArray<float>()));
        Assert.Equal([[1f, 2, 3, 5, 6, 7], [4f, 8]], byAttribute.Select(v => v.ToArray<float>()));
    }

    [Fact]
    public void Split_of_an_empty_input_gives_empty_parts()
    {
        OnnxValue[] parts = Run("Split", 13, [Counting(0, 0, 4), Longs(1, 3)], 2, Int("axis", 1));

        Assert.Equal([0L, 1], parts[0].Dims);
        Assert.Equal([0L, 3], parts[1].Dims);
    }

    [Fact]
    public void Split_cuts_strings()
    {
        OnnxValue[] parts = Run("Split", 13, [OnnxValue.FromStrings(["a", "b", "c", "d"], 2, 2)], 2, Int("axis", 1));

        Assert.Equal(["a", "c"], parts[0].Tensor.ToStrings());
        Assert.Equal(["b", "d"], parts[1].Tensor.ToStrings());
    }

    [Fact]
    public void One_session_concats_and_splits_inputs_whose_shapes_change_between_runs()
    {
        var g = new GraphBuilder("g");
        g.AddInput("a", DataType.Float, "n", "p");
        g.AddInput("b", DataType.Float, "n", "q");
        g.AddInput("sizes", DataType.Int64, 2);
        g.AddNode(new Node("Concat", ["a", "b"], ["joined"]) { Attributes = { Int("axis", 1) } });
        g.AddNode(new Node("Split", ["joined", "sizes"], ["left", "right"]) { Attributes = { Int("axis", -1) } });
        g.AddOutput("joined", DataType.Float, "n", "r");
        g.AddOutput("left", DataType.Float, "n", "s");
        g.AddOutput("right", DataType.Float, "n", "t");
        using var session = new InferenceSession(g.ToModel(18));
        (long N, long P, long Q, long Left)[] cases = [(2, 3, 1, 1), (1, 2, 5, 4), (2, 3, 1, 3), (3, 0, 2, 2), (2, 3, 1, 1)];

        foreach ((long n, long p, long q, long left) in cases)
        {
            OnnxValue a = Counting(10, n, p), b = Counting(50, n, q);

            IReadOnlyDictionary<string, OnnxValue> y = session.Run(new Dictionary<string, OnnxValue> { ["a"] = a, ["b"] = b, ["sizes"] = Longs(left, p + q - left) });

            float[] joined = [.. Enumerable.Range(0, (int)n).SelectMany(i => a.ToArray<float>().Skip(i * (int)p).Take((int)p).Concat(b.ToArray<float>().Skip(i * (int)q).Take((int)q)))];
            Assert.Equal([n, p + q], y["joined"].Dims);
            Assert.Equal(joined, y["joined"].ToArray<float>());
            Assert.Equal(Enumerable.Range(0, (int)n).SelectMany(i => joined.Skip(i * (int)(p + q)).Take((int)left)), y["left"].ToArray<float>());
            Assert.Equal(Enumerable.Range(0, (int)n).SelectMany(i => joined.Skip(i * (int)(p + q) + (int)left).Take((int)(p + q - left))), y["right"].ToArray<float>());
        }
    }
}
