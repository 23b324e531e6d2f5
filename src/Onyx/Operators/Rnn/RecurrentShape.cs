namespace Onyx.Operators;

/// <summary>
/// The shapes of the recurrent operators (RNN: 1 gate, GRU: 3, LSTM: 4). With layout 0, X is
/// [seq_length, batch_size, input_size], Y [seq_length, num_directions, batch_size, hidden_size] and the states
/// [num_directions, batch_size, hidden_size]; layout 1 (version 14) puts batch_size first in all of them.
/// </summary>
internal static class RecurrentShape
{
    public static void Infer(InferenceContext context, int gates)
    {
        string direction = context.GetString("direction", "forward");
        long directionCount = direction switch
        {
            // RNN-1 and GRU-1 spell the default "foward".
            "forward" or "foward" or "reverse" => 1,
            "bidirectional" => 2,
            _ => throw context.Fail($"attribute 'direction' is '{direction}'; expected forward, reverse or bidirectional"),
        };
        long layout = context.GetInt("layout", 0);
        if (layout is not (0 or 1))
            throw context.Fail($"attribute 'layout' is {layout}; expected 0 (sequence first) or 1 (batch first)");
        bool batchFirst = layout == 1;

        Shape? x = ExpectedRank.Exactly(context, 0, 3, batchFirst ? "batch_size × seq_length × input_size" : "seq_length × batch_size × input_size");
        Shape? w = ExpectedRank.Exactly(context, 1, 3, $"num_directions × {gates}·hidden_size × input_size");
        Shape? r = ExpectedRank.Exactly(context, 2, 3, $"num_directions × {gates}·hidden_size × hidden_size");
        Dim sequence = ExpectedRank.DimOf(x, batchFirst ? 1 : 0);
        Dim batch = ExpectedRank.DimOf(x, batchFirst ? 0 : 1);
        Dim directions = new(directionCount);

        Dim hidden = new();
        if (context.GetInt("hidden_size") is long size)
        {
            if (size <= 0)
                throw context.Fail($"attribute 'hidden_size' is {size}; expected a positive number");
            hidden = new Dim(size);
        }
        hidden = ShapeRules.Unify(context, hidden, ExpectedRank.DimOf(r, 2), "hidden_size and the last dim of R");
        hidden = ShapeRules.Unify(context, hidden, PerGate(context, ExpectedRank.DimOf(w, 1), gates, "W"), "hidden_size and W");
        hidden = ShapeRules.Unify(context, hidden, PerGate(context, ExpectedRank.DimOf(r, 1), gates, "R"), "hidden_size and R");
        ShapeRules.Unify(context, directions, ExpectedRank.DimOf(w, 0), $"the number of directions ({direction}) and the first dim of W");
        ShapeRules.Unify(context, directions, ExpectedRank.DimOf(r, 0), $"the number of directions ({direction}) and the first dim of R");
        ShapeRules.Unify(context, ExpectedRank.DimOf(x, 2), ExpectedRank.DimOf(w, 2), "the input size of X and W");

        if (ExpectedRank.Exactly(context, 3, 2, $"num_directions × {2 * gates}·hidden_size") is { } b)
        {
            ShapeRules.Unify(context, directions, b.Dims[0], "the number of directions and the first dim of B");
            ShapeRules.Unify(context, ShapeRules.Multiply(context, hidden, new Dim(2 * gates)), b.Dims[1], $"{2 * gates}·hidden_size and the last dim of B");
        }
        if (ExpectedRank.Exactly(context, 4, 1, "batch_size") is { } lengths)
            batch = ShapeRules.Unify(context, batch, lengths.Dims[0], "the batch size of X and sequence_lens");
        Dim[] state = batchFirst ? [batch, directions, hidden] : [directions, batch, hidden];
        int stateInputs = gates == 4 ? 2 : 1;
        for (int i = 5; i < 5 + stateInputs; i++)
            if (ExpectedRank.Exactly(context, i, 3, batchFirst ? "batch_size × num_directions × hidden_size" : "num_directions × batch_size × hidden_size") is { } initial)
                for (int d = 0; d < 3; d++)
                    state[d] = ShapeRules.Unify(context, state[d], initial.Dims[d], $"dim {d} of {context.Schema.Inputs[i].Name} and the state shape");
        if (gates == 4 && ExpectedRank.Exactly(context, 7, 2, "num_directions × 3·hidden_size") is { } peepholes)
            ShapeRules.Unify(context, ShapeRules.Multiply(context, state[2], new Dim(3)), peepholes.Dims[1], "3·hidden_size and the last dim of P");

        DataType type = context.InputElementType(0);
        (batch, directions, hidden) = batchFirst ? (state[0], state[1], state[2]) : (state[1], state[0], state[2]);
        if (context.OutputCount > 0)
            context.SetOutput(0, type, batchFirst ? [batch, sequence, directions, hidden] : [sequence, directions, batch, hidden]);
        for (int j = 1; j < context.OutputCount; j++)
            context.SetOutput(j, type, state);
    }

    /// <summary>A weight's gate dim divided by the number of gates, failing when it does not divide.</summary>
    private static Dim PerGate(InferenceContext context, Dim gateRows, int gates, string input)
    {
        if (gateRows.Value is not long rows)
            return new Dim();
        if (rows % gates != 0)
            throw context.Fail($"input {input} has {rows} rows per direction, which is not {gates} × hidden_size");
        return new Dim(rows / gates);
    }
}
