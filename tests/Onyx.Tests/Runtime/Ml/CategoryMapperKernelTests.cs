using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;

namespace Onyx.Tests.Runtime.MlKernels;

public sealed class CategoryMapperKernelTests
{
    private static readonly Attribute[] Categories =
        [Attribute.Create("cats_strings", ["cat", "dog"]), Attribute.Create("cats_int64s", [10L, 20]), Attribute.Create("default_int64", 0L),
        Attribute.Create("default_string", "?")];

    [Fact]
    public void Maps_strings_to_int64_keeping_the_shape()
    {
        OnnxValue y = Run("CategoryMapper", Strings(["dog", "cow", "cat", "dog"], 2, 2), Categories);

        Assert.Equal([20L, 0, 10, 20], y.ToArray<long>());
        Assert.Equal([2L, 2], y.Dims);
    }

    [Fact]
    public void Maps_int64_to_strings()
    {
        OnnxValue y = Run("CategoryMapper", Values([10L, 30]), Categories);

        Assert.Equal(["cat", "?"], y.Tensor.ToStrings());
    }

    [Fact]
    public void Lists_of_different_lengths_or_with_repeats_are_rejected()
    {
        AssertFails(() => RunDeclared("CategoryMapper", 1, [Strings(["a"])], TypeInfo.Tensor(DataType.Int64, 1), Attribute.Create("cats_strings", ["a", "b"]), Attribute.Create("cats_int64s", [1L])),
            "'cats_int64s'", "same length");
        AssertFails(() => RunDeclared("CategoryMapper", 1, [Strings(["a"])], TypeInfo.Tensor(DataType.Int64, 1), Attribute.Create("cats_strings", ["a", "b"]), Attribute.Create("cats_int64s", [1L, 1])),
            "'cats_int64s'", "twice");
    }
}
