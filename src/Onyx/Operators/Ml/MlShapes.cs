namespace Onyx.Operators;

/// <summary>Output rules shared by the ai.onnx.ml operators.</summary>
internal static class MlShapes
{
    /// <summary>Scaler, Normalizer: float output of the input's shape.</summary>
    public static void FloatOfInputShape(InferenceContext context) => ShapeRules.SameShapeAs(context, 0, DataType.Float);

    /// <summary>CategoryMapper (and LabelEncoder v1): strings map to int64 and int64 to strings, shape kept.</summary>
    public static void StringIntSwap(InferenceContext context)
    {
        DataType input = context.InputElementType(0);
        DataType output = input switch
        {
            DataType.String => DataType.Int64,
            DataType.Int64 => DataType.String,
            DataType.Undefined => DataType.Undefined,
            _ => throw context.Fail($"input 'X' must be string or int64, found {input}"),
        };
        if (output != DataType.Undefined)
            ShapeRules.SameShapeAs(context, 0, output);
    }

    /// <summary>LabelEncoder v2+: the output element type is that of the values_* attribute given.</summary>
    public static void LabelEncoder(InferenceContext context)
    {
        DataType output =
            context.HasAttribute("values_strings") ? DataType.String
            : context.HasAttribute("values_int64s") ? DataType.Int64
            : context.HasAttribute("values_floats") ? DataType.Float
            : context.GetTensor("values_tensor")?.DataType
              ?? throw context.Fail("one of the values_* attributes must be set");
        ShapeRules.SameShapeAs(context, 0, output);
    }

    /// <summary>ArrayFeatureExtractor: X's last axis replaced by the selected indices ([1, n] for a 1-D X).</summary>
    public static void ArrayFeatureExtractor(InferenceContext context)
    {
        Shape? data = context.InputShape(0);
        Shape? indices = context.InputShape(1);
        Dim count = indices is null ? new Dim() : ShapeRules.Product(context, indices.Dims);
        Shape? output = data switch
        {
            null => null,
            { Rank: 0 } => throw context.Fail("input 'X' must have rank at least 1"),
            { Rank: 1 } => new Shape([1, count]),
            _ => new Shape([.. data.Dims.Take(data.Rank - 1), count]),
        };
        context.SetOutput(0, context.InputElementType(0), output);
    }
}
