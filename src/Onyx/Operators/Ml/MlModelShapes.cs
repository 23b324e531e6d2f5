namespace Onyx.Operators;

/// <summary>Output rules of the ai.onnx.ml predictors (classifiers, regressors, tree ensembles) and map converters.</summary>
internal static class MlModelShapes
{
    /// <summary>Classifiers: labels [N] (string or int64 after the class label attribute) and scores [N, classes].</summary>
    public static void Classifier(InferenceContext context)
    {
        bool strings = context.HasAttribute("classlabels_strings");
        Dim batch = BatchSize(context);
        context.SetOutput(0, strings ? DataType.String : DataType.Int64, [batch]);
        context.SetOutput(1, DataType.Float, [batch, new Dim()]);
    }

    /// <summary>Regressors: float [N, targets] with the target count from the given attribute.</summary>
    public static InferenceFunction Regressor(string targetsAttribute) => context =>
        context.SetOutput(0, DataType.Float, [BatchSize(context), Targets(context, targetsAttribute)]);

    /// <summary>TreeEnsemble (v5): [N, n_targets] of the input's element type.</summary>
    public static void TreeEnsemble(InferenceContext context) =>
        context.SetOutput(0, context.InputElementType(0), [BatchSize(context), Targets(context, "n_targets")]);

    /// <summary>ZipMap: a sequence of maps from the class labels (string or int64) to float scores.</summary>
    public static void ZipMap(InferenceContext context)
    {
        DataType key = context.HasAttribute("classlabels_strings") ? DataType.String : DataType.Int64;
        context.SetOutputType(0, TypeInfo.Sequence(TypeInfo.Map(key, TypeInfo.Tensor(DataType.Float, []))));
    }

    /// <summary>DictVectorizer: the map's value type, one column per vocabulary entry.</summary>
    public static void DictVectorizer(InferenceContext context)
    {
        if (context.InputType(0) is not MapTypeInfo { ValueType: TensorTypeInfo value })
            return;
        context.SetOutput(0, value.ElementType, (Shape?)null);
    }

    /// <summary>CastMap: cast_to selects the element type (TO_FLOAT, TO_STRING, TO_INT64).</summary>
    public static void CastMap(InferenceContext context)
    {
        string castTo = context.GetString("cast_to", "TO_FLOAT");
        DataType elementType = castTo switch
        {
            "TO_FLOAT" => DataType.Float,
            "TO_STRING" => DataType.String,
            "TO_INT64" => DataType.Int64,
            _ => throw context.Fail($"attribute 'cast_to' must be TO_FLOAT, TO_STRING or TO_INT64, found '{castTo}'"),
        };
        context.SetOutput(0, elementType, (Shape?)null);
    }

    /// <summary>OneHotEncoder: X's shape with a trailing axis of one column per category.</summary>
    public static void OneHotEncoder(InferenceContext context)
    {
        int categories = context.GetInts("cats_int64s")?.Count ?? context.GetStrings("cats_strings")?.Count ?? 0;
        Shape? input = context.InputShape(0);
        context.SetOutput(0, DataType.Float, input is null ? null : new Shape([.. input.Dims, categories == 0 ? new Dim() : categories]));
    }

    /// <summary>FeatureVectorizer: float [N, sum of inputdimensions].</summary>
    public static void FeatureVectorizer(InferenceContext context)
    {
        Dim total = context.GetInts("inputdimensions") is { } dims ? Sum(context, dims) : new Dim();
        context.SetOutput(0, DataType.Float, [BatchSize(context), total]);
    }

    private static Dim Sum(InferenceContext context, IReadOnlyList<long> values)
    {
        Dim total = 0;
        foreach (long value in values)
            total = ShapeRules.Add(context, total, value);
        return total;
    }

    private static Dim BatchSize(InferenceContext context) => context.InputShape(0) switch
    {
        { Rank: 2 } shape => shape.Dims[0],
        { Rank: 1 } => 1,
        _ => new Dim(),
    };

    private static Dim Targets(InferenceContext context, string attribute) =>
        context.GetInt(attribute) is { } count ? count : new Dim();
}
