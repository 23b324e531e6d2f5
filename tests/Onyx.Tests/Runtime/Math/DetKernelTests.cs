using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class DetKernelTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void Batched_determinants_pivot_past_a_zero(DataType type)
    {
        Tensor x = Make(type, [0, 1, 1, 0, 1, 2, 2, 4, 2, 1, 1, 3], 3, 2, 2);
        OnnxValue y = RunOne("Det", 22, [x]);
        Assert.Equal([3L], y.Tensor.Dims);
        Close([-1, 0, 5], Read(y.Tensor), 1e-2);
    }

    [Fact]
    public void A_3_by_3_matrix_and_a_single_matrix_give_a_scalar()
    {
        OnnxValue y = RunOne("Det", 11, [Make(DataType.Double, [2, -3, 1, 2, 0, -1, 1, 4, 5], 3, 3)]);
        Assert.Empty(y.Tensor.Dims);
        Close([49], Read(y.Tensor));
    }

    [Fact]
    public void A_non_square_input_fails_naming_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunFed("Det", 11, [Make(DataType.Float, [1, 2], 1, 2)]));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("'X'", e.Message);
    }
}
