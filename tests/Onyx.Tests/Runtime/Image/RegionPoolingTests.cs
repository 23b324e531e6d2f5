using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.ImageKernels;

public sealed class RegionPoolingTests
{
    /// <summary>A 4 × 4 image whose value is its column.</summary>
    private static float[] Columns => [.. Enumerable.Range(0, 16).Select(i => (float)(i % 4))];

    private static readonly OnnxValue WholeImage = OnnxValue.FromArray([0f, 0, 3, 3], 1, 4);

    private static readonly OnnxValue FirstBatch = OnnxValue.FromArray([0L], 1);

    [Fact]
    public void RoiAlign_16_shifts_the_region_by_half_a_pixel()
    {
        OnnxValue y = Run("RoiAlign", 16, [OnnxValue.FromArray(Columns, 1, 1, 4, 4), WholeImage, FirstBatch], Int("sampling_ratio", 1));

        // The region [-0.5, 2.5] has its one sample at its centre, column 1.
        Assert.Equal([1f], y.ToArray<float>());
    }

    [Fact]
    public void RoiAlign_10_uses_the_region_as_given()
    {
        OnnxValue y = Run("RoiAlign", 10, [OnnxValue.FromArray(Columns, 1, 1, 4, 4), WholeImage, FirstBatch], Int("sampling_ratio", 1));

        Assert.Equal([1.5f], y.ToArray<float>());
    }

    [Fact]
    public void RoiAlign_max_mode_takes_the_largest_weighted_neighbour()
    {
        OnnxValue y = Run("RoiAlign", 10, [OnnxValue.FromArray(Columns, 1, 1, 4, 4), WholeImage, FirstBatch],
            Int("sampling_ratio", 1), String("mode", "max"));

        // The sample at (1.5, 1.5) weighs each of its four neighbours 0.25; the largest term is 0.25 · 2.
        Assert.Equal([0.5f], y.ToArray<float>());
    }

    [Fact]
    public void RoiAlign_22_pools_bfloat16_and_float16()
    {
        Attribute[] attributes = [Int("sampling_ratio", 1), Int("output_width", 2)];
        OnnxValue brain = Run("RoiAlign", 22, [OnnxValue.FromArray([.. Columns.Select(v => (BFloat16)v)], 1, 1, 4, 4),
            OnnxValue.FromArray([.. new[] { 0f, 0, 4, 4 }.Select(v => (BFloat16)v)], 1, 4), FirstBatch], attributes);
        OnnxValue half = Run("RoiAlign", 22, [OnnxValue.FromArray([.. Columns.Select(v => (Half)v)], 1, 1, 4, 4),
            OnnxValue.FromArray([(Half)0, (Half)0, (Half)4, (Half)4], 1, 4), FirstBatch], attributes);

        // Two bins over [-0.5, 3.5] sample columns 0.5 and 2.5.
        Assert.Equal([0.5f, 2.5f], brain.ToArray<BFloat16>().Select(v => (float)v));
        Assert.Equal([0.5f, 2.5f], half.ToArray<Half>().Select(v => (float)v));
    }

    [Fact]
    public void RoiAlign_rejects_a_batch_index_outside_the_input()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() =>
            Run("RoiAlign", 16, [OnnxValue.FromArray(Columns, 1, 1, 4, 4), WholeImage, OnnxValue.FromArray([1L], 1)]));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("input 2 ('x2')", e.Message);
    }

    [Fact]
    public void MaxRoiPool_takes_the_largest_value_of_each_bin()
    {
        OnnxValue x = OnnxValue.FromArray([.. Enumerable.Range(0, 16).Select(i => (double)i)], 1, 1, 4, 4);
        // Scaled by one half, the region (0, 0)-(6, 6) is the whole image.
        OnnxValue rois = OnnxValue.FromArray([0.0, 0, 0, 6, 6], 1, 5);

        OnnxValue y = Run("MaxRoiPool", 1, [x, rois], Ints("pooled_shape", 2, 2), Attribute.Create("spatial_scale", 0.5f));

        Assert.Equal([5.0, 7, 13, 15], y.ToArray<double>());
    }

    [Fact]
    public void MaxRoiPool_gives_zero_for_bins_outside_the_image()
    {
        OnnxValue x = OnnxValue.FromArray(Enumerable.Repeat(1f, 16).ToArray(), 1, 1, 4, 4);
        OnnxValue rois = OnnxValue.FromArray([0f, 10, 10, 12, 12], 1, 5);

        OnnxValue y = Run("MaxRoiPool", 22, [x, rois], Ints("pooled_shape", 1, 1));

        Assert.Equal([0f], y.ToArray<float>());
    }

    [Fact]
    public void MaxRoiPool_rejects_regions_without_a_batch_index()
    {
        OnnxValue x = OnnxValue.FromArray(new float[16], 1, 1, 4, 4);

        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("MaxRoiPool", 1, [x, WholeImage], Ints("pooled_shape", 1, 1)));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("input 1 ('x1')", e.Message);
    }
}
