using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class CumulativeKernelTests
{
    public static TheoryData<DataType> Types =>
        [DataType.Float, DataType.Double, DataType.Float16, DataType.BFloat16, DataType.Int32, DataType.Int64, DataType.UInt32, DataType.UInt64];

    [Theory]
    [MemberData(nameof(Types))]
    public void CumSum_runs_along_the_axis_input_for_every_type(DataType type)
    {
        Tensor x = Make(type, [1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal([1, 3, 6, 4, 9, 15], Read(RunOne("CumSum", 14, [x, Tensor.Scalar(-1)]).Tensor));
        Assert.Equal([1, 2, 3, 5, 7, 9], Read(RunOne("CumSum", 14, [x, Tensor.Scalar(0L)]).Tensor));
        Assert.Equal([1, 2, 6, 4, 20, 120], Read(RunOne("CumProd", 26, [x, Tensor.Scalar(1L)]).Tensor));
    }

    [Fact]
    public void Exclusive_and_reverse_start_from_the_identity_at_the_end()
    {
        Tensor x = Make(DataType.Float, [1, 2, 3], 3);
        Attribute exclusive = Attribute.Create("exclusive", 1L), reverse = Attribute.Create("reverse", 1L);
        Assert.Equal([0, 1, 3], Read(RunOne("CumSum", 14, [x, Tensor.Scalar(0)], exclusive).Tensor));
        Assert.Equal([6, 5, 3], Read(RunOne("CumSum", 14, [x, Tensor.Scalar(0)], reverse).Tensor));
        Assert.Equal([5, 3, 0], Read(RunOne("CumSum", 14, [x, Tensor.Scalar(0)], exclusive, reverse).Tensor));
        Assert.Equal([6, 3, 1], Read(RunOne("CumProd", 26, [x, Tensor.Scalar(0)], exclusive, reverse).Tensor));
    }

    [Fact]
    public void Empty_inputs_give_empty_outputs()
    {
        Assert.Equal([2L, 0L], RunOne("CumSum", 14, [Make(DataType.Float, [], 2, 0), Tensor.Scalar(1)]).Tensor.Dims);
    }

    [Fact]
    public void An_axis_out_of_range_fails_naming_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunFed("CumSum", 14, [Make(DataType.Float, [1, 2], 2), Tensor.Scalar(3)]));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("'axis'", e.Message);
    }
}
