namespace Onyx.Tests.Runtime.RnnKernels;

/// <summary>
/// The oracle of the recurrent kernel tests: the equations of Operators.md for one direction and one batch row, as
/// plain loops over one gate at a time. W and R hold one row per gate unit; Bias is Wb then Rb.
/// </summary>
internal sealed record RecurrentReference(string Op, int Hidden, double[] W, double[] R, double[] Bias, double[] Peepholes)
{
    public Func<double, double>[] Functions { get; init; } = Op switch
    {
        "RNN" => [Math.Tanh],
        "GRU" => [Sigmoid, Math.Tanh],
        _ => [Sigmoid, Math.Tanh, Math.Tanh],
    };

    public bool LinearBeforeReset { get; init; }

    public bool InputForget { get; init; }

    public double Clip { get; init; } = double.PositiveInfinity;

    public static int Gates(string op) => op switch { "RNN" => 1, "GRU" => 3, _ => 4 };

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>The hidden state after each of <paramref name="steps"/>, and the final cell state.</summary>
    public (double[][] Hidden, double[] Cell) Run(double[][] steps, double[] initialHidden, double[] initialCell)
    {
        int rows = Gates(Op) * Hidden;
        double[] h = [.. initialHidden], c = [.. initialCell];
        var outputs = new List<double[]>();
        foreach (double[] x in steps)
        {
            double InputPart(int row) => Dot(W, row, x) + Bias[row];
            double RecurrentPart(int row, double[] state) => Dot(R, row, state) + Bias[rows + row];
            double Activate(int function, double v) => Functions[function](Math.Clamp(v, -Clip, Clip));
            var next = new double[Hidden];
            switch (Op)
            {
                case "RNN":
                    for (int j = 0; j < Hidden; j++)
                        next[j] = Activate(0, InputPart(j) + RecurrentPart(j, h));
                    break;
                case "GRU":
                    var z = new double[Hidden];
                    var r = new double[Hidden];
                    for (int j = 0; j < Hidden; j++)
                    {
                        z[j] = Activate(0, InputPart(j) + RecurrentPart(j, h));
                        r[j] = Activate(0, InputPart(Hidden + j) + RecurrentPart(Hidden + j, h));
                    }
                    double[] resetHidden = [.. r.Zip(h, (a, b) => a * b)];
                    for (int j = 0; j < Hidden; j++)
                    {
                        int row = 2 * Hidden + j;
                        double candidate = LinearBeforeReset
                            ? Activate(1, InputPart(row) + r[j] * RecurrentPart(row, h))
                            : Activate(1, InputPart(row) + RecurrentPart(row, resetHidden));
                        next[j] = (1 - z[j]) * candidate + z[j] * h[j];
                    }
                    break;
                default:
                    var cell = new double[Hidden];
                    for (int j = 0; j < Hidden; j++)
                    {
                        double i = Activate(0, InputPart(j) + RecurrentPart(j, h) + Peepholes[j] * c[j]);
                        double f = InputForget ? 1 - i : Activate(0, InputPart(2 * Hidden + j) + RecurrentPart(2 * Hidden + j, h) + Peepholes[2 * Hidden + j] * c[j]);
                        double g = Activate(1, InputPart(3 * Hidden + j) + RecurrentPart(3 * Hidden + j, h));
                        cell[j] = f * c[j] + i * g;
                        double o = Activate(0, InputPart(Hidden + j) + RecurrentPart(Hidden + j, h) + Peepholes[Hidden + j] * cell[j]);
                        next[j] = o * Activate(2, cell[j]);
                    }
                    c = cell;
                    break;
            }
            h = next;
            outputs.Add(next);
        }
        return ([.. outputs], c);
    }

    private static double Dot(double[] matrix, int row, double[] vector)
    {
        double sum = 0;
        for (int k = 0; k < vector.Length; k++)
            sum += matrix[row * vector.Length + k] * vector[k];
        return sum;
    }
}
