using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Image;

/// <summary>
/// NonMaxSuppression (v10, v11): per batch and class, boxes whose score passes score_threshold are taken in order of
/// falling score (the lower box index first on a tie); one is kept unless its intersection over union with a box
/// already kept exceeds iou_threshold, until max_output_boxes_per_class are kept. The output lists (batch, class,
/// box) triples in that order.
/// </summary>
internal sealed class NonMaxSuppressionKernel(bool centerPointBox) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("NonMaxSuppression", Create)];

    private static Kernel Create(KernelNode node)
    {
        long format = node.Attributes.Int("center_point_box", 0);
        return format is 0 or 1 ? new NonMaxSuppressionKernel(format == 1)
            : throw node.Fail($"attribute 'center_point_box' is {format}; expected 0 (corners) or 1 (center and size)");
    }

    public override void Run(KernelContext context)
    {
        Tensor boxes = context.Tensor(0), scores = context.Tensor(1);
        if (boxes.Dims is not [long batches, long count, 4])
            throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(boxes.Dims)}; expected (num_batches, spatial_dimension, 4)");
        if (scores.Dims is not [var scoreBatches, long classes, var scoreCount] || scoreBatches != batches || scoreCount != count)
            throw context.Fail($"input 1 ('{Name(context, 1)}') has shape {Shape(scores.Dims)}; expected ({batches}, num_classes, {count}) to match the boxes");
        long limit = System.Math.Max(Scalar<long>(context, 2, DataType.Int64) ?? 0, 0);
        float iouThreshold = Scalar<float>(context, 3, DataType.Float) ?? 0;
        float? scoreThreshold = Scalar<float>(context, 4, DataType.Float);
        if (iouThreshold is < 0 or > 1)
            throw context.Fail($"input 3 ('{Name(context, 3)}') is {iouThreshold}; the IoU threshold must lie in [0, 1]");
        ReadOnlySpan<float> corners = boxes.AsSpan<float>(), score = scores.AsSpan<float>();
        var selected = new List<long>();
        var kept = new List<int>();
        for (long b = 0; b < batches; b++)
            for (long c = 0; c < classes; c++)
            {
                ReadOnlySpan<float> classScores = score.Slice((int)((b * classes + c) * count), (int)count);
                int[] order = Candidates(classScores, scoreThreshold);
                ReadOnlySpan<float> batchBoxes = corners.Slice((int)(b * count * 4), (int)(count * 4));
                kept.Clear();
                foreach (int box in order)
                {
                    if (kept.Count >= limit)
                        break;
                    bool suppressed = false;
                    foreach (int other in kept)
                        if (Overlap(batchBoxes.Slice(box * 4, 4), batchBoxes.Slice(other * 4, 4)) > iouThreshold)
                        {
                            suppressed = true;
                            break;
                        }
                    if (suppressed)
                        continue;
                    kept.Add(box);
                    selected.AddRange([b, c, box]);
                }
            }
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(selected).CopyTo(context.Output<long>(0, [selected.Count / 3, 3]));
    }

    /// <summary>The indices of boxes scoring above the threshold (all, without one), best first, the lower index first on a tie.</summary>
    private static int[] Candidates(ReadOnlySpan<float> scores, float? threshold)
    {
        var order = new List<int>(scores.Length);
        for (int i = 0; i < scores.Length; i++)
            if (threshold is not { } t || scores[i] > t)
                order.Add(i);
        float[] copy = scores.ToArray();
        order.Sort((x, y) => copy[y].CompareTo(copy[x]) is var byScore && byScore != 0 ? byScore : x.CompareTo(y));
        return [.. order];
    }

    /// <summary>Intersection over union of two boxes; 0 when they do not overlap or either has no area.</summary>
    private double Overlap(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var (ax0, ay0, ax1, ay1) = Extent(a);
        var (bx0, by0, bx1, by1) = Extent(b);
        double width = System.Math.Min(ax1, bx1) - System.Math.Max(ax0, bx0), height = System.Math.Min(ay1, by1) - System.Math.Max(ay0, by0);
        if (width <= 0 || height <= 0)
            return 0;
        double intersection = width * height, areaA = (ax1 - ax0) * (ay1 - ay0), areaB = (bx1 - bx0) * (by1 - by0);
        double union = areaA + areaB - intersection;
        return areaA <= 0 || areaB <= 0 || union <= 0 ? 0 : intersection / union;
    }

    /// <summary>A box as (x min, y min, x max, y max): corners come as [y1, x1, y2, x2] in either order, centers as [x, y, width, height].</summary>
    private (double X0, double Y0, double X1, double Y1) Extent(ReadOnlySpan<float> box) => centerPointBox
        ? (box[0] - box[2] / 2.0, box[1] - box[3] / 2.0, box[0] + box[2] / 2.0, box[1] + box[3] / 2.0)
        : (System.Math.Min(box[1], box[3]), System.Math.Min(box[0], box[2]), System.Math.Max(box[1], box[3]), System.Math.Max(box[0], box[2]));

    /// <summary>An optional one-element input, or null when absent or empty.</summary>
    private static T? Scalar<T>(KernelContext context, int input, DataType type) where T : unmanaged
    {
        if (context.OptionalTensor(input) is not { } tensor || tensor.ElementCount == 0)
            return null;
        return tensor.DataType == type && tensor.ElementCount == 1 ? tensor.AsSpan<T>()[0]
            : throw context.Fail($"input {input} ('{Name(context, input)}') must hold one {type.TypeName()}, found {tensor.DataType.TypeName()} of shape {Shape(tensor.Dims)}");
    }
}
