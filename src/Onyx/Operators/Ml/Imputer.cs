namespace Onyx.Operators;

/// <summary>The Imputer operator (ai.onnx.ml).</summary>
internal static class Imputer
{
    internal static readonly OperatorSchema V1 = new("Imputer", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes =
        [
            new("imputed_value_floats", AttributeType.Floats),
            new("imputed_value_int64s", AttributeType.Ints),
            new("replaced_value_float", 0.0f),
            new("replaced_value_int64", 0L),
        ],
        TypeConstraints = [new("T", "tensor(float), tensor(double), tensor(int64), tensor(int32)")],
        Inference = ShapeRules.SameAsFirstInput,
    };

    internal static OperatorSchema[] Versions => [V1];
}
