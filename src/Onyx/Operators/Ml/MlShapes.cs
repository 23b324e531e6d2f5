namespace Onyx.Operators;

/// <summary>Output rules shared by the ai.onnx.ml operators.</summary>
internal static class MlShapes
{
    /// <summary>Scaler, Normalizer: float output of the input's shape.</summary>
    public static void FloatOfInputShape(InferenceContext context) => ShapeRules.SameShapeAs(context, 0, DataType.Float);

    /// <summary>CategoryMapper (and LabelEncoder v1): strings map to int64 and int64 to strings, shape kept.</summary>
    public static void StringIntSwap(InferenceContext context)
    {
        if (context.GetInts("cats_int64s") is { } ints && context.GetStrings("cats_strings") is { } strings && ints.Count != strings.Count)
            throw context.Fail($"attributes 'cats_int64s' ({ints.Count}) and 'cats_strings' ({strings.Count}) must have the same length");
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

    /// <summary>
    /// LabelEncoder v2+: X's element type must be that of the keys_* attribute given, the output's is that of the
    /// values_* attribute, and keys and values are parallel lists of the same length.
    /// </summary>
    public static void LabelEncoder(InferenceContext context)
    {
        (DataType key, long keys) = EncoderList(context, "keys") ?? throw context.Fail("one of the keys_* attributes must be set");
        (DataType value, long values) = EncoderList(context, "values") ?? throw context.Fail("one of the values_* attributes must be set");
        DataType input = context.InputElementType(0);
        if (input != DataType.Undefined && input != key)
            throw context.Fail($"input 'X' has type {input} but the keys are {key}");
        if (keys != values)
            throw context.Fail($"the keys ({keys}) and the values ({values}) must have the same length");
        ShapeRules.SameShapeAs(context, 0, value);
    }

    /// <summary>The element type and length of the keys_* or values_* attribute that is set.</summary>
    private static (DataType Type, long Length)? EncoderList(InferenceContext context, string prefix) =>
        context.GetStrings(prefix + "_strings") is { } strings ? (DataType.String, strings.Count)
        : context.GetInts(prefix + "_int64s") is { } ints ? (DataType.Int64, ints.Count)
        : context.GetFloats(prefix + "_floats") is { } floats ? (DataType.Float, floats.Count)
        : context.GetTensor(prefix + "_tensor") is { } tensor ? (tensor.DataType, tensor.ElementCount)
        : null;

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
