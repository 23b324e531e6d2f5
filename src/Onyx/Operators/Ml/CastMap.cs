namespace Onyx.Operators;

/// <summary>The CastMap operator (ai.onnx.ml).</summary>
internal static class CastMap
{
    internal static readonly OperatorSchema V1 = new("CastMap", 1, "ai.onnx.ml")
    {
        Inputs = [new("X", "T1")],
        Outputs = [new("Y", "T2")],
        Attributes =
        [
            new("cast_to", "TO_FLOAT"),
            new("map_form", "DENSE"),
            new("max_map", 1L),
        ],
        TypeConstraints =
        [
            new("T1", "map(int64,tensor(string)), map(int64,tensor(float))"),
            new("T2", "tensor(string), tensor(float), tensor(int64)"),
        ],
        Inference = MlModelShapes.CastMap,
    };

    internal static OperatorSchema[] Versions => [V1];
}
