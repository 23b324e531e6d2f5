namespace Onyx.Operators;

/// <summary>The Relu operator (ai.onnx).</summary>
internal static partial class Relu
{
    internal static readonly OperatorSchema V1 = new("Relu", 1)
    {
        Inputs = [new("X", "T")],
        Outputs = [new("Y", "T")],
        Attributes = [new("consumed_inputs", AttributeType.Ints)],
        TypeConstraints = [new("T", "tensor(float16), tensor(float), tensor(double)")],
        Inference = context => Arithmetic.InferReal(context, x => Math.Max(x, 0)),
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

    internal static readonly OperatorSchema V14 = V13 with
    {
        SinceVersion = 14,
        TypeConstraints =
        [
            new("T", "tensor(float), tensor(int32), tensor(int8), tensor(int16), tensor(int64), tensor(float16), tensor(double), tensor(bfloat16)"),
        ],
        FunctionBody = Relu.BodyV14,
    };

    internal static OperatorSchema[] Versions => [V1, V6, V13, V14];
}
