namespace Onyx.Runtime.Kernels.Rnn;

/// <summary>
/// What one time step of one direction sees for one batch row: the input x_t, the direction's weights (W and R hold
/// one row per gate unit, <c>Gates·hidden_size</c> rows), its biases (Wb then Rb, zero when B is absent) and
/// peepholes (zero when P is absent), the state it updates in place, and scratch room of
/// <c>(Gates + 1)·hidden_size</c>.
/// </summary>
internal readonly ref struct RecurrentStep(
    ReadOnlySpan<double> input,
    ReadOnlySpan<double> w,
    ReadOnlySpan<double> r,
    ReadOnlySpan<double> bias,
    ReadOnlySpan<double> peepholes,
    Span<double> hidden,
    Span<double> cell,
    Span<double> scratch)
{
    public ReadOnlySpan<double> Input { get; } = input;

    public ReadOnlySpan<double> W { get; } = w;

    public ReadOnlySpan<double> R { get; } = r;

    public ReadOnlySpan<double> Bias { get; } = bias;

    public ReadOnlySpan<double> Peepholes { get; } = peepholes;

    public Span<double> Hidden { get; } = hidden;

    public Span<double> Cell { get; } = cell;

    public Span<double> Scratch { get; } = scratch;

    public int HiddenSize => Hidden.Length;

    /// <summary>W's row <paramref name="row"/> · x_t + Wb[row].</summary>
    public double InputPart(int row) => Dot(W, row, Input) + Bias[row];

    /// <summary>R's row <paramref name="row"/> · <paramref name="state"/> + Rb[row].</summary>
    public double RecurrentPart(int row, ReadOnlySpan<double> state) => Dot(R, row, state) + Bias[Bias.Length / 2 + row];

    private static double Dot(ReadOnlySpan<double> matrix, int row, ReadOnlySpan<double> vector)
    {
        ReadOnlySpan<double> weights = matrix.Slice(row * vector.Length, vector.Length);
        double sum = 0;
        for (int k = 0; k < vector.Length; k++)
            sum += weights[k] * vector[k];
        return sum;
    }
}

/// <summary>
/// The gate equations of one recurrent operator (RNN, GRU or LSTM), built once per node with its activation functions
/// and clip; the shared <see cref="RecurrentKernel"/> runs the sequence through <see cref="Step"/>.
/// </summary>
internal abstract class RecurrentCell(RecurrentActivation[][] functions, double clip)
{
    /// <summary>The gates whose weights W, R and B stack: 1 for RNN, 3 for GRU, 4 for LSTM.</summary>
    public abstract int Gates { get; }

    /// <summary>True for LSTM, whose state has a cell part (initial_c, Y_c) beside the hidden part.</summary>
    public virtual bool HasCellState => false;

    /// <summary>Advances the state of <paramref name="step"/> by one time step of direction <paramref name="direction"/>.</summary>
    public abstract void Step(int direction, in RecurrentStep step);

    /// <summary>Activation function <paramref name="function"/> of a direction, applied to its input clipped to [-clip, clip] (Operators.md: clip "is applied to the input of activations").</summary>
    protected double Activate(int direction, int function, double x) => functions[direction][function].Apply(System.Math.Clamp(x, -clip, clip));
}
