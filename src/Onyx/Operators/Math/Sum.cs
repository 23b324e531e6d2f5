using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The Sum operator (ai.onnx).</summary>
internal static class Sum
{
    internal static readonly OperatorSchema V1 = new("Sum", 1)
    {
        Inputs = [new("data_0", "T", Variadic)],
        Outputs = [new("sum", "T")],
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
        Inference = context => Arithmetic.InferVariadic(context),
    };

    internal static readonly OperatorSchema V13 = V8 with
    {
        SinceVersion = 13,
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V8, V13];
}
