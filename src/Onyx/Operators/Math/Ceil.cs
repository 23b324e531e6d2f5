namespace Onyx.Operators;

/// <summary>The Ceil operator (ai.onnx).</summary>
internal static class Ceil
{
    internal static readonly OperatorSchema V1 = new("Ceil", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("consumed_inputs", AttributeType.Ints)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = context => Arithmetic.InferReal(context, Math.Ceiling),
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        SinceVersion = 6,
        Attributes = [],
    };

    internal static readonly OperatorSchema V13 = V6 with
    {
        SinceVersion = 13,
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double), tensor(bfloat16)")],
    };

    internal static OperatorSchema[] Versions => [V1, V6, V13];
}
