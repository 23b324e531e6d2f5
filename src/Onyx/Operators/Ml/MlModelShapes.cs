namespace Onyx.Operators;

/// <summary>Output rules of the ai.onnx.ml predictors (classifiers, regressors, tree ensembles) and map converters.</summary>
internal static class MlModelShapes
{
    /// <summary>Classifiers: labels [N] (string or int64 after the class label attribute) and scores [N, classes].</summary>
    public static void Classifier(InferenceContext context) => Classify(context, new Dim());

    /// <summary>
    /// LinearClassifier: one score per intercept, except that one intercept with two class labels is the binary
    /// case, scored for both classes.
    /// </summary>
    public static void LinearClassifier(InferenceContext context)
    {
        int labels = context.GetStrings("classlabels_strings")?.Count ?? context.GetInts("classlabels_ints")?.Count ?? 0;
        Dim classes = context.GetFloats("intercepts")?.Count switch
        {
            null => new Dim(),
            1 when labels == 2 => 2,
            int count => count,
        };
        Classify(context, classes);
    }

    private static void Classify(InferenceContext context, Dim classes)
    {
        bool strings = context.HasAttribute("classlabels_strings");
        Dim batch = BatchSize(context);
        context.SetOutput(0, strings ? DataType.String : DataType.Int64, [batch]);
        context.SetOutput(1, DataType.Float, [batch, classes]);
    }

    /// <summary>Regressors: float [N, targets] with the target count from the given attribute.</summary>
    public static InferenceFunction Regressor(string targetsAttribute) => context =>
        context.SetOutput(0, DataType.Float, [BatchSize(context), Targets(context, targetsAttribute)]);

    /// <summary>SVMRegressor: [N, 1], one score per example (the spec gives it a single rho and no target count).</summary>
    public static void SingleTarget(InferenceContext context) =>
        context.SetOutput(0, DataType.Float, [BatchSize(context), 1]);

    /// <summary>TreeEnsemble (v5): [N, n_targets] of the input's element type.</summary>
    public static void TreeEnsemble(InferenceContext context) =>
        context.SetOutput(0, context.InputElementType(0), [BatchSize(context), Targets(context, "n_targets")]);

    /// <summary>ZipMap: a sequence of maps from the class labels (string or int64) to float scores.</summary>
    public static void ZipMap(InferenceContext context)
    {
        if (context.InputRank(0) is { } rank and not (1 or 2))
            throw context.Fail($"input 'X' must have shape [N, C] or [C], found rank {rank}");
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
        IReadOnlyList<long>? ints = context.GetInts("cats_int64s");
        IReadOnlyList<string>? strings = context.GetStrings("cats_strings");
        if ((ints is null) == (strings is null))
            throw context.Fail("exactly one of the attributes 'cats_int64s' and 'cats_strings' must be set");
        int categories = ints?.Count ?? strings!.Count;
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

    /// <summary>N of an [N, C] input; a [C] input is one example.</summary>
    private static Dim BatchSize(InferenceContext context) => context.InputShape(0) switch
    {
        null => new Dim(),
        { Rank: 2 } shape => shape.Dims[0],
        { Rank: 1 } => 1,
        { Rank: var rank } => throw context.Fail($"input 'X' must have shape [N, C] or [C], found rank {rank}"),
    };

    private static Dim Targets(InferenceContext context, string attribute) =>
        context.GetInt(attribute) is { } count ? count : new Dim();
}
