using static Onyx.Tests.Operators.Nn.NnInference;

namespace Onyx.Tests.Operators.Nn;

public sealed class RecurrentInferenceTests
{
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
}
