using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class SoftmaxKernelTests
{
    private static readonly double[] Values = [0, 1, 2, 3, 4, 5, 6, 7];

    private static double[] Softmax(params double[] x) => [.. x.Select(v => System.Math.Exp(v) / x.Sum(System.Math.Exp))];

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void Version_13_normalises_one_axis(DataType type)
    {
        double[] y = Read(RunOne("Softmax", 13, [Make(type, Values, 2, 2, 2)], Attribute.Create("axis", -2L)).Tensor);
        double[] pair = Softmax(0, 2);
        Close([pair[0], pair[0], pair[1], pair[1], pair[0], pair[0], pair[1], pair[1]], y, type == DataType.BFloat16 ? 1e-2 : 1e-3);
    }

    [Fact]
    public void Before_version_13_the_axes_from_axis_on_form_one_row()
    {
        double[] y = Read(RunOne("Softmax", 11, [Make(DataType.Float, Values, 2, 2, 2)], Attribute.Create("axis", 1L)).Tensor);
        Close([.. Softmax(0, 1, 2, 3), .. Softmax(4, 5, 6, 7)], y);
    }

    [Fact]
    public void LogSoftmax_is_stable_for_large_inputs()
    {
        double[] y = Read(RunOne("LogSoftmax", 13, [Make(DataType.Double, [1000, 1000], 2)]).Tensor);
        Close([-System.Math.Log(2), -System.Math.Log(2)], y);
    }

    [Fact]
    public void Hardmax_marks_the_first_maximum()
    {
        double[] y = Read(RunOne("Hardmax", 13, [Make(DataType.Float, [3, 1, 3, 0, 0, 0], 2, 3)]).Tensor);
        Assert.Equal([1, 0, 0, 1, 0, 0], y);
        Assert.Equal([0, 1, 0, 0], Read(RunOne("Hardmax", 11, [Make(DataType.Float, [1, 5, 2, 3], 1, 2, 2)], Attribute.Create("axis", 1L)).Tensor));
    }

    [Fact]
    public void Empty_inputs_give_empty_outputs()
    {
        OnnxValue y = RunOne("Softmax", 13, [Make(DataType.Float, [], 0, 3)]);
        Assert.Equal([0L, 3L], y.Tensor.Dims);
    }

    [Fact]
    public void An_axis_out_of_range_fails_naming_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunFed("Softmax", 13, [Make(DataType.Float, [1, 2], 2)], Attribute.Create("axis", 1L)));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("'axis'", e.Message);
    }
}
