using static Onyx.ParameterOption;

namespace Onyx.Operators;

/// <summary>The SequenceMap operator (ai.onnx).</summary>
internal static partial class SequenceMap
{
    internal static readonly OperatorSchema V17 = new("SequenceMap", 17)
    {
        Inputs =
        [
            new("input_sequence", "S"),
            new("additional_inputs", "V", Variadic, Homogeneous: false, MinArity: 0),
        ],
        Inference = Sequences.InferMap,
        Outputs = [new("out_sequence", "S", Variadic, Homogeneous: false)],
        Attributes = [new("body", AttributeType.Graph, Required: true)],
        TypeConstraints =
        [
            new("S", "seq(tensor(uint8)), seq(tensor(uint16)), seq(tensor(uint32)), seq(tensor(uint64)), seq(tensor(int8)), seq(tensor(int16)), seq(tensor(int32)), seq(tensor(int64)), seq(tensor(float16)), seq(tensor(float)), seq(tensor(double)), seq(tensor(string)), seq(tensor(bool)), seq(tensor(complex64)), seq(tensor(complex128))"),
            new("V", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128), seq(tensor(uint8)), seq(tensor(uint16)), seq(tensor(uint32)), seq(tensor(uint64)), seq(tensor(int8)), seq(tensor(int16)), seq(tensor(int32)), seq(tensor(int64)), seq(tensor(float16)), seq(tensor(float)), seq(tensor(double)), seq(tensor(string)), seq(tensor(bool)), seq(tensor(complex64)), seq(tensor(complex128))"),
        ],
        FunctionBody = SequenceMap.BodyV17,
    };

    internal static OperatorSchema[] Versions => [V17];
}
