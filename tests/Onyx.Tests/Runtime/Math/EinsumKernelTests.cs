using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class EinsumKernelTests
{
    private static double[] Einsum(string equation, params Tensor[] inputs) =>
        Read(RunOne("Einsum", 12, inputs, Attribute.Create("equation", equation)).Tensor);

    public static TheoryData<DataType> Types => [.. NumericTypes.Where(t => t != DataType.BFloat16)];

    [Theory]
    [MemberData(nameof(Types))]
    public void Transpose_trace_and_product_work_for_every_type(DataType type)
    {
        Tensor m = Make(type, [1, 2, 3, 4], 2, 2);
        Assert.Equal([1, 3, 2, 4], Einsum("ij->ji", m));
        Assert.Equal([5], Einsum("ii", m));
        Assert.Equal([7, 10, 15, 22], Einsum("ij,jk", m, m));
    }

    [Fact]
    public void Diagonals_ellipsis_broadcasting_and_implicit_order()
    {
        Tensor batch = Make(DataType.Float, [1, 2, 3, 4, 5, 6, 7, 8], 2, 2, 2);
        Assert.Equal([1, 4, 5, 8], Einsum("...ii->...i", batch));
        Tensor row = Make(DataType.Float, [1, 10], 1, 2);
        Assert.Equal([1, 20, 3, 40, 5, 60, 7, 80], Einsum("...j,...j->...j", batch, row));
        Assert.Equal([1, 3, 2, 4], Einsum("ba", Make(DataType.Float, [1, 2, 3, 4], 2, 2)));
        Assert.Equal([36], Einsum("ijk->", batch));
    }

    [Fact]
    public void A_term_that_does_not_fit_its_input_fails_naming_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunFed("Einsum", 12, [Make(DataType.Float, [1, 2], 2), Make(DataType.Float, [1, 2, 3], 3)], Attribute.Create("equation", "i,i->i")));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("label 'i'", e.Message);
    }
}
