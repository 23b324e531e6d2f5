using Onyx.Runtime;

namespace Onyx.Tests.Runtime.RnnKernels;

public sealed class RecurrentKernelTests
{
    [Theory]
    [InlineData("RNN", "forward")]
    [InlineData("RNN", "reverse")]
    [InlineData("RNN", "bidirectional")]
    [InlineData("GRU", "forward")]
    [InlineData("GRU", "reverse")]
    [InlineData("GRU", "bidirectional")]
    [InlineData("LSTM", "forward")]
    [InlineData("LSTM", "reverse")]
    [InlineData("LSTM", "bidirectional")]
    public void Every_direction_follows_the_equations_with_bias_initial_state_and_peepholes(string op, string direction)
    {
        var scenario = new Scenario(op, direction);

        scenario.AssertMatches(scenario.Run(22, DataType.Float), 1e-5);
    }

    [Theory]
    [InlineData("RNN", "forward")]
    [InlineData("RNN", "reverse")]
    [InlineData("GRU", "bidirectional")]
    [InlineData("LSTM", "forward")]
    [InlineData("LSTM", "reverse")]
    [InlineData("LSTM", "bidirectional")]
    public void Sequence_lens_leaves_zeros_past_each_length_and_keeps_the_last_valid_state(string op, string direction)
    {
        var scenario = new Scenario(op, direction, batch: 3) { Lengths = [3, 1, 0] };

        OnnxValue?[] outputs = scenario.Run(14, DataType.Float);

        scenario.AssertMatches(outputs, 1e-5);
        double[] y = Doubles(outputs[0]!);
        // Row 1 has one valid step: steps 1 and 2 of every direction are zero.
        for (int t = 1; t < 3; t++)
            for (int d = 0; d < scenario.Directions; d++)
                Assert.All(y.AsSpan(((t * scenario.Directions + d) * 3 + 1) * 2, 2).ToArray(), v => Assert.Equal(0, v));
        // Row 2 has none: its final state is its initial state.
        Assert.Equal(scenario.H0.AsSpan(2 * 2, 2).ToArray().Select(v => (double)(float)v), Doubles(outputs[1]!).AsSpan(2 * 2, 2).ToArray());
    }

