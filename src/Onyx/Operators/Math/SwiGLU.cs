namespace Onyx.Operators;

/// <summary>The SwiGLU operator (ai.onnx).</summary>
internal static partial class SwiGLU
{
    internal static readonly OperatorSchema V28 = new("SwiGLU", 28)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("Y", "T")],
        Attributes = [new("alpha", 1.0f)],
        TypeConstraints = [new("T", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)")],
        FunctionBody = SwiGLU.BodyV28,
    };

    internal static OperatorSchema[] Versions => [V28];
}
