namespace Onyx.Operators;

/// <summary>The Mod operator (ai.onnx).</summary>
internal static class Mod
{
    internal static readonly OperatorSchema V10 = new("Mod", 10)
    {
        Inputs =
        [
            new("A", "T"),
            new("B", "T"),
        ],
        Outputs = [new("C", "T")],
        Attributes = [new("fmod", 0L)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double)"),
        ],
        Inference = InferMod,
    };

    internal static readonly OperatorSchema V13 = V10 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(bfloat16)"),
        ],
    };

    private static void InferMod(InferenceContext context)
    {
        long fmodValue = context.GetInt("fmod", 0);
        if (fmodValue is not (0 or 1))
            throw context.Fail($"attribute 'fmod' must be 0 or 1, but it is {fmodValue}");
        bool fmod = fmodValue == 1;
        if (!fmod && context.InputElementType(0) is DataType.Float16 or DataType.Float or DataType.Double or DataType.BFloat16)
            throw context.Fail($"attribute 'fmod' must be 1 for floating-point inputs ({context.InputElementType(0)})");
        Arithmetic.Infer(context, IntegerOperation.Modulo(fmod));
    }

    internal static OperatorSchema[] Versions => [V10, V13];
}
