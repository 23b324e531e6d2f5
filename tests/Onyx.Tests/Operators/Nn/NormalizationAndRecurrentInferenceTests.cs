using static Onyx.Tests.Operators.Nn.NnInference;

namespace Onyx.Tests.Operators.Nn;

public sealed class NormalizationAndRecurrentInferenceTests
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
    public void Lstm_batch_first_bidirectional_outputs()
    {
        string[] outputs = Outputs("LSTM", g =>
        [
            g.AddInput("x", DataType.Float, "B", 5, 4),
            g.AddInput("w", DataType.Float, 2, 12, 4),
            g.AddInput("r", DataType.Float, 2, 12, 3),
        ], 14, 3, Attribute.Create("hidden_size", 3L), Attribute.Create("direction", "bidirectional"), Attribute.Create("layout", 1L));
        Assert.Equal(["tensor(float)[B,5,2,3]", "tensor(float)[B,2,3]", "tensor(float)[B,2,3]"], outputs);
    }

    [Fact]
    public void Gru_takes_hidden_size_from_the_recurrence_weights_and_accepts_the_version_1_default_direction()
    {
        string[] outputs = Outputs("GRU", g =>
        [
            g.AddInput("x", DataType.Float, 7, 2, 4),
            g.AddInput("w", DataType.Float, 1, 15, 4),
            g.AddInput("r", DataType.Float, 1, 15, 5),
        ], 1, 2);
        Assert.Equal(["tensor(float)[7,1,2,5]", "tensor(float)[1,2,5]"], outputs);
    }

    [Fact]
    public void Rnn_rejects_weights_for_the_wrong_number_of_directions()
    {
        string problem = Problem("RNN", g =>
        [
            g.AddInput("x", DataType.Float, 7, 2, 4),
            g.AddInput("w", DataType.Float, 1, 3, 4),
            g.AddInput("r", DataType.Float, 1, 3, 3),
        ], 22, 2, Attribute.Create("hidden_size", 3L), Attribute.Create("direction", "bidirectional"));
        Assert.Contains("the number of directions (bidirectional) and the first dim of W: 2 does not match 1", problem);
    }

    [Fact]
    public void Attention_3d_with_past_concatenates_the_sequence_and_splits_heads()
    {
        string[] outputs = Outputs("Attention", g =>
        [
            g.AddInput("q", DataType.Float, 2, 4, 24),
            g.AddInput("k", DataType.Float, 2, 6, 24),
            g.AddInput("v", DataType.Float, 2, 6, 30),
            "",
            g.AddInput("past_key", DataType.Float, 2, 3, 5, 8),
            g.AddInput("past_value", DataType.Float, 2, 3, 5, 10),
        ], 23, 4, Attribute.Create("q_num_heads", 3L), Attribute.Create("kv_num_heads", 3L));
        Assert.Equal(["tensor(float)[2,4,30]", "tensor(float)[2,3,11,8]", "tensor(float)[2,3,11,10]", "tensor(float)[2,3,4,11]"], outputs);
    }

    [Fact]
    public void Attention_3d_requires_head_counts()
    {
        string problem = Problem("Attention", g =>
            [g.AddInput("q", DataType.Float, 2, 4, 24), g.AddInput("k", DataType.Float, 2, 6, 24), g.AddInput("v", DataType.Float, 2, 6, 24)], 23, 1);
        Assert.Contains("attribute 'q_num_heads' is required", problem);
    }

    [Fact]
    public void FlexAttention_infers_its_score_modifier_on_the_score_shape()
    {
        var body = new GraphBuilder("score_mod");
        string scores = body.AddInput("scores", DataType.Float, "b", "h", "l", "s");
        body.AddOutput(new ValueInfo(body.AddNode("Neg", [scores])));
        var g = new GraphBuilder();
        Node node = g.AddNode("FlexAttention",
            [g.AddInput("q", DataType.Float, 2, 4, 8, 16), g.AddInput("k", DataType.Float, 2, 2, 6, 16), g.AddInput("v", DataType.Float, 2, 2, 6, 32)],
            1, "ai.onnx.preview", Attribute.Create("score_mod", body.Build()));
        g.AddOutput(new ValueInfo(node.Outputs[0]));
        Model model = new ModelBuilder(g.Build()).UseOpset("", 23).UseOpset("ai.onnx.preview", 1).Build();
        ShapeInference.InferShapes(model, new ShapeInferenceOptions { Strict = true });
        string y = model.Graph.Outputs[0].Type is TensorTypeInfo t ? t + t.Shape?.ToString() : "";
        Assert.Equal("tensor(float)[2,4,8,32]", y);
    }
}
