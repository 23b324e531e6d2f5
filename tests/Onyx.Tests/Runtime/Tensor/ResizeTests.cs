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
    public void Nearest_resizes_strings_and_bools_by_copying()
    {
        OnnxValue text = Run("Resize", 19, [OnnxValue.FromStrings(["a", "b"], 1, 2), null, Scales(1, 2)]);
        OnnxValue flags = Run("Resize", 13, [OnnxValue.FromArray([true, false], 1, 2), null, Scales(1, 2)]);

        Assert.Equal(["a", "a", "b", "b"], text.Tensor.ToStrings());
        Assert.Equal([true, true, false, false], flags.ToArray<bool>());
    }

    [Fact]
    public void Linear_on_integers_rounds_half_to_even()
    {
        OnnxValue y = Run("Resize", 19, [OnnxValue.FromArray([0, 1, 4], 1, 3), null, null, OnnxValue.FromArray([1L, 5], 2)],
            String("mode", "linear"), String("coordinate_transformation_mode", "align_corners"));

        // The exact values 0, 0.5, 1, 2.5, 4.
        Assert.Equal([0, 0, 1, 2, 4], y.ToArray<int>());
    }

    [Fact]
    public void Cubic_on_uint8_saturates_its_overshoot()
    {
        OnnxValue y = Run("Resize", 19, [OnnxValue.FromArray(new byte[] { 0, 0, 255, 255 }, 1, 4), null, Scales(1, 2)], String("mode", "cubic"));

        byte[] values = y.ToArray<byte>();
        Assert.Equal(8, values.Length);
        Assert.Equal((byte)0, values[2]);
        Assert.Equal((byte)255, values[5]);
    }

    [Fact]
    public void Tf_crop_and_resize_fills_integers_with_the_extrapolation_value()
    {
        OnnxValue roi = OnnxValue.FromArray([0f, 0, 1, 2], 4);
        OnnxValue y = Run("Resize", 19, [OnnxValue.FromArray([1L, 2], 1, 2), roi, null, OnnxValue.FromArray([1L, 3], 2)],
            String("coordinate_transformation_mode", "tf_crop_and_resize"), Attribute.Create("extrapolation_value", 7f));

        // The roi spans twice the width: outputs map to 0, 1 and 2, the last past the input.
        Assert.Equal([1L, 2, 7], y.ToArray<long>());
    }

    [Fact]
    public void Resizing_an_empty_tensor_gives_an_empty_tensor()
    {
        OnnxValue y = Run("Resize", 19, [OnnxValue.FromArray(Array.Empty<float>(), 0, 2), null, Scales(1, 2)], String("mode", "linear"));

        Assert.Equal([0L, 4], y.Dims);
    }

    [Fact]
    public void Linear_mode_on_strings_fails_naming_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => Run("Resize", 19, [OnnxValue.FromStrings(["a", "b"], 1, 2), null, Scales(1, 2)], String("mode", "linear")));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("only mode 'nearest'", e.Message);
    }

    [Fact]
    public void Scales_of_the_wrong_length_fail_naming_the_input()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Resize", 19, [Row, null, Scales(1, 2, 2)]));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("'scales' has 3 values", e.Message);
    }

    [Fact]
    public void Upsample_9_resizes_float16_linearly_and_asymmetrically()
    {
        OnnxValue y = Run("Upsample", 9, [OnnxValue.FromArray([(Half)0, (Half)2], 1, 2), Scales(1, 2)], String("mode", "linear"));

        Assert.Equal([0f, 1, 2, 2], y.ToArray<Half>().Select(v => (float)v));
    }

    [Fact]
    public void Resize_19_interpolates_bfloat16()
    {
        OnnxValue y = Run("Resize", 19, [OnnxValue.FromArray([(BFloat16)0f, (BFloat16)2f], 1, 2), null, Scales(1, 2)], String("mode", "linear"));

        // half_pixel maps the outputs to -0.25, 0.25, 0.75 and 1.25; the ends clamp to the edge pixels.
        Assert.Equal([0f, 0.5f, 1.5f, 2], y.ToArray<BFloat16>().Select(v => (float)v));
    }
}
