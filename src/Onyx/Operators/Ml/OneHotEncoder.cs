namespace Onyx.Operators;

/// <summary>The OneHotEncoder operator (ai.onnx.ml).</summary>
internal static class OneHotEncoder
{
    internal static readonly OperatorSchema V1 = new("OneHotEncoder", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "tensor(float)")],
        Attributes =
        [
            new("cats_int64s", AttributeType.Ints),
            new("cats_strings", AttributeType.Strings),
            new("zeros", 1L),
        ],
        TypeConstraints =
        [
            new("T", "tensor(string), tensor(int64), tensor(int32), tensor(float), tensor(double)"),
        ],
        Inference = MlModelShapes.OneHotEncoder,
    };

    internal static OperatorSchema[] Versions => [V1];
}
