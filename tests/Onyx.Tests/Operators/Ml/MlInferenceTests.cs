namespace Onyx.Tests.Operators.MlOperators;

public sealed class MlInferenceTests
{
    private static string[] Ml(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, int outputCount, params Attribute[] attributes) =>
        MlAt(3, opType, inputs, outputCount, attributes);

    private static string[] MlAt(long version, string opType, Func<GraphBuilder, IEnumerable<string>> inputs, int outputCount, params Attribute[] attributes) =>
        DomainNodeInference.Outputs("ai.onnx.ml", version, opType, inputs, outputCount, attributes);

    private static string Problem(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, int outputCount, params Attribute[] attributes) =>
        DomainNodeInference.Problem("ai.onnx.ml", 3, opType, inputs, outputCount, attributes);

    private static Func<GraphBuilder, IEnumerable<string>> X(DataType type, params Dim[] dims) => g => [g.AddInput("x", type, dims)];

    private static Func<GraphBuilder, IEnumerable<string>> MapInput(DataType key, DataType value) =>
        g => [g.AddInput(new ValueInfo("x", TypeInfo.Map(key, TypeInfo.Tensor(value, []))))];

    private static Attribute Ints(string name, params long[] values) => Attribute.Create(name, values);

    private static Attribute Floats(string name, params float[] values) => Attribute.Create(name, values);

    private static Attribute Strings(string name, params string[] values) => Attribute.Create(name, values);

