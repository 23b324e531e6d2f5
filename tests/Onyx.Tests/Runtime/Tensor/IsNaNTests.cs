using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class IsNaNTests
{
    [Fact]
    public void IsNaN_reads_bfloat16_and_float8()
    {
        Assert.Equal([false, true], Run("IsNaN", 20, [OnnxValue.FromArray([(BFloat16)1f, BFloat16.NaN], 2)]).ToArray<bool>());
        Assert.Equal([true, false], Run("IsNaN", 20, [OnnxValue.FromArray([Float8E4M3FN.NaN, Float8E4M3FN.MaxValue], 2)]).ToArray<bool>());
    }

    [Fact]
    public void IsInf_detects_the_signs_asked_for()
    {
        OnnxValue x = OnnxValue.FromArray([Half.PositiveInfinity, Half.NegativeInfinity, Half.NaN, (Half)1], 4);

        Assert.Equal([true, false, false, false], Run("IsInf", 20, [x], Int("detect_negative", 0)).ToArray<bool>());
        Assert.Equal([true, true, false, false], Run("IsInf", 20, [x]).ToArray<bool>());
    }
}
