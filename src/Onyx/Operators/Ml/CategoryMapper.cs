namespace Onyx.Operators;

/// <summary>The CategoryMapper operator (ai.onnx.ml).</summary>
internal static class CategoryMapper
{
    internal static readonly OperatorSchema V1 = new("CategoryMapper", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T1")],
        Outputs = [new("Y", "T2")],
        Attributes =
        [
            new("cats_int64s", AttributeType.Ints),
            new("cats_strings", AttributeType.Strings),
            new("default_int64", -1L),
            new("default_string", "_Unused"),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(string), tensor(int64)"),
            new("T2", "tensor(string), tensor(int64)"),
        ],
        Inference = MlShapes.StringIntSwap,
    };

    internal static OperatorSchema[] Versions => [V1];
}
