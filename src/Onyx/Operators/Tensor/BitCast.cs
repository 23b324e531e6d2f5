namespace Onyx.Operators;

/// <summary>The BitCast operator (ai.onnx).</summary>
internal static class BitCast
{
    internal static readonly OperatorSchema V26 = new("BitCast", 26)
    {
        Inference = InferBitCast,
        Inputs = [new("input", "T1")],
        Outputs = [new("output", "T2")],
        Attributes = [new("to", AttributeType.Int, Required: true)],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0), tensor(uint2), tensor(int2)"),
            new("T2", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(bool), tensor(complex64), tensor(complex128), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(uint4), tensor(int4), tensor(float4e2m1), tensor(float8e8m0), tensor(uint2), tensor(int2)"),
        ],
    };

    /// <summary>The input's shape with type 'to', which must have the input's bit width.</summary>
    private static void InferBitCast(InferenceContext context)
    {
        DataType target = CastTarget.FromAttribute(context, context.GetInt("to") ?? throw context.Fail("attribute 'to' is required"), "to");
        DataType source = context.InputElementType(0);
        if (target == DataType.String || source == DataType.String)
            throw context.Fail("BitCast does not take or produce strings");
        if (source != DataType.Undefined && source.BitsPerElement() != target.BitsPerElement())
            throw context.Fail($"'to' ({target.TypeName()}, {target.BitsPerElement()} bits) must have the bit width of the input ({source.TypeName()}, {source.BitsPerElement()} bits)");
        ShapeRules.SameShapeAs(context, 0, target);
    }

    internal static OperatorSchema[] Versions => [V26];
}
