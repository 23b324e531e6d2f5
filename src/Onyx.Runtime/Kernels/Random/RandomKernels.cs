using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Randomness;

/// <summary>
/// RandomUniform, RandomNormal, their *Like forms, Bernoulli and Multinomial. A seeded node draws the same values on every run
/// (a fresh MT19937 stream from the seed); an unseeded one draws a new seed per run. The backend tests of these
/// operators check shape and type only, as their expected values come from numpy's global generator.
/// </summary>
internal static class RandomKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("RandomUniform", node => new DistributionKernel(node, like: false, Uniform(node))),
        KernelRegistration.All("RandomUniformLike", node => new DistributionKernel(node, like: true, Uniform(node))),
        KernelRegistration.All("RandomNormal", node => new DistributionKernel(node, like: false, Normal(node))),
        KernelRegistration.All("RandomNormalLike", node => new DistributionKernel(node, like: true, Normal(node))),
        KernelRegistration.All("Multinomial", node => new MultinomialKernel(node)),
        KernelRegistration.All("Bernoulli", node => new BernoulliKernel(node)),
    ];

    /// <summary>The generator of one run: from the node's seed, or from a fresh one.</summary>
    private static MersenneTwister Generator(float? seed) =>
        new(seed is { } s ? unchecked((uint)(long)s) : (uint)System.Random.Shared.Next());

    private static Func<MersenneTwister, double> Uniform(KernelNode node)
    {
        double low = node.Attributes.Float("low", 0), high = node.Attributes.Float("high", 1);
        if (!(low <= high))
            throw node.Fail($"attributes 'low' ({low}) and 'high' ({high}) must satisfy low <= high");
        return random => low + (high - low) * random.NextDouble();
    }

    private static Func<MersenneTwister, double> Normal(KernelNode node)
    {
        double mean = node.Attributes.Float("mean", 0), scale = node.Attributes.Float("scale", 1);
        return random => mean + scale * Gaussian(random);
    }

    /// <summary>A standard normal draw by the polar (Marsaglia) method.</summary>
    private static double Gaussian(MersenneTwister random)
    {
        while (true)
        {
            double x = 2 * random.NextDouble() - 1, y = 2 * random.NextDouble() - 1, r2 = x * x + y * y;
            if (r2 is > 0 and < 1)
                return x * System.Math.Sqrt(-2 * System.Math.Log(r2) / r2);
        }
    }

    /// <summary>The output type: the dtype attribute, else (for the *Like forms) the input's type, else float.</summary>
    private static DataType? DeclaredType(KernelNode node, string attribute = "dtype")
    {
        if (node.Attributes.Int(attribute) is not { } code)
            return null;
        var type = (DataType)code;
        return Enum.IsDefined(type) ? type : throw node.Fail($"attribute '{attribute}' is {code}, not an ONNX element type");
    }

    private sealed class DistributionKernel : Kernel
    {
        private readonly bool _like;
        private readonly DataType? _type;
        private readonly long[] _shape = [];
        private readonly float? _seed;
        private readonly Func<MersenneTwister, double> _draw;

        public DistributionKernel(KernelNode node, bool like, Func<MersenneTwister, double> draw)
        {
            _like = like;
            _draw = draw;
            _seed = node.Attributes.Float("seed");
            _type = DeclaredType(node);
            if (_type is { } t && !RealTensors.IsFloat(t))
                throw node.Fail($"attribute 'dtype' is {t.TypeName()}; expected float, double, float16 or bfloat16");
            if (!like)
            {
                _shape = [.. node.Attributes.Ints("shape") ?? throw node.Fail("attribute 'shape' is required")];
                if (_shape.Any(d => d < 0))
                    throw node.Fail($"attribute 'shape' is [{string.Join(",", _shape)}]; dims must not be negative");
            }
        }

        public override void Run(KernelContext context)
        {
            Tensor? input = _like ? context.Tensor(0) : null;
            long[] dims = input?.Dims ?? _shape;
            DataType type = _type ?? input?.DataType ?? DataType.Float;
            if (!RealTensors.IsFloat(type))
                throw context.Fail($"input 0 is {type.TypeName()}; without a dtype attribute the output takes its type, which must be float, double, float16 or bfloat16");
            var values = new double[context.ElementCount(dims)];
            MersenneTwister random = Generator(_seed);
            for (int i = 0; i < values.Length; i++)
                values[i] = _draw(random);
            RealTensors.Write(context, 0, type, dims, values);
        }
    }

    /// <summary>Multinomial: sample_size draws per batch row from the classes, weighted by exp of the row's unnormalized log-probabilities.</summary>
    private sealed class MultinomialKernel : Kernel
    {
        private readonly long _samples;
        private readonly DataType _type;
        private readonly float? _seed;

        public MultinomialKernel(KernelNode node)
        {
            _samples = node.Attributes.Int("sample_size", 1);
            if (_samples < 1)
                throw node.Fail($"attribute 'sample_size' is {_samples}; expected a positive count");
            _type = DeclaredType(node) ?? DataType.Int32;
            if (_type is not (DataType.Int32 or DataType.Int64))
                throw node.Fail($"attribute 'dtype' is {_type.TypeName()}; expected int32 or int64");
            _seed = node.Attributes.Float("seed");
        }

        public override void Run(KernelContext context)
        {
            Tensor input = context.Tensor(0);
            if (input.Dims is not [long batches, long classes] || classes < 1)
                throw context.Fail($"input 0 ('{context.Node.Node.Inputs[0]}') has shape [{string.Join(",", input.Dims)}]; expected [batch_size, class_size] with at least one class");
            double[] logits = RealTensors.Read(context, input, "input");
            var drawn = new long[context.ElementCount([batches, _samples])];
            MersenneTwister random = Generator(_seed);
            var cumulative = new double[classes];
            for (long b = 0; b < batches; b++)
            {
                ReadOnlySpan<double> row = logits.AsSpan((int)(b * classes), (int)classes);
                double top = double.NegativeInfinity, total = 0;
                foreach (double v in row)
                    top = System.Math.Max(top, v);
                for (int c = 0; c < classes; c++)
                    cumulative[c] = total += System.Math.Exp(row[c] - top);
                if (!(total > 0) || double.IsInfinity(total))
                    throw context.Fail($"row {b} of input 0 holds no finite log-probability to sample from");
                for (long s = 0; s < _samples; s++)
                {
                    double target = random.NextDouble() * total;
                    int chosen = Array.FindIndex(cumulative, c => c > target);
                    drawn[b * _samples + s] = chosen < 0 ? classes - 1 : chosen;
                }
            }
            if (_type == DataType.Int64)
                drawn.CopyTo(context.Output<long>(0, [batches, _samples]));
            else
            {
                Span<int> output = context.Output<int>(0, [batches, _samples]);
                for (int i = 0; i < drawn.Length; i++)
                    output[i] = (int)drawn[i];
            }
        }
    }

    /// <summary>Bernoulli: each output element is 1 with the probability its input element gives, else 0.</summary>
    private sealed class BernoulliKernel(KernelNode node) : Kernel
    {
        private readonly DataType? _type = DeclaredType(node);
        private readonly float? _seed = node.Attributes.Float("seed");

        public override void Run(KernelContext context)
        {
            Tensor input = context.Tensor(0);
            double[] probabilities = RealTensors.Read(context, input, "input");
            MersenneTwister random = Generator(_seed);
            var drawn = new double[probabilities.Length];
            for (int i = 0; i < drawn.Length; i++)
            {
                if (probabilities[i] is < 0 or > 1 or double.NaN)
                    throw context.Fail($"input 0 holds {probabilities[i]} at element {i}; a probability must lie in [0, 1]");
                drawn[i] = random.NextDouble() < probabilities[i] ? 1 : 0;
            }
            DataType type = _type ?? input.DataType;
            if (!Conversion.Supports(type))
                throw context.Fail($"attribute 'dtype' is {type.TypeName()}; expected a numeric type or bool");
            Span<byte> output = context.AllocateOutput(0, type, input.Dims);
            Conversion.Convert(DataType.Double, System.Runtime.InteropServices.MemoryMarshal.AsBytes(drawn.AsSpan()), type, output, drawn.Length, ConversionOptions.Default);
        }
    }
}
