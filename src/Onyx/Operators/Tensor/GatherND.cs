namespace Onyx.Operators;

/// <summary>The GatherND operator (ai.onnx).</summary>
internal static class GatherND
{
    internal static readonly OperatorSchema V11 = new("GatherND", 11)
    {
        Inputs =
        [
            new("data", "T"),
            new("indices", "tensor(int64)"),
        ],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V12 = V11 with
    {
        SinceVersion = 12,
        Attributes = [new("batch_dims", 0L)],
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V11, V12, V13];
}
