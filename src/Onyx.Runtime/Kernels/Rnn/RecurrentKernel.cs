using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Rnn;

/// <summary>
/// RNN, GRU and LSTM, every version: one loop over directions, batch rows and time steps, with the gate equations
/// of each operator in its <see cref="RecurrentCell"/>. Computes in double and writes the outputs in X's type.
/// Inputs: X, W, R, B, sequence_lens, initial_h, and for LSTM initial_c and P; outputs Y, Y_h and for LSTM Y_c.
/// </summary>
internal sealed class RecurrentKernel(RecurrentCell cell, int directions, bool reverseOnly, long? hiddenSize, bool batchFirst) : Kernel
{
    private const int X = 0, W = 1, R = 2, B = 3, SequenceLengths = 4, InitialH = 5, InitialC = 6, P = 7;
    private const int Y = 0, YH = 1, YC = 2;

    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("RNN", node => Create(node, [RecurrentActivation.Tanh], functions => new RnnCell(functions, Clip(node)))),
        KernelRegistration.All("GRU", node => Create(node, [RecurrentActivation.Sigmoid, RecurrentActivation.Tanh],
            functions => new GruCell(functions, Clip(node), node.Attributes.Int("linear_before_reset", 0) != 0))),
        KernelRegistration.All("LSTM", node => Create(node, [RecurrentActivation.Sigmoid, RecurrentActivation.Tanh, RecurrentActivation.Tanh],
            functions => new LstmCell(functions, Clip(node), node.Attributes.Int("input_forget", 0) != 0))),
    ];

    /// <summary>Reads the attributes every recurrent operator shares; <paramref name="defaults"/> are its activation functions for one direction.</summary>
    private static RecurrentKernel Create(KernelNode node, RecurrentActivation[] defaults, Func<RecurrentActivation[][], RecurrentCell> createCell)
    {
        string direction = node.Attributes.String("direction", "forward");
        int directions = direction switch
        {
            // GRU-1's schema spells its default "foward".
            "forward" or "foward" or "reverse" => 1,
            "bidirectional" => 2,
            _ => throw node.Fail($"attribute 'direction' is '{direction}'; expected forward, reverse or bidirectional"),
        };
        long? hiddenSize = node.Attributes.Int("hidden_size");
        if (hiddenSize <= 0)
            throw node.Fail($"attribute 'hidden_size' is {hiddenSize}; expected a positive number");
        long layout = node.Attributes.Int("layout", 0);
        if (layout is not (0 or 1))
            throw node.Fail($"attribute 'layout' is {layout}; expected 0 (sequence first) or 1 (batch first)");
        RecurrentCell cell = createCell(Functions(node, defaults, directions));
        return new RecurrentKernel(cell, directions, direction == "reverse", hiddenSize, layout == 1);
    }

    /// <summary>
    /// The activation functions of each direction. The spec asks for one list per direction, concatenated; a list for
    /// one direction serves both of a bidirectional node, and RNN's own default lists two functions for one direction,
    /// so a longer list is read from its start.
    /// </summary>
    private static RecurrentActivation[][] Functions(KernelNode node, RecurrentActivation[] defaults, int directions)
    {
        int count = defaults.Length;
        if (!node.Attributes.IsSet("activations"))
            return [.. Enumerable.Repeat(defaults, directions)];
        IReadOnlyList<string> names = node.Attributes.Strings("activations") ?? [];
        RecurrentActivation[] functions = RecurrentActivation.Parse(names, node.Attributes.Floats("activation_alpha") ?? [], node.Attributes.Floats("activation_beta") ?? [], node.Fail);
        if (functions.Length == count)
            return [.. Enumerable.Repeat(functions, directions)];
        if (functions.Length < count * directions)
            throw node.Fail($"attribute 'activations' lists {functions.Length} functions; expected {count} per direction, {count * directions} for {directions} direction(s)");
        return [.. Enumerable.Range(0, directions).Select(d => functions[(d * count)..((d + 1) * count)])];
    }

    private static double Clip(KernelNode node)
    {
        float? clip = node.Attributes.Float("clip");
        if (clip is { } c && !(c >= 0))
            throw node.Fail($"attribute 'clip' is {c}; expected a threshold of at least 0");
        return clip ?? double.PositiveInfinity;
    }

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(X);
        if (x.Dims.Length != 3)
            throw context.Fail($"input X has rank {x.Dims.Length}; expected 3 ({(batchFirst ? "batch_size × seq_length × input_size" : "seq_length × batch_size × input_size")})");
        long sequence = batchFirst ? x.Dims[1] : x.Dims[0], batch = batchFirst ? x.Dims[0] : x.Dims[1], inputSize = x.Dims[2];
        int gates = cell.Gates;
        Tensor r = context.Tensor(R);
        if (r.Dims.Length != 3)
            throw context.Fail($"input R has rank {r.Dims.Length}; expected 3 (num_directions × {gates}·hidden_size × hidden_size)");
        long hidden = hiddenSize ?? r.Dims[2];
        long rows = gates * hidden;
        Expect(context, r, "R", [directions, rows, hidden], $"num_directions × {gates}·hidden_size × hidden_size with hidden_size {hidden}");
        Expect(context, context.Tensor(W), "W", [directions, rows, inputSize], $"num_directions × {gates}·hidden_size × input_size");
        long[] stateDims = batchFirst ? [batch, directions, hidden] : [directions, batch, hidden];
        string stateShape = batchFirst ? "batch_size × num_directions × hidden_size" : "num_directions × batch_size × hidden_size";

        double[] inputs = RealTensors.Read(context, x, "X");
        double[] w = RealTensors.Read(context, context.Tensor(W), "W");
        double[] recurrence = RealTensors.Read(context, r, "R");
        double[] bias = Optional(context, B, "B", [directions, 2 * rows], $"num_directions × {2 * gates}·hidden_size");
        double[]? peepholes = cell.HasCellState ? Optional(context, P, "P", [directions, 3 * hidden], "num_directions × 3·hidden_size") : null;
        double[] hiddenState = Optional(context, InitialH, "initial_h", stateDims, stateShape);
        double[] cellState = cell.HasCellState ? Optional(context, InitialC, "initial_c", stateDims, stateShape) : [];
        int[] lengths = Lengths(context, batch, sequence);

        long[] outputDims = batchFirst ? [batch, sequence, directions, hidden] : [sequence, directions, batch, hidden];
        long outputCount = context.ElementCount(outputDims);
        if (outputCount > Array.MaxLength)
            throw context.Fail($"output Y of shape [{string.Join(",", outputDims)}] has more elements than one array can hold");
        var outputs = new double[outputCount];
        var scratch = new double[(gates + 1) * hidden];
        int size = (int)hidden;
        for (int d = 0; d < directions; d++)
        {
            bool reverse = reverseOnly || d == 1;
            for (int b = 0; b < batch; b++)
            {
                int state = (int)(batchFirst ? (b * directions + d) * hidden : (d * batch + b) * hidden);
                Span<double> h = hiddenState.AsSpan(state, size);
                Span<double> c = cell.HasCellState ? cellState.AsSpan(state, size) : default;
                // Steps past a row's length are left out: its outputs there stay zero and its final state is the one
                // after its last valid step, which a reverse direction reaches at t = 0 (the initial state for length 0).
                for (int s = 0; s < lengths[b]; s++)
                {
                    long t = reverse ? lengths[b] - 1 - s : s;
                    long input = (batchFirst ? b * sequence + t : t * batch + b) * inputSize;
                    var step = new RecurrentStep(
                        inputs.AsSpan((int)input, (int)inputSize),
                        w.AsSpan((int)(d * rows * inputSize), (int)(rows * inputSize)),
                        recurrence.AsSpan((int)(d * rows * hidden), (int)(rows * hidden)),
                        bias.AsSpan((int)(d * 2 * rows), (int)(2 * rows)),
                        peepholes is null ? default : peepholes.AsSpan(d * 3 * size, 3 * size),
                        h, c, scratch);
                    cell.Step(d, step);
                    long output = batchFirst ? ((b * sequence + t) * directions + d) * hidden : ((t * directions + d) * batch + b) * hidden;
                    h.CopyTo(outputs.AsSpan((int)output, size));
                }
            }
        }

        DataType type = x.DataType;
        if (context.HasOutput(Y))
            RealTensors.Write(context, Y, type, outputDims, outputs);
        if (context.HasOutput(YH))
            RealTensors.Write(context, YH, type, stateDims, hiddenState);
        if (cell.HasCellState && context.HasOutput(YC))
            RealTensors.Write(context, YC, type, stateDims, cellState);
    }

    /// <summary>An optional input of shape <paramref name="dims"/> as doubles; zeros when it is absent (the spec's default for B, P, initial_h and initial_c).</summary>
    private static double[] Optional(KernelContext context, int index, string name, long[] dims, string shape)
    {
        if (context.OptionalTensor(index) is not { } tensor)
            return new double[context.ElementCount(dims)];
        Expect(context, tensor, name, dims, shape);
        return RealTensors.Read(context, tensor, name);
    }

    private static void Expect(KernelContext context, Tensor tensor, string name, long[] dims, string shape)
    {
        if (!tensor.Dims.AsSpan().SequenceEqual(dims))
            throw context.Fail($"input {name} has shape [{string.Join(",", tensor.Dims)}]; expected [{string.Join(",", dims)}] ({shape})");
    }

    /// <summary>Each batch row's sequence length: sequence_lens, checked to lie in [0, seq_length], or seq_length for every row.</summary>
    private static int[] Lengths(KernelContext context, long batch, long sequence)
    {
        if (context.OptionalTensor(SequenceLengths) is not { } tensor)
            return [.. Enumerable.Repeat((int)sequence, (int)batch)];
        Expect(context, tensor, "sequence_lens", [batch], "batch_size");
        if (tensor.DataType != DataType.Int32)
            throw context.Fail($"input sequence_lens has element type {tensor.DataType.TypeName()}; expected int32");
        int[] lengths = tensor.AsSpan<int>().ToArray();
        for (int b = 0; b < lengths.Length; b++)
            if (lengths[b] < 0 || lengths[b] > sequence)
                throw context.Fail($"input sequence_lens has {lengths[b]} for batch row {b}; expected a length in [0, {sequence}] (seq_length)");
        return lengths;
    }
}