    [Theory]
    [InlineData("RNN")]
    [InlineData("GRU")]
    [InlineData("LSTM")]
    public void Layout_1_puts_the_batch_first_in_X_the_states_and_Y(string op)
    {
        var scenario = new Scenario(op, "bidirectional") { Lengths = [3, 2] };

        scenario.AssertMatches(scenario.Run(14, DataType.Float, batchFirst: true), 1e-5, batchFirst: true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Gru_linear_before_reset_applies_the_reset_gate_after_the_recurrent_product(long linearBeforeReset)
    {
        var scenario = new Scenario("GRU", "forward") { Adjust = r => r with { LinearBeforeReset = linearBeforeReset == 1 } };

        OnnxValue?[] outputs = scenario.Run(14, DataType.Float, attributes: Attribute.Create("linear_before_reset", linearBeforeReset));

        scenario.AssertMatches(outputs, 1e-5);
        var other = new Scenario("GRU", "forward") { Adjust = r => r with { LinearBeforeReset = linearBeforeReset != 1 } };
        Assert.NotEqual(other.Expected().Y[^1], Doubles(outputs[0]!)[^1], 3);
    }

    [Fact]
    public void Lstm_input_forget_couples_the_forget_gate_to_the_input_gate()
    {
        var scenario = new Scenario("LSTM", "bidirectional") { Adjust = r => r with { InputForget = true } };

        OnnxValue?[] outputs = scenario.Run(14, DataType.Float, attributes: Attribute.Create("input_forget", 1L));

        scenario.AssertMatches(outputs, 1e-5);
        Assert.NotEqual(new Scenario("LSTM", "bidirectional").Expected().YC[0], Doubles(outputs[2]!)[0], 3);
    }

    [Fact]
    public void Lstm_without_peepholes_or_bias_takes_them_as_zero()
    {
        var scenario = new Scenario("LSTM", "forward") { WithBiasAndPeepholes = false };

        scenario.AssertMatches(scenario.Run(7, DataType.Float), 1e-5);
    }

    [Fact]
    public void Clip_bounds_the_input_of_the_activation()
    {
        // One unit, W = 1, R = 0: Y_t = tanh(clip(x_t)).
        OnnxValue?[] outputs = Run("RNN", 14, [Doubles([5, -5, 0.5], 3, 1, 1), Doubles([1], 1, 1, 1), Doubles([0], 1, 1, 1)], ["y", ""], false,
            Attribute.Create("hidden_size", 1L), Attribute.Create("clip", 1f));

        Assert.Equal([Math.Tanh(1), Math.Tanh(-1), Math.Tanh(0.5)], Doubles(outputs[0]!));
    }

    [Fact]
    public void Lstm_clip_bounds_the_gates_and_the_cell_state_seen_by_h()
    {
        var scenario = new Scenario("LSTM", "forward", seed: 3) { Adjust = r => r with { Clip = 0.3 } };

        scenario.AssertMatches(scenario.Run(14, DataType.Float, attributes: Attribute.Create("clip", 0.3f)), 1e-5);
    }

    [Theory]
    [InlineData("Relu", null, null, -2.0, 0.0)]
    [InlineData("Relu", null, null, 2.0, 2.0)]
    [InlineData("Tanh", null, null, 0.5, 0.46211715726000974)]
    [InlineData("Sigmoid", null, null, 0.0, 0.5)]
    [InlineData("Affine", 2f, 1f, 3.0, 7.0)]
    [InlineData("Affine", null, null, 3.0, 3.0)]
    [InlineData("LeakyRelu", null, null, -2.0, -2 * (double)0.01f)]
    [InlineData("LeakyRelu", 0.5f, null, -2.0, -1.0)]
    [InlineData("ThresholdedRelu", null, null, 0.5, 0.0)]
    [InlineData("ThresholdedRelu", null, null, 1.5, 1.5)]
    [InlineData("ThresholdedRelu", 0.25f, null, 0.5, 0.5)]
    [InlineData("ScaledTanh", 2f, 0.5f, 1.0, 0.92423431452001948)]
    [InlineData("HardSigmoid", null, null, 1.0, (double)0.2f + 0.5)]
    [InlineData("HardSigmoid", 0.5f, 0.25f, 1.0, 0.75)]
    [InlineData("HardSigmoid", null, null, 5.0, 1.0)]
    [InlineData("Elu", null, null, -1.0, -0.63212055882855767)]
    [InlineData("Elu", 2f, null, -1.0, -1.2642411176571153)]
    [InlineData("Softsign", null, null, 3.0, 0.75)]
    [InlineData("Softplus", null, null, 0.0, 0.69314718055994531)]
    [InlineData("Softplus", null, null, 50.0, 50.0)]
    [InlineData("softsign", null, null, -1.0, -0.5)]
    public void Each_activation_function_follows_its_formula(string name, float? alpha, float? beta, double x, double expected)
    {
        List<Attribute> attributes = [Attribute.Create("hidden_size", 1L), Attribute.Create("activations", [name])];
        if (alpha is { } a)
            attributes.Add(Attribute.Create("activation_alpha", [a]));
        if (beta is { } b)
            attributes.Add(Attribute.Create("activation_beta", [b]));

        OnnxValue?[] outputs = Run("RNN", 14, [Doubles([x], 1, 1, 1), Doubles([1], 1, 1, 1), Doubles([0], 1, 1, 1)], ["y", ""], false, [.. attributes]);

        Assert.Equal(expected, Doubles(outputs[0]!)[0], 12);
    }

    [Fact]
    public void Alpha_and_beta_are_consumed_in_the_order_of_the_functions_that_take_them()
    {
        // Sigmoid and Tanh take none; HardSigmoid takes alpha 0.3 and beta 0.4, Affine alpha 2 and beta 1, and the
        // backward LeakyRelu, with no alpha left, its default 0.01.
        Func<double, double>[][] functions =
        [
            [x => Math.Clamp(0.3f * x + 0.4f, 0, 1), x => 2 * x + 1],
            [RecurrentReference.Sigmoid, x => x >= 0 ? x : 0.01f * x],
        ];
        var scenario = new Scenario("GRU", "bidirectional") { Functions = functions, Type = DataType.Double };

        OnnxValue?[] outputs = scenario.Run(14, DataType.Double, attributes:
        [
            Attribute.Create("activations", ["HardSigmoid", "Affine", "sigmoid", "LeakyRelu"]),
            Attribute.Create("activation_alpha", [0.3f, 2f]),
            Attribute.Create("activation_beta", [0.4f, 1f]),
        ]);

        scenario.AssertMatches(outputs, 1e-12);
    }

    [Fact]
    public void One_list_of_activations_serves_both_directions()
    {
        Func<double, double> relu = x => Math.Max(x, 0);
        var scenario = new Scenario("RNN", "bidirectional") { Functions = [[relu], [relu]], Type = DataType.Double };

        scenario.AssertMatches(scenario.Run(14, DataType.Double, attributes: Attribute.Create("activations", ["Relu"])), 1e-12);
    }

    [Theory]
    [InlineData("RNN", DataType.Double, 14)]
    [InlineData("GRU", DataType.Double, 7)]
    [InlineData("LSTM", DataType.Double, 22)]
    [InlineData("RNN", DataType.Float16, 14)]
    [InlineData("GRU", DataType.Float16, 14)]
    [InlineData("LSTM", DataType.Float16, 7)]
    [InlineData("RNN", DataType.BFloat16, 22)]
    [InlineData("GRU", DataType.BFloat16, 22)]
    [InlineData("LSTM", DataType.BFloat16, 22)]
    public void Every_float_type_gives_the_result_of_its_rounded_inputs(string op, DataType type, long opset)
    {
        var scenario = new Scenario(op, "bidirectional") { Type = type, Lengths = [2, 3] };

        OnnxValue?[] outputs = scenario.Run(opset, type);

        Assert.All(outputs, o => Assert.Equal(type, o!.ElementType));
        scenario.AssertMatches(outputs, type switch { DataType.Double => 1e-12, DataType.Float16 => 2e-3, _ => 1.6e-2 });
    }

    [Fact]
    public void Outputs_the_node_leaves_out_are_not_computed_into_values()
    {
        var scenario = new Scenario("LSTM", "forward");

        OnnxValue?[] outputs = scenario.Run(14, DataType.Float, outputNames: ["", "", "y_c"]);

        Assert.Null(outputs[0]);
        Assert.Null(outputs[1]);
        AssertClose(scenario.Expected().YC, outputs[2]!, 1e-5);
    }

    [Theory]
    [InlineData("RNN")]
    [InlineData("GRU")]
    [InlineData("LSTM")]
    public void Version_1_runs_with_its_output_sequence_attribute(string op)
    {
        // GRU-1's default direction is spelled "foward".
        var scenario = new Scenario(op, "forward") { WithBiasAndPeepholes = false };

        OnnxValue?[] outputs = scenario.Run(1, DataType.Float, omitDirection: true, attributes: Attribute.Create("output_sequence", 1L));

        scenario.AssertMatches(outputs, 1e-5);
    }

    [Fact]
    public void An_empty_batch_gives_empty_outputs()
    {
        var scenario = new Scenario("GRU", "bidirectional", batch: 0);

        OnnxValue?[] outputs = scenario.Run(14, DataType.Float);

        Assert.Equal([3L, 2, 0, 2], outputs[0]!.Dims);
        Assert.Equal([2L, 0, 2], outputs[1]!.Dims);
    }

    [Fact]
    public void X_of_the_wrong_rank_names_the_node_and_the_input()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => Run("RNN", 14, [Floats([1, 2], 2, 1), Floats([1], 1, 1, 1), Floats([0], 1, 1, 1)], ["y"], dynamic: true));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("input X has rank 2", e.Message);
    }

