using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.TensorKernels;

public sealed class ResizeTests
{
    private static readonly OnnxValue Row = OnnxValue.FromArray([1f, 2, 3, 4], 1, 4);

    private static OnnxValue Scales(params float[] values) => OnnxValue.FromArray(values, values.Length);

    [Fact]
    public void Nearest_upsampling_repeats_pixels()
    {
        OnnxValue y = Run("Resize", 19, [OnnxValue.FromArray([1f, 2], 1, 2), null, Scales(1, 2)]);

        Assert.Equal([1f, 1, 2, 2], y.ToArray<float>());
    }

    [Fact]
    public void Linear_with_align_corners_keeps_the_end_pixels()
    {
        OnnxValue y = Run("Resize", 19, [OnnxValue.FromArray([0f, 3], 1, 2), null, null, OnnxValue.FromArray([1L, 4], 2)],
            String("mode", "linear"), String("coordinate_transformation_mode", "align_corners"));

        Assert.Equal([0f, 1, 2, 3], y.ToArray<float>());
    }

    [Fact]
    public void Sizes_on_a_subset_of_axes_resize_only_those()
    {
        OnnxValue y = Run("Resize", 19, [Row, null, null, OnnxValue.FromArray([2L], 1)], Ints("axes", -1));

        Assert.Equal([1L, 2], y.Dims);
        // half_pixel maps outputs 0 and 1 to 0.5 and 2.5, which round_prefer_floor takes to pixels 0 and 2.
        Assert.Equal([1f, 3], y.ToArray<float>());
    }

    [Fact]
    public void Upsample_7_takes_scales_as_an_attribute()
    {
        OnnxValue y = Run("Upsample", 7, [OnnxValue.FromArray([1.0, 2], 1, 2)], Attribute.Create("scales", [1f, 2f]));

        Assert.Equal([1.0, 1, 2, 2], y.ToArray<double>());
    }

    [Fact]
    public void Giving_both_scales_and_sizes_fails_naming_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Resize", 19, [Row, null, Scales(1, 1), OnnxValue.FromArray([1L, 4], 2)]));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("exactly one of", e.Message);
    }

    [Fact]
    public void GridSample_reads_the_border_outside_the_image()
    {
        OnnxValue x = OnnxValue.FromArray([1f, 2, 3, 4], 1, 1, 2, 2);
        // (x, y) = (-1, -1) is the top-left pixel's corner; (3, 0) lies far right of the image.
        OnnxValue grid = OnnxValue.FromArray([-1f, -1, 3, 0], 1, 1, 2, 2);

        OnnxValue y = Run("GridSample", 20, [x, grid], String("padding_mode", "border"), Int("align_corners", 1));

        Assert.Equal([1f, 3], y.ToArray<float>());
    }
}
