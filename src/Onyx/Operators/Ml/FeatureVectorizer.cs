using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The FeatureVectorizer operator (ai.onnx.ml).</summary>
internal static class FeatureVectorizer
{
    internal static readonly OperatorSchema V1 = new("FeatureVectorizer", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T1", Variadic)],
        Outputs = [new("Y", "tensor(float)")],
        Attributes = [new("inputdimensions", AttributeType.Ints)],
        TypeConstraints = [new("T1", "tensor(int32), tensor(int64), tensor(float), tensor(double)")],
        Inference = MlModelShapes.FeatureVectorizer,
    };

    internal static OperatorSchema[] Versions => [V1];
}
