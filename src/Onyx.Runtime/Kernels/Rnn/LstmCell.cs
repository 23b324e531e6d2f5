namespace Onyx.Runtime.Kernels.Rnn;

/// <summary>
/// LSTM, gates i, o, f, c in W, R and B and peepholes i, o, f in P (Operators.md, LSTM):
/// it = f(Xt·Wi^T + Ht-1·Ri^T + Pi ⊙ Ct-1 + Wbi + Rbi), ft = f(Xt·Wf^T + Ht-1·Rf^T + Pf ⊙ Ct-1 + Wbf + Rbf),
/// ct = g(Xt·Wc^T + Ht-1·Rc^T + Wbc + Rbc), Ct = ft ⊙ Ct-1 + it ⊙ ct,
/// ot = f(Xt·Wo^T + Ht-1·Ro^T + Po ⊙ Ct + Wbo + Rbo), Ht = ot ⊙ h(Ct).
/// With input_forget the input and forget gates are coupled as ft = 1 - it, as ONNX Runtime does.
/// </summary>
internal sealed class LstmCell(RecurrentActivation[][] functions, double clip, bool inputForget) : RecurrentCell(functions, clip)
{
    private const int F = 0, G = 1, H = 2;

    public override int Gates => 4;

    public override bool HasCellState => true;

    public override void Step(int direction, in RecurrentStep step)
    {
        int size = step.HiddenSize;
        Span<double> gates = step.Scratch[..(4 * size)];
        for (int row = 0; row < gates.Length; row++)
            gates[row] = step.InputPart(row) + step.RecurrentPart(row, step.Hidden);
        ReadOnlySpan<double> peepholes = step.Peepholes;
        for (int j = 0; j < size; j++)
        {
            double cell = step.Cell[j];
            double input = Activate(direction, F, gates[j] + peepholes[j] * cell);
            double forget = inputForget ? 1 - input : Activate(direction, F, gates[2 * size + j] + peepholes[2 * size + j] * cell);
            cell = forget * cell + input * Activate(direction, G, gates[3 * size + j]);
            double output = Activate(direction, F, gates[size + j] + peepholes[size + j] * cell);
            step.Cell[j] = cell;
            step.Hidden[j] = output * Activate(direction, H, cell);
        }
    }
}
