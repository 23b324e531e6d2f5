using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The TensorScatter operator (ai.onnx).</summary>
internal static class TensorScatter
{
    internal static readonly OperatorSchema V24 = new("TensorScatter", 24)
    {
        Inputs =
        [
            new("past_cache", "T"),
            new("update", "T"),
            new("write_indices", "tensor(int64)", Optional),
        ],
        Outputs = [new("present_cache", "T")],
        Attributes =
        [
            new("axis", -2L),
            new("mode", "linear"),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V24];
}
