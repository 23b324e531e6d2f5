using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Resize operator (ai.onnx).</summary>
internal static class Resize
{
    internal static readonly OperatorSchema V10 = new("Resize", 10)
    {
        Inputs =
        [
            new("X", "T"),
            new("scales", "tensor(float)"),
        ],
        Outputs = [new("Y", "T")],
        Attributes = [new("mode", "nearest")],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
    };

    internal static readonly OperatorSchema V11 = V10 with
    {
        SinceVersion = 11,
        Inputs =
        [
            new("X", "T1"),
            new("roi", "T2"),
            new("scales", "tensor(float)"),
            new("sizes", "tensor(int64)", Optional),
        ],
        Outputs = [new("Y", "T1")],
        Attributes =
        [
            new("coordinate_transformation_mode", "half_pixel"),
            new("cubic_coeff_a", -0.75f),
            new("exclude_outside", 0L),
            new("extrapolation_value", 0.0f),
            new("mode", "nearest"),
            new("nearest_mode", "round_prefer_floor"),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V11 with
    {
        SinceVersion = 13,
        Inputs =
        [
            new("X", "T1"),
            new("roi", "T2", Optional),
            new("scales", "tensor(float)", Optional),
            new("sizes", "tensor(int64)", Optional),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V18 = V13 with
    {
        SinceVersion = 18,
        Attributes =
        [
            new("antialias", 0L),
            new("axes", AttributeType.Ints),
            new("coordinate_transformation_mode", "half_pixel"),
            new("cubic_coeff_a", -0.75f),
            new("exclude_outside", 0L),
            new("extrapolation_value", 0.0f),
            new("keep_aspect_ratio_policy", "stretch"),
            new("mode", "nearest"),
            new("nearest_mode", "round_prefer_floor"),
        ],
    };

    internal static readonly OperatorSchema V19 = V18 with { SinceVersion = 19 };

    internal static OperatorSchema[] Versions => [V10, V11, V13, V18, V19];
}
