namespace Onyx.Operators;

/// <summary>Output rules of the quantization operators: the output keeps x's shape; only the element type varies.</summary>
internal static class QuantizationShapes
{
    /// <summary>QuantizeLinear: output_dtype when set (v21+), else the zero point's type, else uint8.</summary>
    public static void Quantize(InferenceContext context)
    {
        DataType outputType = (DataType)context.GetInt("output_dtype", 0);
        if (outputType == DataType.Undefined)
            outputType = context.HasInput(2) ? context.InputElementType(2) : DataType.UInt8;
        CheckZeroPointType(context, outputType);
        ShapeRules.SameShapeAs(context, 0, outputType);
    }

    /// <summary>DequantizeLinear: output_dtype when set (v23+), else the scale's type (always float before v19).</summary>
    public static void Dequantize(InferenceContext context)
    {
        DataType outputType = (DataType)context.GetInt("output_dtype", 0);
        if (outputType == DataType.Undefined)
            outputType = context.InputElementType(1);
        ShapeRules.SameShapeAs(context, 0, outputType);
    }

    /// <summary>DynamicQuantizeLinear: uint8 y of x's shape, scalar float scale and scalar uint8 zero point.</summary>
    public static void DynamicQuantize(InferenceContext context)
    {
        ShapeRules.SameShapeAs(context, 0, DataType.UInt8);
        context.SetOutput(1, DataType.Float, new Shape());
        context.SetOutput(2, DataType.UInt8, new Shape());
    }

    private static void CheckZeroPointType(InferenceContext context, DataType outputType)
    {
        DataType zeroPoint = context.HasInput(2) ? context.InputElementType(2) : DataType.Undefined;
        if (zeroPoint != DataType.Undefined && zeroPoint != outputType)
            throw context.Fail($"input 'y_zero_point' has type {zeroPoint} but output_dtype asks for {outputType}");
    }
}
