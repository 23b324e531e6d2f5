using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;

namespace Onyx.Tests.Runtime.MlKernels;

public sealed class OneHotEncoderKernelTests
{
    [Fact]
    public void Strings_get_a_trailing_axis_of_categories()
    {
        OnnxValue y = Run("OneHotEncoder", Strings(["b", "z"], 1, 2), Attribute.Create("cats_strings", ["a", "b", "c"]));

        Assert.Equal([0f, 1, 0, 0, 0, 0], y.ToArray<float>());
        Assert.Equal([1L, 2, 3], y.Dims);
    }

    [Fact]
    public void Numbers_match_the_integer_categories_they_equal()
    {
        Attribute categories = Attribute.Create("cats_int64s", [3L, 1]);

        Assert.Equal([0f, 1, 1, 0], Run("OneHotEncoder", Values([1L, 3]), categories).ToArray<float>());
        Assert.Equal([0f, 1, 1, 0], Run("OneHotEncoder", Values([1, 3]), categories).ToArray<float>());
        Assert.Equal([0f, 1, 0, 0], Run("OneHotEncoder", Values([1.0, 3.5]), categories).ToArray<float>());
        Assert.Equal([1f, 0], Run("OneHotEncoder", Values([3f], 1), categories).ToArray<float>());
    }

    [Fact]
    public void Zeros_0_fails_on_a_value_of_no_category()
    {
        AssertFails(() => Run("OneHotEncoder", Values([2L]), Attribute.Create("cats_int64s", [1L]), Attribute.Create("zeros", 0L)),
            "input 0 ('in0')", "no category", "'zeros'");
    }

    [Fact]
    public void Missing_or_repeated_categories_are_rejected()
    {
        AssertFails(() => RunDeclared("OneHotEncoder", 1, [Values([2L])], TypeInfo.Tensor(DataType.Float, 1, 1)), "'cats_int64s'", "'cats_strings'");
        AssertFails(() => Run("OneHotEncoder", Values([2L]), Attribute.Create("cats_int64s", [1L, 1])), "'cats_int64s'", "twice");
        AssertFails(() => Run("OneHotEncoder", Values([2L]), Attribute.Create("cats_strings", ["a"])), "'cats_strings'");
    }
}
