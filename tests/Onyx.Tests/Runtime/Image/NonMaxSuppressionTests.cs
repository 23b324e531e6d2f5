using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.ImageKernels;

public sealed class NonMaxSuppressionTests
{
    // Three boxes: 0 and 1 overlap heavily (IoU 0.81), 2 stands apart.
    private static readonly float[] Corners = [0, 0, 1, 1, 0.1f, 0, 1, 0.9f, 5, 5, 6, 6];

    private static long[] Select(float[] boxes, float[] scores, long limit, float iou, float? scoreThreshold = null, long centerPointBox = 0)
    {
        long count = boxes.Length / 4, classes = scores.Length / count;
        OnnxValue result = Run("NonMaxSuppression", 11,
            [OnnxValue.FromArray(boxes, 1, count, 4), OnnxValue.FromArray(scores, 1, classes, count), OnnxValue.FromArray(new[] { limit }, 1),
                OnnxValue.FromArray(new[] { iou }, 1), scoreThreshold is { } s ? OnnxValue.FromArray(new[] { s }, 1) : null],
            Int("center_point_box", centerPointBox));
        Assert.Equal(3, result.Dims[1]);
        return result.ToArray<long>();
    }

    [Fact]
    public void Keeps_the_best_box_of_an_overlapping_pair_and_the_separate_one()
    {
        Assert.Equal([0L, 0, 1, 0, 0, 2], Select(Corners, [0.7f, 0.9f, 0.8f], 10, 0.5f));
    }

    [Fact]
    public void A_threshold_above_the_overlap_keeps_every_box_in_score_order()
    {
        Assert.Equal([0L, 0, 1, 0, 0, 2, 0, 0, 0], Select(Corners, [0.7f, 0.9f, 0.8f], 10, 0.9f));
    }

    [Fact]
    public void Equal_scores_take_the_lower_index_first_and_the_limit_stops_selection()
    {
        Assert.Equal([0L, 0, 0], Select(Corners, [0.5f, 0.5f, 0.5f], 1, 0.5f));
    }

    [Fact]
    public void The_score_threshold_drops_boxes_and_a_zero_limit_selects_nothing()
    {
        Assert.Equal([0L, 0, 1], Select(Corners, [0.1f, 0.9f, 0.2f], 10, 0.5f, scoreThreshold: 0.2f));
        Assert.Empty(Select(Corners, [0.7f, 0.9f, 0.8f], 0, 0.5f));
    }

    [Fact]
    public void Center_format_boxes_and_flipped_corners_give_the_same_choice()
    {
        float[] centers = [0.5f, 0.5f, 1, 1, 0.45f, 0.55f, 0.9f, 0.9f, 5.5f, 5.5f, 1, 1];
        Assert.Equal([0L, 0, 1, 0, 0, 2], Select(centers, [0.7f, 0.9f, 0.8f], 10, 0.5f, centerPointBox: 1));
        float[] flipped = [1, 1, 0, 0, 1, 0.9f, 0.1f, 0, 6, 6, 5, 5];
        Assert.Equal([0L, 0, 1, 0, 0, 2], Select(flipped, [0.7f, 0.9f, 0.8f], 10, 0.5f));
    }

    [Fact]
    public void Scores_that_do_not_match_the_boxes_are_rejected()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("NonMaxSuppression", 11,
            [OnnxValue.FromArray(Corners, 1, 3, 4), OnnxValue.FromArray(new[] { 1f, 2f }, 1, 1, 2)]));
        Assert.Contains("input 1", e.Message);
        Assert.Contains("NonMaxSuppression", e.Message);
    }

    [Fact]
    public void An_iou_threshold_outside_0_to_1_is_rejected()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => Select(Corners, [0.7f, 0.9f, 0.8f], 10, 1.5f));
        Assert.Contains("IoU threshold", e.Message);
    }
}
