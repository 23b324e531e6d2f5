using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Max operator (ai.onnx).</summary>
internal static class Max
{
    internal static readonly OperatorSchema V1 = new("Max", 1)
    {
        Inputs = [new("data_0", "T", Variadic)],
        Outputs = [new("max", "T")],
        Attributes = [new("consumed_inputs", AttributeType.Ints)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = Arithmetic.InferSameShapes,
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes = [],
    };

    internal static readonly OperatorSchema V8 = V6 with
    {
        SinceVersion = 8,
        Inference = context => Arithmetic.InferVariadic(context, IntegerOperation.Maximum),
    };

    internal static readonly OperatorSchema V12 = V8 with
    {
        SinceVersion = 12,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V12 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V8, V12, V13];
}
