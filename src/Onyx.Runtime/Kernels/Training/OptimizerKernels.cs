using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Training;

/// <summary>
/// The optimizers of ai.onnx.preview.training (Adagrad, Adam, Momentum): inputs R (learning rate) and T (update
/// count), then n tensors to optimize, their n gradients and n of each accumulated state; outputs the n new tensors
/// and then the n new values of each state. Each element updates on its own, computed in double.
/// </summary>
internal static class OptimizerKernels
{
    private const string Domain = "ai.onnx.preview.training";

    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        new(Domain, "Adagrad", 1, int.MaxValue, node => new OptimizerKernel(node, 1, Adagrad(node))),
        new(Domain, "Adam", 1, int.MaxValue, node => new OptimizerKernel(node, 2, Adam(node))),
        new(Domain, "Momentum", 1, int.MaxValue, node => new OptimizerKernel(node, 1, Momentum(node))),
    ];

    /// <summary>Updates one element: x and its gradient g, with the states in <paramref name="states"/> (updated in place); returns the new x.</summary>
    private delegate double Update(double r, long t, double x, double g, Span<double> states);

    private static Update Adagrad(KernelNode node)
    {
        double decay = node.Attributes.Float("decay_factor", 0), epsilon = node.Attributes.Float("epsilon", 0), norm = node.Attributes.Float("norm_coefficient", 0);
        return (r, t, x, g, h) =>
        {
            double regularized = norm * x + g;
            h[0] += regularized * regularized;
            return x - r / (1 + t * decay) * regularized / (System.Math.Sqrt(h[0]) + epsilon);
        };
    }

    private static Update Adam(KernelNode node)
    {
        NodeAttributes a = node.Attributes;
        double alpha = a.Float("alpha", 0.9f), beta = a.Float("beta", 0.999f), epsilon = a.Float("epsilon", 0),
            norm = a.Float("norm_coefficient", 0), normPost = a.Float("norm_coefficient_post", 0);
        return (r, t, x, g, vh) =>
        {
            double regularized = norm * x + g;
            vh[0] = alpha * vh[0] + (1 - alpha) * regularized;
            vh[1] = beta * vh[1] + (1 - beta) * regularized * regularized;
            // From the second update on, the rate corrects the momentums' bias towards their zero start.
            double rate = t > 0 ? r * System.Math.Sqrt(1 - System.Math.Pow(beta, t)) / (1 - System.Math.Pow(alpha, t)) : r;
            return (1 - normPost) * (x - rate * vh[0] / (System.Math.Sqrt(vh[1]) + epsilon));
        };
    }

    private static Update Momentum(KernelNode node)
    {
        NodeAttributes a = node.Attributes;
        double alpha = a.Float("alpha") ?? throw node.Fail("attribute 'alpha' is required");
        double beta = a.Float("beta") ?? throw node.Fail("attribute 'beta' is required");
        double norm = a.Float("norm_coefficient") ?? throw node.Fail("attribute 'norm_coefficient' is required");
        bool nesterov = (a.String("mode") ?? throw node.Fail("attribute 'mode' is required")) switch
        {
            "standard" => false,
            "nesterov" => true,
            var mode => throw node.Fail($"attribute 'mode' is '{mode}'; expected standard or nesterov"),
        };
        return (r, t, x, g, v) =>
        {
            double regularized = norm * x + g;
            // The gradient's coefficient is 1 at the first update.
            v[0] = alpha * v[0] + (t > 0 ? beta : 1) * regularized;
            return x - r * (nesterov ? regularized + alpha * v[0] : v[0]);
        };
    }

    private sealed class OptimizerKernel : Kernel
    {
        private readonly int _states, _count;
        private readonly Update _update;

        public OptimizerKernel(KernelNode node, int states, Update update)
        {
            _states = states;
            _update = update;
            int optimized = node.Node.Inputs.Count - 2;
            _count = optimized / (2 + states);
            if (_count < 1 || optimized % (2 + states) != 0 || node.Node.Outputs.Count != _count * (1 + states))
                throw node.Fail($"{node.Node.Inputs.Count} inputs and {node.Node.Outputs.Count} outputs: expected R, T, then n of each of X, G and the {states} state(s) as inputs, and n of each new X and state as outputs");
        }

        public override void Run(KernelContext context)
        {
            Tensor rate = context.Tensor(0), t = context.Tensor(1);
            if (rate.ElementCount != 1 || !RealTensors.IsFloat(rate.DataType))
                throw context.Fail($"input 0 ('R') must hold one float or double, found {rate.DataType.TypeName()} of shape [{string.Join(",", rate.Dims)}]");
            if (t.DataType != DataType.Int64 || t.ElementCount != 1)
                throw context.Fail($"input 1 ('T') must hold one int64, found {t.DataType.TypeName()} of shape [{string.Join(",", t.Dims)}]");
            double r = RealTensors.Read(context, rate, "R")[0];
            long step = t.AsSpan<long>()[0];
            for (int i = 0; i < _count; i++)
                Optimize(context, i, r, step);
        }

        private void Optimize(KernelContext context, int i, double r, long step)
        {
            Tensor x = context.Tensor(2 + i), g = context.Tensor(2 + _count + i);
            Tensor[] states = [.. Enumerable.Range(0, _states).Select(s => context.Tensor(2 + (2 + s) * _count + i))];
            foreach (Tensor other in states.Prepend(g))
                if (other.DataType != x.DataType || !other.Dims.AsSpan().SequenceEqual(x.Dims))
                    throw context.Fail($"the gradient and states of optimized input {i} must have its type and shape, {x.DataType.TypeName()} [{string.Join(",", x.Dims)}]; found {other.DataType.TypeName()} [{string.Join(",", other.Dims)}]");
            double[] xs = RealTensors.Read(context, x, $"X{i}"), gs = RealTensors.Read(context, g, $"G{i}");
            double[][] ss = [.. states.Select((s, k) => RealTensors.Read(context, s, $"state {k} of X{i}"))];
            Span<double> element = stackalloc double[_states];
            for (int e = 0; e < xs.Length; e++)
            {
                for (int k = 0; k < _states; k++)
                    element[k] = ss[k][e];
                xs[e] = _update(r, step, xs[e], gs[e], element);
                for (int k = 0; k < _states; k++)
                    ss[k][e] = element[k];
            }
            RealTensors.Write(context, i, x.DataType, x.Dims, xs);
            for (int k = 0; k < _states; k++)
                RealTensors.Write(context, (1 + k) * _count + i, x.DataType, x.Dims, ss[k]);
        }
    }
}
