using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The NonMaxSuppression operator (ai.onnx).</summary>
internal static class NonMaxSuppression
{
    internal static readonly OperatorSchema V10 = new("NonMaxSuppression", 10)
    {
        Inputs =
        [
            new("boxes", "tensor(float)"),
            new("scores", "tensor(float)"),
            new("max_output_boxes_per_class", "tensor(int64)", Optional),
            new("iou_threshold", "tensor(float)", Optional),
            new("score_threshold", "tensor(float)", Optional),
        ],
        Outputs = [new("selected_indices", "tensor(int64)")],
        Attributes = [new("center_point_box", 0L)],
        Inference = ImageShapes.NonMaxSuppression,
    };

    internal static readonly OperatorSchema V11 = V10 with { SinceVersion = 11 };

    internal static OperatorSchema[] Versions => [V10, V11];
}
