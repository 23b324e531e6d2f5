namespace Onyx.Operators;

/// <summary>The Range operator (ai.onnx).</summary>
internal static partial class Range
{
    internal static readonly OperatorSchema V11 = new("Range", 11)
    {
        Inputs =
        [
            new("start", "T"),
            new("limit", "T"),
            new("delta", "T"),
        ],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(double), tensor(int16), tensor(int32), tensor(int64)"),
        ],
        FunctionBody = Range.BodyV11,
    };

    internal static readonly OperatorSchema V27 = V11 with
    {
        SinceVersion = 27,
        Attributes = [new("stash_type", 1L)],
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(double), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(bfloat16)"),
        ],
        FunctionBody = Range.BodyV27,
    };

    internal static OperatorSchema[] Versions => [V11, V27];
}
