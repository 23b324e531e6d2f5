namespace Onyx.Operators;

/// <summary>The AffineGrid operator (ai.onnx).</summary>
internal static partial class AffineGrid
{
    internal static readonly OperatorSchema V20 = new("AffineGrid", 20)
    {
        Inputs =
        [
            new("theta", "T1"),
            new("size", "T2"),
        ],
        Outputs = [new("grid", "T1")],
        Attributes = [new("align_corners", 0L)],
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
        ],
        FunctionBody = AffineGrid.BodyV20,
    };

    internal static OperatorSchema[] Versions => [V20];
}
