using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class ReverseSequenceTests
{
    [Fact]
    public void Batch_axis_zero_reverses_each_row_up_to_its_length()
    {
        OnnxValue y = Run("ReverseSequence", 10,
            [OnnxValue.FromStrings(["a", "b", "c", "d", "e", "f"], 2, 3), OnnxValue.FromArray([3L, 1L], 2)],
            Int("batch_axis", 0), Int("time_axis", 1));

        Assert.Equal(["c", "b", "a", "d", "e", "f"], y.Tensor.ToStrings());
    }

    [Fact]
    public void A_length_past_the_time_axis_fails_naming_the_input()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => Run("ReverseSequence", 10,
            [OnnxValue.FromArray([1f, 2f, 3f, 4f], 2, 2), OnnxValue.FromArray([3L, 1L], 2)]));

        Assert.Contains("'x1'", error.Message);
    }
}
