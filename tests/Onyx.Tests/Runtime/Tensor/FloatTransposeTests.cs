using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.TensorKernels;

/// <summary>The tiled float Transpose (two swapped axis groups) against the element-wise path of double on the same values.</summary>
public sealed class FloatTransposeTests
{
    [Theory]
    [InlineData(new long[] { 37, 45 }, new long[] { 1, 0 })]
    [InlineData(new long[] { 2, 5, 33, 7 }, new long[] { 0, 2, 3, 1 })]
    [InlineData(new long[] { 2, 5, 33, 7 }, new long[] { 0, 3, 1, 2 })]
    [InlineData(new long[] { 2, 5, 33, 7 }, new long[] { 0, 1, 3, 2 })]
    [InlineData(new long[] { 3, 4, 5 }, new long[] { 2, 0, 1 })]
    [InlineData(new long[] { 2, 0, 3 }, new long[] { 0, 2, 1 })]
    public void Float_transpose_agrees_with_the_double_path(long[] dims, long[] perm)
    {
        int count = (int)dims.Aggregate(1L, (a, b) => a * b);
        double[] values = [.. Enumerable.Range(0, count).Select(i => (double)i)];
        Tensor single = RunOne("Transpose", 13, [Make(DataType.Float, values, dims)], Attribute.Create("perm", perm)).Tensor;
        Tensor wide = RunOne("Transpose", 13, [Make(DataType.Double, values, dims)], Attribute.Create("perm", perm)).Tensor;
        Assert.Equal(wide.Dims, single.Dims);
        Assert.Equal(Read(wide), Read(single));
    }
}
