using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class TopKKernelTests
{
    public static TheoryData<DataType> Types => [.. NumericTypes];

    private static (double[] Values, long[] Indices) TopK(long opset, Tensor x, Tensor? k, params Attribute[] attributes)
    {
        OnnxValue[] y = Run("TopK", opset, [x, k], [x.DataType, DataType.Int64], attributes);
        return (Read(y[0].Tensor), y[1].ToArray<long>());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Equal_values_keep_the_lower_index_first_for_every_type(DataType type)
    {
        Tensor x = Make(type, [1, 3, 2, 3, 1, 2], 2, 3);
        (double[] values, long[] indices) = TopK(24, x, Tensor.FromArray([2L], 1));
        Assert.Equal([3, 2, 3, 2], values);
        Assert.Equal([1L, 2L, 0L, 2L], indices);
        (values, indices) = TopK(24, x, Tensor.FromArray([2L], 1), Attribute.Create("largest", 0L), Attribute.Create("axis", 0L));
        Assert.Equal([1, 1, 2, 3, 3, 2], values);
        Assert.Equal([0L, 1L, 0L, 1L, 0L, 1L], indices);
    }

    [Fact]
    public void Version_1_takes_k_from_its_attribute_and_nan_counts_as_largest()
    {
        (double[] values, long[] indices) = TopK(1, Tensor.FromArray([1f, float.NaN, 5f], 3), null, Attribute.Create("k", 2L));
        Assert.True(double.IsNaN(values[0]));
        Assert.Equal(5, values[1]);
        Assert.Equal([1L, 2L], indices);
    }

    [Fact]
    public void K_of_zero_gives_empty_outputs()
    {
        OnnxValue[] y = Run("TopK", 11, [Make(DataType.Float, [1, 2], 2), Tensor.FromArray([0L], 1)], [DataType.Float, DataType.Int64]);
        Assert.Equal([0L], y[1].Tensor.Dims);
    }

    [Fact]
    public void K_larger_than_the_axis_fails_naming_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() =>
            RunFed("TopK", 11, [Make(DataType.Float, [1, 2], 2), Tensor.FromArray([3L], 1)], [DataType.Float, DataType.Int64]));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("'X'", e.Message);
    }
}
