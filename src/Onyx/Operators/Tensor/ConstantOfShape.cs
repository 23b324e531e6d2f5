namespace Onyx.Operators;

/// <summary>The ConstantOfShape operator (ai.onnx).</summary>
internal static class ConstantOfShape
{
    internal static readonly OperatorSchema V9 = new("ConstantOfShape", 9)
    {
        Inference = InferConstantOfShape,
        Inputs = [new("input", "T1")],
        Outputs = [new("output", "T2")],
        Attributes = [new("value", AttributeType.Tensor)],
        TypeConstraints =
        [
            new("T1", "tensor(int64)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(bool)"),
        ],
    };

    internal static readonly OperatorSchema V20 = V9 with
    {
        SinceVersion = 20,
        TypeConstraints =
        [
            new("T1", "tensor(int64)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(bool), tensor(bfloat16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
        ],
    };

    internal static readonly OperatorSchema V21 = V20 with
    {
        SinceVersion = 21,
        TypeConstraints =
        [
            new("T1", "tensor(int64)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(uint4), tensor(int4), tensor(bool), tensor(bfloat16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz)"),
        ],
    };

    internal static readonly OperatorSchema V23 = V21 with
    {
        SinceVersion = 23,
        TypeConstraints =
        [
            new("T1", "tensor(int64)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(uint4), tensor(int4), tensor(bool), tensor(bfloat16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(float4e2m1)"),
        ],
    };

    internal static readonly OperatorSchema V24 = V23 with
    {
        SinceVersion = 24,
        TypeConstraints =
        [
            new("T1", "tensor(int64)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(uint4), tensor(int4), tensor(bool), tensor(bfloat16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(float4e2m1), tensor(float8e8m0)"),
        ],
    };

    internal static readonly OperatorSchema V25 = V24 with
    {
        SinceVersion = 25,
        TypeConstraints =
        [
            new("T1", "tensor(int64)"),
            new("T2", "tensor(float16), tensor(float), tensor(double), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(uint4), tensor(int4), tensor(bool), tensor(bfloat16), tensor(float8e4m3fn), tensor(float8e4m3fnuz), tensor(float8e5m2), tensor(float8e5m2fnuz), tensor(float4e2m1), tensor(float8e8m0), tensor(uint2), tensor(int2)"),
        ],
    };

    /// <summary>A tensor whose dims are the values of the 1-D 'input', of value's type (float when absent); small integer 1-D results are propagated.</summary>
    private static void InferConstantOfShape(InferenceContext context)
    {
        Tensor? value = context.GetTensor("value");
        if (value is not null && TensorValues.ElementCountOrMinusOne(value) != 1)
            throw context.Fail($"attribute 'value' must hold exactly one element, found dims [{string.Join(",", value.Dims)}]");
        DataType elementType = value?.DataType ?? DataType.Float;
        IntegerInputs.CheckInputRank(context, 0, 1, "input");
        if (context.InputValues(0) is not { } dims)
        {
            context.SetOutput(0, elementType, IntegerInputs.Length(context, 0) is long rank ? ShapeRules.UnknownShape(context, rank) : null);
            return;
        }
        ShapeRules.CheckRank(context, dims.Length);
        if (Array.Find(dims, d => d.Value < 0) is { } negative)
            throw context.Fail($"input 'input' has a negative dim {negative}");
        ShapeRules.Product(context, dims);
        context.SetOutput(0, elementType, dims);
        long[]? filler = value is null ? null : TensorValues.Integers(value, 1);
        if (dims.Length == 1 && dims[0].Value is long length && length <= context.MaxPropagatedElements && filler is not null)
        {
            var values = new Dim[length];
            for (int i = 0; i < values.Length; i++)
                values[i] = filler[0];
            context.SetOutputValues(0, values);
        }
    }

    internal static OperatorSchema[] Versions => [V9, V20, V21, V23, V24, V25];
}
