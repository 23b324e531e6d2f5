using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class VariadicTests
{
    [Fact]
    public void Folds_any_number_of_broadcast_inputs()
    {
        OnnxValue a = OnnxValue.FromArray([1f, 2f], 2, 1), b = OnnxValue.FromArray([10f, 20f], 1, 2), c = OnnxValue.FromTensor(Onyx.Tensor.Scalar(100f));
        Assert.Equal([111f, 121f, 112f, 122f], Run("Sum", 13, [a, b, c]).ToArray<float>());
        Assert.Equal([111f / 3, 121f / 3, 112f / 3, 122f / 3], Run("Mean", 13, [a, b, c]).ToArray<float>());
        Assert.Equal([1f, 2f], Run("Sum", 13, [a]).ToArray<float>());
    }

    [Fact]
    public void Max_and_Min_propagate_NaN_and_cover_integers()
    {
        float[] max = Run("Max", 13, [OnnxValue.FromArray([float.NaN, 1f], 2), OnnxValue.FromArray([0f, float.NaN], 2)]).ToArray<float>();
        Assert.All(max, v => Assert.True(float.IsNaN(v)));
        Assert.Equal([0ul, 2ul], Run("Min", 13, [OnnxValue.FromArray([0ul, 5ul], 2), OnnxValue.FromArray([2ul], 1)]).ToArray<ulong>());
        Assert.Equal([(Half)2], Run("Max", 13, [OnnxValue.FromArray([(Half)1], 1), OnnxValue.FromArray([(Half)2], 1)]).ToArray<Half>());
    }

    [Fact]
    public void Shapes_that_do_not_broadcast_fail()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            RunDynamic("Sum", 13, [OnnxValue.FromArray([1f, 2f], 2), OnnxValue.FromArray([1f], 1), OnnxValue.FromArray([1f, 2f, 3f], 3)]));
        Assert.Contains("node", error.Message);
        Assert.Contains("[3]", error.Message);
    }

    [Fact]
    public void Clip_reads_bounds_from_attributes_or_inputs()
    {
        OnnxValue x = OnnxValue.FromArray([-5f, 0f, 5f], 3);
        Assert.Equal([-1f, 0f, 1f], Run("Clip", 6, [x], Attribute.Create("min", -1f), Attribute.Create("max", 1f)).ToArray<float>());
        Assert.Equal([-5f, 0f, 2f], Run("Clip", 13, [x, null, OnnxValue.FromTensor(Onyx.Tensor.Scalar(2f))]).ToArray<float>());
        Assert.Equal([2f, 2f, 2f], Run("Clip", 13, [x, OnnxValue.FromTensor(Onyx.Tensor.Scalar(3f)), OnnxValue.FromTensor(Onyx.Tensor.Scalar(2f))]).ToArray<float>());
        Assert.Equal([(sbyte)-1, (sbyte)0, (sbyte)5], Run("Clip", 13, [OnnxValue.FromArray([(sbyte)-5, (sbyte)0, (sbyte)5], 3), OnnxValue.FromTensor(Onyx.Tensor.Scalar((sbyte)-1))]).ToArray<sbyte>());
        Assert.Equal([0L], Run("Clip", 13, [OnnxValue.FromArray(new float[0], 0)]).Dims);
    }

    [Fact]
    public void Clip_bounds_must_be_scalars()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            RunDynamic("Clip", 13, [OnnxValue.FromArray([1f, 2f], 2), OnnxValue.FromArray([0f, 1f], 2)]));
        Assert.Contains("input 1 (min)", error.Message);
    }
}
