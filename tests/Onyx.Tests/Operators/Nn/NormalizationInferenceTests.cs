using static Onyx.Tests.Operators.Nn.NnInference;

namespace Onyx.Tests.Operators.Nn;

public sealed class NormalizationInferenceTests
{
    private static IEnumerable<string> BatchNormInputs(GraphBuilder g, DataType statistics) =>
    [
        g.AddInput("x", DataType.Float16, "N", 3, 4, 4),
        g.AddInput("scale", DataType.Float16, 3),
        g.AddInput("b", DataType.Float16, 3),
        g.AddInput("mean", statistics, 3),
        g.AddInput("var", statistics, 3),
    ];

    [Fact]
    public void BatchNormalization_15_training_outputs_have_the_statistics_type_and_channel_shape()
    {
        string[] outputs = Outputs("BatchNormalization", g => BatchNormInputs(g, DataType.Float), 15, 3, Attribute.Create("training_mode", 1L));
        Assert.Equal(["tensor(float16)[N,3,4,4]", "tensor(float)[3]", "tensor(float)[3]"], outputs);
    }

    [Fact]
    public void BatchNormalization_15_rejects_statistics_outputs_outside_training_mode()
    {
        string problem = Problem("BatchNormalization", g => BatchNormInputs(g, DataType.Float), 15, 3);
        Assert.Contains("only in training mode", problem);
    }

    [Fact]
    public void BatchNormalization_7_has_five_outputs_of_the_input_type()
    {
        string[] outputs = Outputs("BatchNormalization", g => BatchNormInputs(g, DataType.Float16), 7, 5);
        Assert.Equal(["tensor(float16)[N,3,4,4]", "tensor(float16)[3]", "tensor(float16)[3]", "tensor(float16)[3]", "tensor(float16)[3]"], outputs);
    }

    [Fact]
    public void BatchNormalization_rejects_a_scale_of_another_channel_count()
    {
        string problem = Problem("BatchNormalization", g =>
        [
            g.AddInput("x", DataType.Float, 1, 3, 4, 4), g.AddInput("scale", DataType.Float, 4), g.AddInput("b", DataType.Float, 3),
            g.AddInput("mean", DataType.Float, 3), g.AddInput("var", DataType.Float, 3),
        ], 15, 1);
        Assert.Contains("the length of input scale and the channels of X: 3 does not match 4", problem);
    }

    [Fact]
    public void LayerNormalization_statistics_keep_the_dims_before_axis()
    {
        string[] outputs = Outputs("LayerNormalization", g => [g.AddInput("x", DataType.Float16, "B", 3, 4), g.AddInput("s", DataType.Float16, 3, 4)], 17, 3,
            Attribute.Create("axis", 1L));
        Assert.Equal(["tensor(float16)[B,3,4]", "tensor(float)[B,1,1]", "tensor(float)[B,1,1]"], outputs);
    }

    [Fact]
    public void Flatten_multiplies_the_dims_on_each_side_of_axis()
    {
        Assert.Equal("tensor(float)[N,12]", Output("Flatten", g => [g.AddInput("x", DataType.Float, "N", 3, 4)], 13));
        Assert.Equal("tensor(float)[6,4]", Output("Flatten", g => [g.AddInput("x", DataType.Float, 2, 3, 4)], 13, Attribute.Create("axis", -1L)));
        Assert.Contains("'axis' is -1; expected 0 to 3", Problem("Flatten", g => [g.AddInput("x", DataType.Float, 2, 3, 4)], 9, 1, Attribute.Create("axis", -1L)));
    }

    [Fact]
    public void Dropout_mask_is_of_the_data_type_before_version_10_and_bool_since()
    {
        Assert.Equal(["tensor(float)[2,3]", "tensor(float)[2,3]"], Outputs("Dropout", g => [g.AddInput("x", DataType.Float, 2, 3)], 7, 2));
        Assert.Equal(["tensor(float)[2,3]", "tensor(bool)[2,3]"], Outputs("Dropout", g => [g.AddInput("x", DataType.Float, 2, 3)], 13, 2));
    }

    [Fact]
    public void GroupNormalization_rejects_groups_that_do_not_divide_the_channels()
    {
        string problem = Problem("GroupNormalization", g =>
            [g.AddInput("x", DataType.Float, 1, 6, 4), g.AddInput("s", DataType.Float, 6), g.AddInput("b", DataType.Float, 6)], 21, 1,
            Attribute.Create("num_groups", 4L));
        Assert.Contains("6 channels, which num_groups 4 does not divide", problem);
    }

    [Fact]
    public void TfIdfVectorizer_output_width_is_the_largest_ngram_index_plus_one()
    {
        string y = Output("TfIdfVectorizer", g => [g.AddInput("x", DataType.Int32, "N", 12)], 9,
            Attribute.Create("mode", "TF"), Attribute.Create("min_gram_length", 1L), Attribute.Create("max_gram_length", 1L),
            Attribute.Create("max_skip_count", 0L), Ints("ngram_counts", 0), Ints("ngram_indexes", 0, 4, 2), Ints("pool_int64s", 2, 3, 5));
        Assert.Equal("tensor(float)[N,5]", y);
    }

    [Fact]
    public void MaxRoiPool_gives_one_pooled_map_per_region()
    {
        string y = Output("MaxRoiPool", g => [g.AddInput("x", DataType.Float, 1, 3, 16, 16), g.AddInput("rois", DataType.Float, "R", 5)], 22,
            Ints("pooled_shape", 2, 3));
        Assert.Equal("tensor(float)[R,3,2,3]", y);
    }
}
