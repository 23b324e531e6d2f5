namespace Onyx.Operators;

/// <summary>The TreeEnsemble operator (ai.onnx.ml).</summary>
internal static class TreeEnsemble
{
    internal static readonly OperatorSchema V5 = new("TreeEnsemble", 5, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("aggregate_function", 1L),
            new("leaf_targetids", AttributeType.Ints, Required: true),
            new("leaf_weights", AttributeType.Tensor, Required: true),
            new("membership_values", AttributeType.Tensor),
            new("n_targets", AttributeType.Int),
            new("nodes_falseleafs", AttributeType.Ints, Required: true),
            new("nodes_falsenodeids", AttributeType.Ints, Required: true),
            new("nodes_featureids", AttributeType.Ints, Required: true),
            new("nodes_hitrates", AttributeType.Tensor),
            new("nodes_missing_value_tracks_true", AttributeType.Ints),
            new("nodes_modes", AttributeType.Tensor, Required: true),
            new("nodes_splits", AttributeType.Tensor, Required: true),
            new("nodes_trueleafs", AttributeType.Ints, Required: true),
            new("nodes_truenodeids", AttributeType.Ints, Required: true),
            new("post_transform", 0L),
            new("tree_roots", AttributeType.Ints, Required: true),
        ],
        TypeConstraints = [new("T", "tensor(float), tensor(double), tensor(float16)")],
        Inference = MlModelShapes.TreeEnsemble,
    };

    internal static OperatorSchema[] Versions => [V5];
}
