namespace Onyx.Operators;

/// <summary>The LabelEncoder operator (ai.onnx.ml).</summary>
internal static class LabelEncoder
{
    internal static readonly OperatorSchema V1 = new("LabelEncoder", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T1")],
        Outputs = [new("Y", "T2")],
        Attributes =
        [
            new("classes_strings", AttributeType.Strings),
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

    internal static readonly OperatorSchema V2 = V1 with
    {
        SinceVersion = 2,
        Attributes =
        [
            new("default_float", -0.0f),
            new("default_int64", -1L),
            new("default_string", "_Unused"),
            new("keys_floats", AttributeType.Floats),
            new("keys_int64s", AttributeType.Ints),
            new("keys_strings", AttributeType.Strings),
            new("values_floats", AttributeType.Floats),
            new("values_int64s", AttributeType.Ints),
            new("values_strings", AttributeType.Strings),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(string), tensor(int64), tensor(float)"),
            new("T2", "tensor(string), tensor(int64), tensor(float)"),
        ],
        Inference = MlShapes.LabelEncoder,
    };

    internal static readonly OperatorSchema V4 = V2 with
    {
        SinceVersion = 4,
        Attributes =
        [
            new("default_float", -0.0f),
            new("default_int64", -1L),
            new("default_string", "_Unused"),
            new("default_tensor", AttributeType.Tensor),
            new("keys_floats", AttributeType.Floats),
            new("keys_int64s", AttributeType.Ints),
            new("keys_strings", AttributeType.Strings),
            new("keys_tensor", AttributeType.Tensor),
            new("values_floats", AttributeType.Floats),
            new("values_int64s", AttributeType.Ints),
            new("values_strings", AttributeType.Strings),
            new("values_tensor", AttributeType.Tensor),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(string), tensor(int64), tensor(float), tensor(int32), tensor(int16), tensor(double)"),
            new("T2", "tensor(string), tensor(int64), tensor(float), tensor(int32), tensor(int16), tensor(double)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V2, V4];
}
