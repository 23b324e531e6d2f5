using static Onyx.Tests.Operators.Nn.NnInference;

namespace Onyx.Tests.Operators.Nn;

public sealed class AttentionInferenceTests
{
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

    [Fact]
    public void Attention_4d_gqa_keeps_symbolic_sequences_and_rejects_heads_that_do_not_group()
    {
        string y = Output("Attention", g =>
            [g.AddInput("q", DataType.Float16, "B", 8, "S", 16), g.AddInput("k", DataType.Float16, "B", 2, "T", 16), g.AddInput("v", DataType.Float16, "B", 2, "T", 32)], 23);
        Assert.Equal("tensor(float16)[B,8,S,32]", y);
        string problem = Problem("Attention", g =>
            [g.AddInput("q", DataType.Float, 1, 6, 4, 16), g.AddInput("k", DataType.Float, 1, 4, 4, 16), g.AddInput("v", DataType.Float, 1, 4, 4, 16)], 23, 1);
        Assert.Contains("Q has 6 heads, which is not a multiple of the 4 heads of K and V", problem);
    }

    [Fact]
    public void Attention_requires_past_key_and_past_value_together()
    {
        string problem = Problem("Attention", g =>
        [
            g.AddInput("q", DataType.Float, 1, 2, 4, 8), g.AddInput("k", DataType.Float, 1, 2, 4, 8), g.AddInput("v", DataType.Float, 1, 2, 4, 8),
            "", g.AddInput("past_key", DataType.Float, 1, 2, 3, 8),
        ], 23, 1);
        Assert.Contains("past_key and past_value must be given together", problem);
    }

    [Fact]
    public void RotaryEmbedding_keeps_the_input_shape_and_needs_num_heads_for_3d_input()
    {
        IEnumerable<string> Inputs(GraphBuilder g) =>
            [g.AddInput("x", DataType.Float, 2, 3, 32), g.AddInput("cos", DataType.Float, 2, 3, 4), g.AddInput("sin", DataType.Float, 2, 3, 4)];
        Assert.Equal("tensor(float)[2,3,32]", Output("RotaryEmbedding", Inputs, 23, Attribute.Create("num_heads", 4L)));
        Assert.Contains("'num_heads' must be given", Problem("RotaryEmbedding", Inputs, 23, 1));
    }

    [Fact]
    public void LinearAttention_packs_value_heads_and_shapes_the_state()
    {
        string[] outputs = Outputs("LinearAttention", g =>
            [g.AddInput("q", DataType.Float16, 2, "T", 64), g.AddInput("k", DataType.Float16, 2, "T", 32), g.AddInput("v", DataType.Float16, 2, "T", 48)],
            27, 2, Attribute.Create("q_num_heads", 4L), Attribute.Create("kv_num_heads", 2L));
        Assert.Equal(["tensor(float16)[2,T,96]", "tensor(float16)[2,2,16,24]"], outputs);
    }

    [Fact]
    public void CausalConvWithState_keeps_the_input_shape_and_carries_k_minus_one_positions()
    {
        string[] outputs = Outputs("CausalConvWithState", g =>
            [g.AddInput("x", DataType.Float, "B", 4, "L"), g.AddInput("w", DataType.Float, 4, 1, 3)], 27, 2);
        Assert.Equal(["tensor(float)[B,4,L]", "tensor(float)[B,4,2]"], outputs);
        string problem = Problem("CausalConvWithState", g => [g.AddInput("x", DataType.Float, 1, 4, 8), g.AddInput("w", DataType.Float, 4, 2, 3)], 27, 2);
        Assert.Contains("expected 1 (depthwise)", problem);
    }
}
