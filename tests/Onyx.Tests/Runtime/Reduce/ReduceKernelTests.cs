using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.ReduceKernels;

public sealed class ReduceKernelTests
{
    public static TheoryData<DataType> Types => [.. NumericTypes];

    /// <summary>The types ReduceSum and ReduceProd allow (no 8- or 16-bit integers).</summary>
    public static TheoryData<DataType> SumTypes =>
        [DataType.Float, DataType.Double, DataType.Float16, DataType.BFloat16, DataType.Int32, DataType.Int64, DataType.UInt32, DataType.UInt64];

    [Theory]
    [MemberData(nameof(SumTypes))]
    public void Sum_max_min_prod_work_for_every_numeric_type(DataType type)
    {
        Tensor data = Make(type, [1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal([6, 15], Read(RunOne("ReduceSum", 18, [data, Axes(1)], Attribute.Create("keepdims", 0L)).Tensor));
        Assert.Equal([4, 5, 6], Read(RunOne("ReduceMax", 18, [data, Axes(0)], Attribute.Create("keepdims", 0L)).Tensor));
        Assert.Equal([1, 4], Read(RunOne("ReduceMin", 18, [data, Axes(-1)], Attribute.Create("keepdims", 0L)).Tensor));
        OnnxValue prod = RunOne("ReduceProd", 18, [data, Axes(1)]);
        Assert.Equal([6, 120], Read(prod.Tensor));
        Assert.Equal([2L, 1L], prod.Tensor.Dims);
        Assert.Equal(type, prod.Tensor.DataType);
    }

    [Theory]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.UInt8)]
    public void Max_and_min_work_for_8_bit_integers(DataType type)
    {
        Tensor data = Make(type, [1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal([3, 6], Read(RunOne("ReduceMax", 18, [data, Axes(1)], Attribute.Create("keepdims", 0L)).Tensor));
        Assert.Equal([1, 2, 3], Read(RunOne("ReduceMin", 18, [data, Axes(0)], Attribute.Create("keepdims", 0L)).Tensor));
    }

    [Fact]
    public void Axes_attribute_of_old_versions_and_negative_axes_select_the_same_axis()
    {
        Tensor data = Make(DataType.Float, [1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal([5, 7, 9], Read(RunOne("ReduceSum", 11, [data], Attribute.Create("axes", [-2L]), Attribute.Create("keepdims", 0L)).Tensor));
        Assert.Equal([21], Read(RunOne("ReduceSum", 11, [data], Attribute.Create("keepdims", 0L)).Tensor));
    }

    [Fact]
    public void Reducing_an_empty_dim_gives_the_identity()
    {
        Tensor empty = Make(DataType.Float, [], 2, 0, 3);
        Assert.Equal([0, 0, 0, 0, 0, 0], Read(RunOne("ReduceSum", 18, [empty, Axes(1)]).Tensor));
        Assert.Equal([1, 1, 1, 1, 1, 1], Read(RunOne("ReduceProd", 18, [empty, Axes(1)]).Tensor));
        Assert.All(Read(RunOne("ReduceMax", 18, [empty, Axes(1)]).Tensor), v => Assert.Equal(double.NegativeInfinity, v));
        Assert.All(Read(RunOne("ReduceLogSumExp", 18, [empty, Axes(1)]).Tensor), v => Assert.Equal(double.NegativeInfinity, v));
        Assert.Equal([int.MinValue, int.MinValue], Read(RunOne("ReduceMax", 18, [Make(DataType.Int32, [], 2, 0), Axes(1)]).Tensor));
        Assert.Equal([1, 1], Read(RunOne("ReduceMin", 20, [Make(DataType.Bool, [], 2, 0), Axes(1)]).Tensor));
    }

    [Fact]
    public void Bool_max_and_min_are_any_and_all()
    {
        Tensor data = Make(DataType.Bool, [0, 1, 0, 0], 2, 2);
        OnnxValue max = RunOne("ReduceMax", 20, [data, Axes(1)], Attribute.Create("keepdims", 0L));
        Assert.Equal([true, false], max.ToArray<bool>());
        Assert.Equal([false, false], RunOne("ReduceMin", 20, [data, Axes(1)], Attribute.Create("keepdims", 0L)).ToArray<bool>());
    }

    [Fact]
    public void Noop_with_empty_axes_applies_the_operator_to_each_element()
    {
        Tensor data = Make(DataType.Float, [1, -2, 3], 3);
        Attribute noop = Attribute.Create("noop_with_empty_axes", 1L);
        Assert.Equal([1, 4, 9], Read(RunOne("ReduceSumSquare", 18, [data], noop).Tensor));
        Assert.Equal([1, 2, 3], Read(RunOne("ReduceL1", 18, [data, Axes()], noop).Tensor));
        Assert.Equal([2], Read(RunOne("ReduceSum", 13, [data, Axes()], Attribute.Create("keepdims", 0L)).Tensor));
    }

    [Fact]
    public void Scalars_reduce_to_themselves()
    {
        OnnxValue y = RunOne("ReduceSum", 13, [Tensor.Scalar(5f)]);
        Assert.Empty(y.Tensor.Dims);
        Assert.Equal([5f], y.ToArray<float>());
    }

    [Fact]
    public void Mean_l2_log_sums_and_integer_means()
    {
        Tensor data = Make(DataType.Double, [3, 4, 1000, 1000], 2, 2);
        Close([3.5, 1000], Read(RunOne("ReduceMean", 18, [data, Axes(1)], Attribute.Create("keepdims", 0L)).Tensor));
        Close([5, 1000 * System.Math.Sqrt(2)], Read(RunOne("ReduceL2", 18, [data, Axes(1)], Attribute.Create("keepdims", 0L)).Tensor));
        Close([System.Math.Log(7), System.Math.Log(2000)], Read(RunOne("ReduceLogSum", 18, [data, Axes(1)], Attribute.Create("keepdims", 0L)).Tensor));
        Close([System.Math.Log(System.Math.Exp(3) + System.Math.Exp(4)), 1000 + System.Math.Log(2)],
            Read(RunOne("ReduceLogSumExp", 18, [data, Axes(1)], Attribute.Create("keepdims", 0L)).Tensor));
        Assert.Equal([1], Read(RunOne("ReduceMean", 18, [Make(DataType.Int32, [1, 2], 2)]).Tensor));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-3)]
    public void An_axis_out_of_range_fails_naming_the_node_and_axes(long axis)
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunFed("ReduceSum", 18, [Make(DataType.Float, [1, 2], 1, 2), Axes(axis)]));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("'axes'", e.Message);
    }

    [Fact]
    public void A_repeated_axis_fails()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunFed("ReduceMax", 18, [Make(DataType.Float, [1, 2], 1, 2), Axes(1, -1)]));
        Assert.Contains("more than once", e.Message);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void ArgMax_and_ArgMin_take_the_first_extreme_unless_asked_for_the_last(DataType type)
    {
        Tensor data = Make(type, [1, 3, 3, 2, 1, 2], 2, 3);
        Assert.Equal([1L, 0L], RunIndex("ArgMax", 13, [data], Attribute.Create("axis", -1L), Attribute.Create("keepdims", 0L)).ToArray<long>());
        Assert.Equal([2L, 2L], RunIndex("ArgMax", 13, [data], Attribute.Create("axis", 1L), Attribute.Create("keepdims", 0L), Attribute.Create("select_last_index", 1L)).ToArray<long>());
        OnnxValue min = RunIndex("ArgMin", 13, [data], Attribute.Create("axis", 1L), Attribute.Create("select_last_index", 1L));
        Assert.Equal([0L, 1L], min.ToArray<long>());
        Assert.Equal([2L, 1L], min.Tensor.Dims);
    }

    [Fact]
    public void ArgMax_treats_nan_as_the_maximum()
    {
        Tensor data = Tensor.FromArray([1f, float.NaN, 5f], 3);
        Assert.Equal([1L], RunIndex("ArgMax", 13, [data]).ToArray<long>());
        Assert.Equal([1L], RunIndex("ArgMin", 13, [data]).ToArray<long>());
    }

    [Fact]
    public void ArgMax_over_an_empty_axis_fails_naming_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunIndex("ArgMax", 13, [Make(DataType.Float, [], 2, 0)], Attribute.Create("axis", 1L)));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("'data'", e.Message);
    }
}
