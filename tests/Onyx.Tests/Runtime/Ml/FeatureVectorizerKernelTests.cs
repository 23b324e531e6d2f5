using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;

namespace Onyx.Tests.Runtime.MlKernels;

public sealed class FeatureVectorizerKernelTests
{
    [Fact]
    public void Concatenates_rows_cutting_and_padding_each_input_to_its_size()
    {
        OnnxValue y = Run("FeatureVectorizer", 1, [Values([1, 2, 3, 4], 2, 2), Values([5, 6, 7, 8, 9, 10], 2, 3)],
            Attribute.Create("inputdimensions", [1L, 4]));

        Assert.Equal([1f, 5, 6, 7, 0, 3, 8, 9, 10, 0], y.ToArray<float>());
        Assert.Equal([2L, 5], y.Dims);
    }

    [Fact]
    public void A_vector_is_one_row()
    {
        OnnxValue y = Run("FeatureVectorizer", 1, [Values([1L, 2]), Values([3L])], Attribute.Create("inputdimensions", [2L, 1]));

        Assert.Equal([1f, 2, 3], y.ToArray<float>());
        Assert.Equal([1L, 3], y.Dims);
    }

    [Fact]
    public void Reals_are_read_too()
    {
        OnnxValue y = Run("FeatureVectorizer", 1, [Values([1.5, 2.5], 2, 1), Values([3.5, 4.5], 2, 1)], Attribute.Create("inputdimensions", [1L, 1]));

        Assert.Equal([1.5f, 3.5f, 2.5f, 4.5f], y.ToArray<float>());
    }

    [Fact]
    public void Sizes_and_rows_that_do_not_fit_are_rejected()
    {
        AssertFails(() => Run("FeatureVectorizer", 1, [Values([1f])], Attribute.Create("inputdimensions", [1L, 1])), "'inputdimensions'", "2 sizes for 1 inputs");
        AssertFails(() => Run("FeatureVectorizer", 1, [Values([1f, 2], 2, 1), Values([1f, 2], 1, 2)], Attribute.Create("inputdimensions", [1L, 2])),
            "input 1 ('in1')", "2 rows");
    }
}
