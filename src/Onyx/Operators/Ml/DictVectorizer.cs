namespace Onyx.Operators;

/// <summary>The DictVectorizer operator (ai.onnx.ml).</summary>
internal static class DictVectorizer
{
    internal static readonly OperatorSchema V1 = new("DictVectorizer", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T1")],
        Outputs = [new("Y", "T2")],
        Attributes =
        [
            new("int64_vocabulary", AttributeType.Ints),
            new("string_vocabulary", AttributeType.Strings),
        ],
        TypeConstraints =
        [
            new("T1", "map(string,tensor(int64)), map(int64,tensor(string)), map(int64,tensor(float)), map(int64,tensor(double)), map(string,tensor(float)), map(string,tensor(double))"),
            new("T2", "tensor(int64), tensor(float), tensor(double), tensor(string)"),
        ],
        Inference = MlModelShapes.DictVectorizer,
    };

    internal static OperatorSchema[] Versions => [V1];
}
