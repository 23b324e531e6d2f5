namespace Onyx.Operators;

/// <summary>The ZipMap operator (ai.onnx.ml).</summary>
internal static class ZipMap
{
    internal static readonly OperatorSchema V1 = new("ZipMap", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "tensor(float)")],
        Outputs = [new("Z", "T")],
        Attributes =
        [
            new("classlabels_int64s", AttributeType.Ints),
            new("classlabels_strings", AttributeType.Strings),
        ],
        TypeConstraints = [new("T", "seq(map(string,tensor(float))), seq(map(int64,tensor(float)))")],
        Inference = MlModelShapes.ZipMap,
    };

    internal static OperatorSchema[] Versions => [V1];
}
