using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class GridSampleTests
{
    private static readonly OnnxValue Image = OnnxValue.FromArray([1L, 2, 3, 4], 1, 1, 2, 2);

    [Fact]
    public void Nearest_copies_int64_values_exactly_and_zeros_outside()
    {
        // (x, y) = (1, 1) is the bottom-right pixel with align_corners; (3, 0) lies outside the image.
        OnnxValue grid = OnnxValue.FromArray([1f, 1, 3, 0], 1, 1, 2, 2);
        OnnxValue large = OnnxValue.FromArray([1L, 2, 3, long.MaxValue], 1, 1, 2, 2);

        OnnxValue y = Run("GridSample", 20, [large, grid], String("mode", "nearest"), Int("align_corners", 1));

        Assert.Equal([long.MaxValue, 0], y.ToArray<long>());
    }

    [Fact]
    public void Nearest_samples_strings()
    {
        OnnxValue x = OnnxValue.FromStrings(["a", "b", "c", "d"], 1, 1, 2, 2);
        OnnxValue grid = OnnxValue.FromArray([-1f, 1], 1, 1, 1, 2);

        OnnxValue y = Run("GridSample", 22, [x, grid], String("mode", "nearest"), Int("align_corners", 1));

        Assert.Equal(["c"], y.Tensor.ToStrings());
    }

    [Fact]
    public void Bilinear_on_integers_rounds_the_interpolated_value()
    {
        // The centre of the four pixels averages them: 2.5, which rounds to even.
        OnnxValue grid = OnnxValue.FromArray([0f, 0], 1, 1, 1, 2);

        OnnxValue y = Run("GridSample", 16, [Image, grid], Int("align_corners", 1));

        Assert.Equal([2L], y.ToArray<long>());
    }

    [Fact]
    public void Linear_samples_a_volume_with_doubles()
    {
        OnnxValue x = OnnxValue.FromArray([0.0, 1, 2, 3, 4, 5, 6, 7], 1, 1, 2, 2, 2);
        // The grid lists (x, y, z); the centre of the cube averages all eight values.
        OnnxValue grid = OnnxValue.FromArray([0.0, 0, 0], 1, 1, 1, 1, 3);

        OnnxValue y = Run("GridSample", 20, [x, grid], Int("align_corners", 1));

        Assert.Equal([3.5], y.ToArray<double>());
    }

    [Fact]
    public void A_grid_of_the_wrong_shape_fails_naming_the_input()
    {
        OnnxValue grid = OnnxValue.FromArray(new float[3], 1, 1, 1, 3);

        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("GridSample", 20, [Image, grid]));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("input 1 ('x1')", e.Message);
    }

    [Fact]
    public void Border_padding_reads_the_border_outside_the_image()
    {
        OnnxValue x = OnnxValue.FromArray([1f, 2, 3, 4], 1, 1, 2, 2);
        // (x, y) = (-1, -1) is the top-left pixel's corner; (3, 0) lies far right of the image.
        OnnxValue grid = OnnxValue.FromArray([-1f, -1, 3, 0], 1, 1, 2, 2);

        OnnxValue y = Run("GridSample", 20, [x, grid], String("padding_mode", "border"), Int("align_corners", 1));

        Assert.Equal([1f, 3], y.ToArray<float>());
    }
}
