namespace Onyx.Operators;

/// <summary>The BlackmanWindow operator (ai.onnx).</summary>
internal static partial class BlackmanWindow
{
    internal static readonly OperatorSchema V17 = new("BlackmanWindow", 17)
    {
        Inputs = [new("size", "T1")],
        Outputs = [new("output", "T2")],
        Attributes =
        [
            new("output_datatype", 1L),
            new("periodic", 1L),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(int32), tensor(int64)"),
            new("T2", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
        Inference = SignalShapes.Window,
        FunctionBody = BlackmanWindow.BodyV17,
    };

    internal static OperatorSchema[] Versions => [V17];
}
