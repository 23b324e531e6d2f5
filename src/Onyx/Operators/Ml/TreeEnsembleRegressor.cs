namespace Onyx.Operators;

/// <summary>The TreeEnsembleRegressor operator (ai.onnx.ml).</summary>
internal static class TreeEnsembleRegressor
{
    internal static readonly OperatorSchema V1 = new("TreeEnsembleRegressor", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "tensor(float)")],
        Attributes =
        [
            new("aggregate_function", "SUM"),
            new("base_values", AttributeType.Floats),
            new("n_targets", AttributeType.Int),
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
            new("target_ids", AttributeType.Ints),
            new("target_nodeids", AttributeType.Ints),
            new("target_treeids", AttributeType.Ints),
            new("target_weights", AttributeType.Floats),
        ],
        TypeConstraints = [new("T", "tensor(float), tensor(double), tensor(int64), tensor(int32)")],
        Inference = MlModelShapes.Regressor("n_targets"),
    };

    internal static readonly OperatorSchema V3 = V1 with
    {
        SinceVersion = 3,
        Attributes =
        [
            new("aggregate_function", "SUM"),
            new("base_values", AttributeType.Floats),
            new("base_values_as_tensor", AttributeType.Tensor),
            new("n_targets", AttributeType.Int),
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
            new("target_ids", AttributeType.Ints),
            new("target_nodeids", AttributeType.Ints),
            new("target_treeids", AttributeType.Ints),
            new("target_weights", AttributeType.Floats),
            new("target_weights_as_tensor", AttributeType.Tensor),
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