    [Fact]
    public void A_hidden_size_that_disagrees_with_the_weights_is_reported()
    {
        var scenario = new Scenario("GRU", "forward");

        var e = Assert.Throws<OnnxRuntimeException>(() => Run("GRU", 14, scenario.Inputs(DataType.Float, false), ["y"], dynamic: true, Attribute.Create("hidden_size", 3L)));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("input R has shape [1,6,2]; expected [1,9,3]", e.Message);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void Sequence_lengths_out_of_range_are_reported(int length)
    {
        var scenario = new Scenario("LSTM", "forward") { Lengths = [3, length] };

        var e = Assert.Throws<OnnxRuntimeException>(() => Run("LSTM", 14, scenario.Inputs(DataType.Float, false), ["y"], dynamic: true));

        Assert.Contains("'node'", e.Message);
        Assert.Contains($"input sequence_lens has {length} for batch row 1; expected a length in [0, 3]", e.Message);
    }

    [Fact]
    public void An_unknown_activation_is_reported_when_the_session_is_prepared()
    {
        var scenario = new Scenario("RNN", "forward");

        var e = Assert.Throws<OnnxRuntimeException>(() => Run("RNN", 14, scenario.Inputs(DataType.Float, false), ["y"], false, Attribute.Create("activations", ["Swish"])));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("'Swish'", e.Message);
    }

    [Fact]
    public void Too_few_activations_for_the_directions_are_reported()
    {
        var scenario = new Scenario("LSTM", "bidirectional");

        var e = Assert.Throws<OnnxRuntimeException>(() => Run("LSTM", 14, scenario.Inputs(DataType.Float, false), ["y"], false,
            Attribute.Create("direction", "bidirectional"), Attribute.Create("activations", ["Sigmoid", "Tanh", "Tanh", "Sigmoid"])));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("lists 4 functions; expected 3 per direction, 6 for 2 direction(s)", e.Message);
    }

    /// <summary>
    /// A node's inputs, built from deterministic values in layout 0 (and rounded to <see cref="Type"/>), with the
    /// outputs <see cref="RecurrentReference"/> computes for them.
    /// </summary>
    private sealed class Scenario
    {
        private readonly int _sequence, _batch, _inputSize, _hidden;

        public Scenario(string op, string direction, int sequence = 3, int batch = 2, int inputSize = 3, int hidden = 2, int seed = 0)
        {
            (Op, Direction, _sequence, _batch, _inputSize, _hidden) = (op, direction, sequence, batch, inputSize, hidden);
            Directions = direction == "bidirectional" ? 2 : 1;
            int rows = RecurrentReference.Gates(op) * hidden;
            X = Values(sequence * batch * inputSize, seed + 1);
            W = Values(Directions * rows * inputSize, seed + 2);
            R = Values(Directions * rows * hidden, seed + 3);
            B = Values(Directions * 2 * rows, seed + 4);
            P = Values(Directions * 3 * hidden, seed + 5);
            H0 = Values(Directions * batch * hidden, seed + 6);
            C0 = Values(Directions * batch * hidden, seed + 7);
            Lengths = [.. Enumerable.Repeat(sequence, batch)];
        }

        public string Op { get; }

        public string Direction { get; }

        public int Directions { get; }

        public double[] X { get; }

        public double[] W { get; }

        public double[] R { get; }

        public double[] B { get; }

        public double[] P { get; }

        public double[] H0 { get; }

        public double[] C0 { get; }

        public int[] Lengths { get; init; }

        public bool WithBiasAndPeepholes { get; init; } = true;

        public DataType Type { get; init; } = DataType.Float;

        public Func<RecurrentReference, RecurrentReference> Adjust { get; init; } = r => r;

        /// <summary>The activation functions of each direction, when not the operator's defaults.</summary>
        public Func<double, double>[][]? Functions { get; init; }

        /// <summary>X, W, R, B, sequence_lens, initial_h (and initial_c, P for LSTM), in layout 0 or 1.</summary>
        public OnnxValue?[] Inputs(DataType type, bool batchFirst)
        {
            int rows = RecurrentReference.Gates(Op) * _hidden;
            OnnxValue? bias = WithBiasAndPeepholes ? Value(type, B, Directions, 2 * rows) : null;
            OnnxValue lengths = OnnxValue.FromArray(Lengths, _batch);
            OnnxValue x = batchFirst ? Value(type, Swap(X, _sequence, _batch, _inputSize), _batch, _sequence, _inputSize) : Value(type, X, _sequence, _batch, _inputSize);
            OnnxValue State(double[] values) => batchFirst
                ? Value(type, Swap(values, Directions, _batch, _hidden), _batch, Directions, _hidden)
                : Value(type, values, Directions, _batch, _hidden);
            OnnxValue?[] inputs = [x, Value(type, W, Directions, rows, _inputSize), Value(type, R, Directions, rows, _hidden), bias, lengths, State(H0)];
            return Op == "LSTM" ? [.. inputs, State(C0), WithBiasAndPeepholes ? Value(type, P, Directions, 3 * _hidden) : null] : inputs;
        }

        /// <summary>Runs the node with every output (Y, Y_h, and Y_c for LSTM) unless <paramref name="outputNames"/> leaves some out.</summary>
        public OnnxValue?[] Run(long opset, DataType type, bool batchFirst = false, string[]? outputNames = null, bool omitDirection = false, params Attribute[] attributes)
        {
            List<Attribute> all = [Attribute.Create("hidden_size", (long)_hidden), .. attributes];
            if (!omitDirection)
                all.Add(Attribute.Create("direction", Direction));
            if (batchFirst)
                all.Add(Attribute.Create("layout", 1L));
            outputNames ??= Op == "LSTM" ? ["y", "y_h", "y_c"] : ["y", "y_h"];
            return RecurrentKernelTests.Run(Op, opset, Inputs(type, batchFirst), outputNames, false, [.. all]);
        }

        /// <summary>Y, Y_h and Y_c in layout 0, from the reference run on each direction and batch row.</summary>
        public (double[] Y, double[] YH, double[] YC) Expected()
        {
            int rows = RecurrentReference.Gates(Op) * _hidden;
            double[] Round(double[] values) => [.. values.Select(v => Rounded(v, Type))];
            double[] x = Round(X), h0 = Round(H0), c0 = Round(C0);
            double[] b = WithBiasAndPeepholes ? Round(B) : new double[B.Length], p = WithBiasAndPeepholes ? Round(P) : new double[P.Length];
            var y = new double[_sequence * Directions * _batch * _hidden];
            var yh = new double[Directions * _batch * _hidden];
            var yc = new double[Directions * _batch * _hidden];
            for (int d = 0; d < Directions; d++)
            {
                var reference = Adjust(new RecurrentReference(Op, _hidden,
                    Round(W)[(d * rows * _inputSize)..((d + 1) * rows * _inputSize)],
                    Round(R)[(d * rows * _hidden)..((d + 1) * rows * _hidden)],
                    b[(d * 2 * rows)..((d + 1) * 2 * rows)],
                    p[(d * 3 * _hidden)..((d + 1) * 3 * _hidden)]));
                if (Functions is not null)
                    reference = reference with { Functions = Functions[d] };
                bool reverse = Direction == "reverse" || d == 1;
                for (int n = 0; n < _batch; n++)
                {
                    int length = Lengths[n];
                    double[][] steps = [.. Enumerable.Range(0, length).Select(s => reverse ? length - 1 - s : s).Select(t => x[((t * _batch + n) * _inputSize)..((t * _batch + n + 1) * _inputSize)])];
                    int state = (d * _batch + n) * _hidden;
                    (double[][] hidden, double[] cell) = reference.Run(steps, h0[state..(state + _hidden)], c0[state..(state + _hidden)]);
                    for (int s = 0; s < length; s++)
                        hidden[s].CopyTo(y, ((reverse ? length - 1 - s : s) * Directions * _batch + d * _batch + n) * _hidden);
                    (length > 0 ? hidden[^1] : h0[state..(state + _hidden)]).CopyTo(yh, state);
                    cell.CopyTo(yc, state);
                }
            }
            return (y, yh, yc);
        }

        public void AssertMatches(OnnxValue?[] outputs, double tolerance, bool batchFirst = false)
        {
            (double[] y, double[] yh, double[] yc) = Expected();
            if (batchFirst)
            {
                y = Swap(y, _sequence, Directions, _batch, _hidden);
                y = Swap(y, _sequence, _batch, Directions * _hidden);
                yh = Swap(yh, Directions, _batch, _hidden);
                yc = Swap(yc, Directions, _batch, _hidden);
            }
            long[] yDims = batchFirst ? [_batch, _sequence, Directions, _hidden] : [_sequence, Directions, _batch, _hidden];
            long[] stateDims = batchFirst ? [_batch, Directions, _hidden] : [Directions, _batch, _hidden];
            Assert.Equal(yDims, outputs[0]!.Dims);
            AssertClose(y, outputs[0]!, tolerance);
            Assert.Equal(stateDims, outputs[1]!.Dims);
            AssertClose(yh, outputs[1]!, tolerance);
            if (Op == "LSTM")
            {
                Assert.Equal(stateDims, outputs[2]!.Dims);
                AssertClose(yc, outputs[2]!, tolerance);
            }
        }

        private static double[] Values(int count, int seed) => [.. Enumerable.Range(0, count).Select(i => Math.Sin(i * 1.37 + seed * 0.71) * 0.9)];
    }

    /// <summary>Swaps the first two axes of a [first, second, rest…] array whose trailing axes hold <paramref name="inner"/> values.</summary>
    private static double[] Swap(double[] values, int first, int second, int inner)
    {
        var swapped = new double[values.Length];
        for (int i = 0; i < first; i++)
            for (int j = 0; j < second; j++)
                Array.Copy(values, (i * second + j) * inner, swapped, (j * first + i) * inner, inner);
        return swapped;
    }

    /// <summary>Swaps axes 1 and 2 of a [outer, first, second, inner] array.</summary>
    private static double[] Swap(double[] values, int outer, int first, int second, int inner)
    {
        var swapped = new double[values.Length];
        int block = first * second * inner;
        for (int o = 0; o < outer; o++)
            Swap(values[(o * block)..((o + 1) * block)], first, second, inner).CopyTo(swapped, o * block);
        return swapped;
    }

    private static double Rounded(double value, DataType type) => type switch
    {
        DataType.Float => (float)value,
        DataType.Float16 => (double)(Half)value,
        DataType.BFloat16 => (float)(BFloat16)(float)value,
        _ => value,
    };

    private static OnnxValue Value(DataType type, double[] values, params long[] dims) => type switch
    {
        DataType.Double => OnnxValue.FromArray(values, dims),
        DataType.Float16 => OnnxValue.FromArray([.. values.Select(v => (Half)v)], dims),
        DataType.BFloat16 => OnnxValue.FromArray([.. values.Select(v => (BFloat16)(float)v)], dims),
        _ => OnnxValue.FromArray([.. values.Select(v => (float)v)], dims),
    };

    private static OnnxValue Floats(float[] values, params long[] dims) => OnnxValue.FromArray(values, dims);

    private static OnnxValue Doubles(double[] values, params long[] dims) => OnnxValue.FromArray(values, dims);

    private static double[] Doubles(OnnxValue value) => value.ElementType switch
    {
        DataType.Double => value.ToArray<double>(),
        DataType.Float16 => [.. value.ToArray<Half>().Select(v => (double)v)],
        DataType.BFloat16 => [.. value.ToArray<BFloat16>().Select(v => (double)v)],
        _ => [.. value.ToArray<float>().Select(v => (double)v)],
    };

    private static void AssertClose(double[] expected, OnnxValue actual, double tolerance)
    {
        double[] values = Doubles(actual);
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance, $"element {i}: expected {expected[i]}, found {values[i]}");
    }

