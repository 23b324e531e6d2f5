namespace Onyx.Operators;

/// <summary>The TreeEnsembleClassifier operator (ai.onnx.ml).</summary>
internal static class TreeEnsembleClassifier
{
    internal static readonly OperatorSchema V1 = new("TreeEnsembleClassifier", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T1")],
        Outputs =
        [
            new("Y", "T2"),
            new("Z", "tensor(float)"),
        ],
        Attributes =
        [
            new("base_values", AttributeType.Floats),
            new("class_ids", AttributeType.Ints),
            new("class_nodeids", AttributeType.Ints),
            new("class_treeids", AttributeType.Ints),
            new("class_weights", AttributeType.Floats),
            new("classlabels_int64s", AttributeType.Ints),
            new("classlabels_strings", AttributeType.Strings),
            new("nodes_falsenodeids", AttributeType.Ints),
            new("nodes_featureids", AttributeType.Ints),
            new("nodes_hitrates", AttributeType.Floats),
            new("nodes_missing_value_tracks_true", AttributeType.Ints),
            new("nodes_modes", AttributeType.Strings),
            new("nodes_nodeids", AttributeType.Ints),
            new("nodes_treeids", AttributeType.Ints),
            new("nodes_truenodeids", AttributeType.Ints),
            new("nodes_values", AttributeType.Floats),
            new("post_transform", "NONE"),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(float), tensor(double), tensor(int64), tensor(int32)"),
            new("T2", "tensor(string), tensor(int64)"),
        ],
        Inference = MlModelShapes.Classifier,
    };

    internal static readonly OperatorSchema V3 = V1 with
    {
        SinceVersion = 3,
        Attributes =
        [
            new("base_values", AttributeType.Floats),
            new("base_values_as_tensor", AttributeType.Tensor),
            new("class_ids", AttributeType.Ints),
            new("class_nodeids", AttributeType.Ints),
            new("class_treeids", AttributeType.Ints),
            new("class_weights", AttributeType.Floats),
            new("class_weights_as_tensor", AttributeType.Tensor),
            new("classlabels_int64s", AttributeType.Ints),
            new("classlabels_strings", AttributeType.Strings),
            new("nodes_falsenodeids", AttributeType.Ints),
            new("nodes_featureids", AttributeType.Ints),
            new("nodes_hitrates", AttributeType.Floats),
            new("nodes_hitrates_as_tensor", AttributeType.Tensor),
            new("nodes_missing_value_tracks_true", AttributeType.Ints),
            new("nodes_modes", AttributeType.Strings),
            new("nodes_nodeids", AttributeType.Ints),
            new("nodes_treeids", AttributeType.Ints),
            new("nodes_truenodeids", AttributeType.Ints),
            new("nodes_values", AttributeType.Floats),
            new("nodes_values_as_tensor", AttributeType.Tensor),
            new("post_transform", "NONE"),
        ],
    };

    internal static readonly OperatorSchema V5 = V3 with
    {
        SinceVersion = 5,
        Deprecated = true,
        Inputs = [],
        Outputs = [],
        Attributes = [],
        TypeConstraints = [],
    };

    internal static OperatorSchema[] Versions => [V1, V3, V5];
}
