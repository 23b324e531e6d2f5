namespace Onyx.Operators;

/// <summary>The CenterCropPad operator (ai.onnx).</summary>
internal static partial class CenterCropPad
{
    internal static readonly OperatorSchema V18 = new("CenterCropPad", 18)
    {
        Inputs =
        [
            new("input_data", "T"),
            new("shape", "Tind"),
        ],
        Outputs = [new("output_data", "T")],
        Attributes = [new("axes", AttributeType.Ints)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
        FunctionBody = CenterCropPad.BodyV18,
    };

    internal static OperatorSchema[] Versions => [V18];
}