    /// <summary>
    /// Runs one node on graph inputs x0, x1, … (null: the node's input is left empty) and returns its outputs by the
    /// names given ("" leaves an output out; its entry is null). With <paramref name="dynamic"/> each input reaches the node
    /// through a Reshape whose result inference cannot know, so that shape checks are left to the kernel.
    /// </summary>
    private static OnnxValue?[] Run(string opType, long opset, OnnxValue?[] inputs, string[] outputs, bool dynamic = false, params Attribute[] attributes)
    {
        var g = new GraphBuilder("g");
        var names = new string[inputs.Length];
        var feeds = new Dictionary<string, OnnxValue>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is not { } value)
            {
                names[i] = "";
                continue;
            }
            names[i] = g.AddInput($"x{i}", value.ElementType, [.. value.Dims.Select(n => (Dim)n)]);
            feeds[names[i]] = value;
            if (dynamic)
            {
                // Reshape to a shape whose length is a symbolic dim: inference knows neither the rank nor the dims.
                string shape = g.AddInput($"s{i}", DataType.Int64, (Dim)$"r{i}");
                feeds[shape] = OnnxValue.FromArray([.. value.Dims], value.Dims.Count);
                names[i] = g.AddNode("Reshape", [names[i], shape]);
            }
        }
        var node = new Node(opType, names, outputs) { Name = "node" };
        foreach (Attribute attribute in attributes)
            node.Attributes.Add(attribute);
        g.AddNode(node);
        foreach (string output in outputs.Where(o => o.Length > 0))
            g.AddOutput(new ValueInfo(output));
        Model model = g.ToModel(opset);
        ShapeInference.InferShapes(model);
        IReadOnlyDictionary<string, OnnxValue> results = new InferenceSession(model).Run(feeds);
        return [.. outputs.Select(o => o.Length > 0 ? results[o] : null)];
    }
}
