namespace Onyx.Operators;

/// <summary>
/// Output rules of the optimizers (Adagrad, Adam, Momentum): inputs are R, T and then groups of n tensors
/// (X, G, then the per-tensor states); outputs are the new X and the new states, each typed like its input.
/// </summary>
internal static class OptimizerShapes
{
    public static InferenceFunction WithStates(int stateGroups) => context =>
    {
        int inputGroups = 2 + stateGroups;
        int outputGroups = 1 + stateGroups;
        int tensors = context.InputCount - 2;
        if (tensors <= 0 || tensors % inputGroups != 0)
            throw context.Fail($"expected R, T and {inputGroups} groups of n tensors, found {context.InputCount} inputs");
        int n = tensors / inputGroups;
        if (context.OutputCount != outputGroups * n)
            throw context.Fail($"expected {outputGroups * n} outputs for {n} optimized tensors, found {context.OutputCount}");
        for (int output = 0; output < context.OutputCount; output++)
        {
            int group = output / n;
            int inputGroup = group == 0 ? 0 : group + 1; // the gradient group has no output
            context.SetOutputType(output, context.InputType(2 + inputGroup * n + output % n));
        }
    };
}