    private static readonly Attribute Coefficients = Floats("coefficients", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

    [Fact]
    public void LinearClassifier_keeps_the_symbolic_batch_and_scores_one_column_per_intercept()
    {
        string[] outputs = Ml("LinearClassifier", X(DataType.Float, "N", 4), 2,
            Coefficients, Floats("intercepts", 0, 0, 0), Ints("classlabels_ints", 1, 2, 3));
        Assert.Equal(["tensor(int64)[N]", "tensor(float)[N,3]"], outputs);
    }

    [Fact]
    public void LinearClassifier_with_string_labels_gives_string_labels()
    {
        string[] outputs = Ml("LinearClassifier", X(DataType.Double, "N", 4), 2,
            Coefficients, Floats("intercepts", 0, 0, 0), Strings("classlabels_strings", "a", "b", "c"));
        Assert.Equal("tensor(string)[N]", outputs[0]);
    }

    [Fact]
    public void LinearClassifier_binary_case_scores_both_classes()
    {
        string[] outputs = Ml("LinearClassifier", X(DataType.Float, "N", 4), 2,
            Floats("coefficients", 1, 2, 3, 4), Floats("intercepts", 0), Ints("classlabels_ints", 0, 1));
        Assert.Equal("tensor(float)[N,2]", outputs[1]);
    }

    [Fact]
    public void LinearClassifier_treats_a_1d_input_as_one_example()
    {
        string[] outputs = Ml("LinearClassifier", X(DataType.Int32, 4), 2, Coefficients, Floats("intercepts", 0, 0, 0));
        Assert.Equal(["tensor(int64)[1]", "tensor(float)[1,3]"], outputs);
    }

    [Fact]
    public void LinearClassifier_rejects_a_rank_3_input()
    {
        string problem = Problem("LinearClassifier", X(DataType.Float, 2, 3, 4), 2, Coefficients);
        Assert.Contains("[N, C] or [C], found rank 3", problem);
    }

    [Fact]
    public void SVMClassifier_without_intercepts_leaves_the_class_count_unknown()
    {
        string[] outputs = Ml("SVMClassifier", X(DataType.Float, "batch", 4), 2, Strings("classlabels_strings", "x", "y", "z"));
        Assert.Equal(["tensor(string)[batch]", "tensor(float)[batch,?]"], outputs);
    }

    [Fact]
    public void TreeEnsembleClassifier_with_int_labels_gives_int64_labels()
    {
        string[] outputs = Ml("TreeEnsembleClassifier", X(DataType.Double, "N", 2), 2, Ints("classlabels_int64s", 4, 7));
        Assert.Equal("tensor(int64)[N]", outputs[0]);
    }

    [Fact]
    public void LinearRegressor_has_one_column_per_target()
    {
        string[] outputs = Ml("LinearRegressor", X(DataType.Int64, "N", 5), 1, Attribute.Create("targets", 2L));
        Assert.Equal(["tensor(float)[N,2]"], outputs);
    }

    [Fact]
    public void SVMRegressor_gives_one_score_per_example()
    {
        string[] outputs = Ml("SVMRegressor", X(DataType.Float, "N", 5), 1, Attribute.Create("rho", new[] { 0.5f }));
        Assert.Equal(["tensor(float)[N,1]"], outputs);
    }

    [Fact]
    public void TreeEnsembleRegressor_has_n_targets_columns()
    {
        string[] outputs = Ml("TreeEnsembleRegressor", X(DataType.Double, "N", 5), 1, Attribute.Create("n_targets", 3L));
        Assert.Equal(["tensor(float)[N,3]"], outputs);
    }

    [Fact]
    public void TreeEnsemble_keeps_the_input_element_type()
    {
        string[] outputs = MlAt(5, "TreeEnsemble", X(DataType.Double, "N", 5), 1, Attribute.Create("n_targets", 2L));
        Assert.Equal(["tensor(double)[N,2]"], outputs);
    }

    [Theory]
    [InlineData("classlabels_strings", "seq(map(string,tensor(float)))")]
    [InlineData("classlabels_int64s", "seq(map(int64,tensor(float)))")]
    public void ZipMap_gives_a_sequence_of_maps_keyed_by_the_labels(string labels, string expected)
    {
        Attribute keys = labels == "classlabels_strings" ? Strings(labels, "a", "b") : Ints(labels, 1, 2);
        Assert.Equal([expected], Ml("ZipMap", X(DataType.Float, "N", 2), 1, keys));
    }

    [Fact]
    public void ZipMap_rejects_a_rank_3_input()
    {
        string problem = Problem("ZipMap", X(DataType.Float, 1, 2, 2), 1, Ints("classlabels_int64s", 1, 2));
        Assert.Contains("found rank 3", problem);
    }

    [Fact]
    public void LabelEncoder_v1_maps_int64_to_string()
    {
        Assert.Equal(["tensor(string)[N,2]"], MlAt(1, "LabelEncoder", X(DataType.Int64, "N", 2), 1, Strings("classes_strings", "a", "b")));
    }

    [Fact]
    public void LabelEncoder_output_type_follows_the_values_attribute()
    {
        string[] outputs = Ml("LabelEncoder", X(DataType.String, "N"), 1, Strings("keys_strings", "a", "b"), Ints("values_int64s", 1, 2));
        Assert.Equal(["tensor(int64)[N]"], outputs);
    }

    [Fact]
    public void LabelEncoder_v4_takes_key_and_value_types_from_tensors()
    {
        string[] outputs = MlAt(4, "LabelEncoder", X(DataType.Int32, "N", 3), 1,
            Attribute.Create("keys_tensor", Tensor.FromArray(new[] { 1, 2 }, 2)),
            Attribute.Create("values_tensor", Tensor.FromArray(new[] { 0.5, 1.5 }, 2)));
        Assert.Equal(["tensor(double)[N,3]"], outputs);
    }

    [Fact]
    public void LabelEncoder_rejects_keys_of_another_type_than_the_input()
    {
        string problem = Problem("LabelEncoder", X(DataType.Int64, "N"), 1, Strings("keys_strings", "a"), Floats("values_floats", 1));
        Assert.Contains("input 'X' has type Int64 but the keys are String", problem);
    }

    [Fact]
    public void LabelEncoder_rejects_keys_and_values_of_different_lengths()
    {
        string problem = Problem("LabelEncoder", X(DataType.String, "N"), 1, Strings("keys_strings", "a", "b"), Floats("values_floats", 1));
        Assert.Contains("keys (2) and the values (1)", problem);
    }

    [Fact]
    public void CategoryMapper_maps_strings_to_int64_and_keeps_the_shape()
    {
        string[] outputs = Ml("CategoryMapper", X(DataType.String, "N", 2), 1, Ints("cats_int64s", 1, 2), Strings("cats_strings", "a", "b"));
        Assert.Equal(["tensor(int64)[N,2]"], outputs);
    }

    [Fact]
    public void CategoryMapper_rejects_category_lists_of_different_lengths()
    {
        string problem = Problem("CategoryMapper", X(DataType.Int64, "N"), 1, Ints("cats_int64s", 1, 2), Strings("cats_strings", "a"));
        Assert.Contains("'cats_int64s' (2) and 'cats_strings' (1)", problem);
    }

    [Theory]
    [InlineData("TO_STRING", "tensor(string)[unknown rank]")]
    [InlineData("TO_INT64", "tensor(int64)[unknown rank]")]
    public void CastMap_output_type_follows_cast_to(string castTo, string expected)
    {
        Assert.Equal([expected], Ml("CastMap", MapInput(DataType.Int64, DataType.Float), 1, Attribute.Create("cast_to", castTo)));
    }

    [Fact]
    public void CastMap_rejects_an_unknown_cast_to()
    {
        string problem = Problem("CastMap", MapInput(DataType.Int64, DataType.Float), 1, Attribute.Create("cast_to", "TO_DOUBLE"));
        Assert.Contains("'cast_to' must be TO_FLOAT, TO_STRING or TO_INT64, found 'TO_DOUBLE'", problem);
    }

    [Fact]
    public void DictVectorizer_gives_the_map_value_type()
    {
        string[] outputs = Ml("DictVectorizer", MapInput(DataType.String, DataType.Double), 1, Strings("string_vocabulary", "a", "b"));
        Assert.Equal(["tensor(double)[unknown rank]"], outputs);
    }

    [Fact]
    public void OneHotEncoder_appends_one_column_per_category()
    {
        Assert.Equal(["tensor(float)[N,1,3]"], Ml("OneHotEncoder", X(DataType.Int64, "N", 1), 1, Ints("cats_int64s", 1, 2, 3)));
    }

    [Fact]
    public void OneHotEncoder_rejects_both_category_lists()
    {
        string problem = Problem("OneHotEncoder", X(DataType.Int64, "N"), 1, Ints("cats_int64s", 1), Strings("cats_strings", "a"));
        Assert.Contains("exactly one of the attributes 'cats_int64s' and 'cats_strings'", problem);
    }

    [Fact]
    public void FeatureVectorizer_concatenates_the_declared_widths()
    {
        string[] outputs = Ml("FeatureVectorizer", g => [g.AddInput("a", DataType.Int32, "N", 2), g.AddInput("b", DataType.Double, "N", 3)], 1,
            Ints("inputdimensions", 2, 3));
        Assert.Equal(["tensor(float)[N,5]"], outputs);
    }

    [Theory]
    [InlineData(new[] { "N", "5" }, "tensor(string)[N,2]")]
    [InlineData(new[] { "5" }, "tensor(string)[1,2]")]
    public void ArrayFeatureExtractor_replaces_the_last_axis_by_the_indices(string[] dims, string expected)
    {
        Dim[] shape = [.. dims.Select(d => long.TryParse(d, out long n) ? new Dim(n) : new Dim(d))];
        string[] outputs = Ml("ArrayFeatureExtractor", g => [g.AddInput("x", DataType.String, shape), g.AddInput("i", DataType.Int64, 2)], 1);
        Assert.Equal([expected], outputs);
    }

    [Fact]
    public void ArrayFeatureExtractor_rejects_a_scalar_input()
    {
        string problem = Problem("ArrayFeatureExtractor", g => [g.AddInput("x", DataType.Float), g.AddInput("i", DataType.Int64, 1)], 1);
        Assert.Contains("rank at least 1", problem);
    }

    [Theory]
    [InlineData("Scaler", "tensor(float)[N,3]")]
    [InlineData("Normalizer", "tensor(float)[N,3]")]
    [InlineData("Binarizer", "tensor(int32)[N,3]")]
    [InlineData("Imputer", "tensor(int32)[N,3]")]
    public void Elementwise_transforms_keep_the_shape(string opType, string expected)
    {
        Assert.Equal([expected], Ml(opType, X(DataType.Int32, "N", 3), 1));
    }
}
