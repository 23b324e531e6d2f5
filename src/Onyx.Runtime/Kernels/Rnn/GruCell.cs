namespace Onyx.Runtime.Kernels.Rnn;

/// <summary>
/// GRU, gates z, r, h in W, R and B (Operators.md, GRU):
/// zt = f(Xt·Wz^T + Ht-1·Rz^T + Wbz + Rbz), rt = f(Xt·Wr^T + Ht-1·Rr^T + Wbr + Rbr),
/// ht = g(Xt·Wh^T + (rt ⊙ Ht-1)·Rh^T + Rbh + Wbh), or with linear_before_reset
/// ht = g(Xt·Wh^T + rt ⊙ (Ht-1·Rh^T + Rbh) + Wbh), and Ht = (1 - zt) ⊙ ht + zt ⊙ Ht-1.
/// </summary>
internal sealed class GruCell(RecurrentActivation[][] functions, double clip, bool linearBeforeReset) : RecurrentCell(functions, clip)
{
    private const int F = 0, G = 1;

    public override int Gates => 3;

    public override void Step(int direction, in RecurrentStep step)
    {
        int size = step.HiddenSize;
        ReadOnlySpan<double> previous = step.Hidden;
        Span<double> update = step.Scratch[..size], reset = step.Scratch.Slice(size, size);
        Span<double> candidate = step.Scratch.Slice(2 * size, size), resetState = step.Scratch.Slice(3 * size, size);
        for (int j = 0; j < size; j++)
        {
            update[j] = Activate(direction, F, step.InputPart(j) + step.RecurrentPart(j, previous));
            reset[j] = Activate(direction, F, step.InputPart(size + j) + step.RecurrentPart(size + j, previous));
            resetState[j] = reset[j] * previous[j];
        }
        for (int j = 0; j < size; j++)
        {
            double recurrent = linearBeforeReset
                ? reset[j] * step.RecurrentPart(2 * size + j, previous)
                : step.RecurrentPart(2 * size + j, resetState);
            candidate[j] = Activate(direction, G, step.InputPart(2 * size + j) + recurrent);
        }
        for (int j = 0; j < size; j++)
            step.Hidden[j] = (1 - update[j]) * candidate[j] + update[j] * previous[j];
    }
}
