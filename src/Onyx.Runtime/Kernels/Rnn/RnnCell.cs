namespace Onyx.Runtime.Kernels.Rnn;

/// <summary>RNN: Ht = f(Xt·Wi^T + Ht-1·Ri^T + Wbi + Rbi) (Operators.md, RNN).</summary>
internal sealed class RnnCell(RecurrentActivation[][] functions, double clip) : RecurrentCell(functions, clip)
{
    public override int Gates => 1;

    public override void Step(int direction, in RecurrentStep step)
    {
        Span<double> next = step.Scratch[..step.HiddenSize];
        for (int j = 0; j < next.Length; j++)
            next[j] = Activate(direction, 0, step.InputPart(j) + step.RecurrentPart(j, step.Hidden));
        next.CopyTo(step.Hidden);
    }
}
