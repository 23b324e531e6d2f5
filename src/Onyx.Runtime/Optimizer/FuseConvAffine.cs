namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Folds a per-output-channel affine step that alone reads a Conv's output into the Conv's weights and bias, when they
/// are constant float or double tensors: y = x·s[m] + t[m] gives W'[m] = W[m]·s[m] and b'[m] = b[m]·s[m] + t[m],
/// computed in double. The step is
/// <list type="bullet">
/// <item>an inference BatchNormalization (version 7 on with per-channel statistics: <c>spatial</c> 1 before version 9;
/// no training mode; its other outputs unused): s = scale / √(var + epsilon), t = B − mean·s;</item>
/// <item>a Mul by a constant of the Conv's type that broadcasts per channel (its dims 1 but for the channel axis, at
/// most the output's rank: [C, 1, 1], [1, C, 1, 1], a scalar): s = the constant, t = 0;</item>
/// <item>an Add of such a constant: s = 1, t = the constant (Caffe2's exports write BatchNormalization as Mul then Add).</item>
/// </list>
/// The new Conv writes the step's output; W' and b' are new initializers. A Mul or Add of that kind after an inference
/// BatchNormalization folds into its scale and bias the same way (Caffe2's DenseNet normalizes, then scales and shifts).
/// </summary>
internal sealed class FuseConvAffine : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node step in graph.Graph.Nodes)
        {
            if (step.Domain.Length > 0 || step.OpType is not ("BatchNormalization" or "Mul" or "Add") || step.Outputs.Count == 0 || step.Outputs[0].Length == 0)
                continue;
            if (step.OpType != "BatchNormalization" && AfterBatchNormalization(graph, step) is { } patch)
            {
                yield return patch;
                continue;
            }
            if (step.Inputs.FirstOrDefault(i => i.Length > 0 && graph.Producer(i) is { OpType: "Conv", Domain: "" }) is not { } convOutput
                || graph.Producer(convOutput) is not { } conv || conv.Outputs.Count != 1 || !graph.HasSingleReader(conv.Outputs[0])
                || conv.Inputs.Count < 2 || conv.Inputs[0].Length == 0
                || graph.Constant(conv.Inputs[1]) is not { DataType: DataType.Float or DataType.Double, Dims.Length: >= 3, HasData: true, DataLocation: not TensorDataLocation.External } weights)
                continue;
            long channels = weights.Dims[0];
            Tensor? bias = conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0 ? graph.Constant(conv.Inputs[2]) : null;
            if ((conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0 && !IsVector(bias, weights.DataType, channels))
                || Affine(graph, step, convOutput, weights.DataType, channels, weights.Dims.Length) is not var (scale, shift))
                continue;
            double[] w = Read(weights);
            double[] b = bias is null ? new double[channels] : Read(bias);
            long perChannel = channels == 0 ? 0 : w.Length / channels;
            for (int m = 0; m < channels; m++)
            {
                for (long k = m * perChannel; k < (m + 1) * perChannel; k++)
                    w[k] *= scale[m];
                b[m] = b[m] * scale[m] + shift[m];
            }
            Tensor foldedWeights = Write(w, weights.DataType, weights.Dims, graph.FreshName(conv.Inputs[1]));
            Tensor foldedBias = Write(b, weights.DataType, [channels], graph.FreshName(conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0 ? conv.Inputs[2] : conv.Inputs[1] + "_bias"));
            var fused = new Node("Conv", [conv.Inputs[0], foldedWeights.Name, foldedBias.Name], [step.Outputs[0]], conv.Name);
            fused.Attributes.AddRange(conv.Attributes);
            yield return new GraphPatch([conv, step], [fused]) { Initializers = [foldedWeights, foldedBias] };
        }
    }

    /// <summary>
    /// A Mul or Add by a per-channel constant that alone reads an inference BatchNormalization's output, folded into its
    /// scale and bias (scale' = scale·s, B' = B·s + t); null when the step is not that.
    /// </summary>
    private static GraphPatch? AfterBatchNormalization(GraphView graph, Node step)
    {
        if (step.Inputs.FirstOrDefault(i => i.Length > 0 && graph.Producer(i) is { OpType: "BatchNormalization", Domain: "" }) is not { } normalized
            || graph.Producer(normalized) is not { } bn || !graph.HasSingleReader(normalized) || bn.Inputs.Count != 5 || bn.Outputs[0] != normalized
            || bn.Outputs.Skip(1).Any(o => o.Length > 0) || bn.FindAttribute("training_mode") is { Int: not 0 }
            || graph.Schema(bn) is not { SinceVersion: >= 7 } schema || (schema.SinceVersion < 9 && bn.FindAttribute("spatial") is { Int: 0 })
            || graph.Constant(bn.Inputs[1]) is not { DataType: DataType.Float or DataType.Double, Dims: [long channels] } gammaTensor
            || FusionOperands.Rank(graph, normalized) is not int rank
            || Vector(graph, bn.Inputs[1], gammaTensor.DataType, channels) is not { } gamma || Vector(graph, bn.Inputs[2], gammaTensor.DataType, channels) is not { } beta
            || Affine(graph, step, normalized, gammaTensor.DataType, channels, rank) is not var (scale, shift))
            return null;
        for (int m = 0; m < channels; m++)
        {
            gamma[m] *= scale[m];
            beta[m] = beta[m] * scale[m] + shift[m];
        }
        Tensor foldedScale = Write(gamma, gammaTensor.DataType, [channels], graph.FreshName(bn.Inputs[1]));
        Tensor foldedBias = Write(beta, gammaTensor.DataType, [channels], graph.FreshName(bn.Inputs[2]));
        var fused = new Node("BatchNormalization", [bn.Inputs[0], foldedScale.Name, foldedBias.Name, bn.Inputs[3], bn.Inputs[4]], [step.Outputs[0]], bn.Name);
        fused.Attributes.AddRange(bn.Attributes);
        return new GraphPatch([bn, step], [fused]) { Initializers = [foldedScale, foldedBias] };
    }

    /// <summary>The step's s and t per channel, or null when it is not a per-channel affine step this pass folds.</summary>
    private static (double[] Scale, double[] Shift)? Affine(GraphView graph, Node step, string convOutput, DataType type, long channels, int rank)
    {
        if (step.OpType == "BatchNormalization")
        {
            if (step.Inputs.Count != 5 || step.Inputs[0] != convOutput || graph.Schema(step) is not { SinceVersion: >= 7 } schema
                || (schema.SinceVersion < 9 && step.FindAttribute("spatial") is { Int: 0 }) || step.FindAttribute("training_mode") is { Int: not 0 }
                || step.Outputs.Skip(1).Any(o => o.Length > 0 && (graph.ReadersOf(o).Count > 0 || graph.IsGraphOutput(o)))
                || Vector(graph, step.Inputs[1], type, channels) is not { } gamma || Vector(graph, step.Inputs[2], type, channels) is not { } beta
                || Vector(graph, step.Inputs[3], type, channels) is not { } mean || Vector(graph, step.Inputs[4], type, channels) is not { } variance)
                return null;
            double epsilon = step.FindAttribute("epsilon") is { } e ? e.Float : 1e-5;
            double[] scale = new double[channels], shift = new double[channels];
            for (int m = 0; m < channels; m++)
            {
                scale[m] = gamma[m] / System.Math.Sqrt(variance[m] + epsilon);
                shift[m] = beta[m] - mean[m] * scale[m];
            }
            return (scale, shift);
        }
        // Mul or Add before version 7 broadcast only by attribute; from 7 on both broadcast multidirectionally.
        if (step.Inputs.Count != 2 || step.Outputs.Count != 1 || graph.OpsetOf(step) < 7
            || PerChannel(graph, step.Inputs[0] == convOutput ? step.Inputs[1] : step.Inputs[0], type, channels, rank) is not { } values)
            return null;
        return step.OpType == "Mul" ? (values, new double[channels]) : (Enumerable.Repeat(1.0, (int)channels).ToArray(), values);
    }

    /// <summary>
    /// The constant <paramref name="name"/> as one value per channel when it broadcasts against a Conv output of
    /// <paramref name="rank"/> along the channel axis only (every dim 1 but the one at axis 1, which is 1 or C); else null.
    /// </summary>
    private static double[]? PerChannel(GraphView graph, string name, DataType type, long channels, int rank)
    {
        if (graph.Constant(name) is not { HasData: true, DataLocation: not TensorDataLocation.External } t || t.DataType != type || t.Dims.Length > rank)
            return null;
        int channelAxis = t.Dims.Length - (rank - 1);
        for (int i = 0; i < t.Dims.Length; i++)
        {
            if (t.Dims[i] != 1 && (i != channelAxis || t.Dims[i] != channels))
                return null;
        }
        double[] values = Read(t);
        return values.Length == channels ? values : Enumerable.Repeat(values[0], (int)channels).ToArray();
    }

    private static bool IsVector(Tensor? t, DataType type, long length) =>
        t is { HasData: true, DataLocation: not TensorDataLocation.External } && t.DataType == type && t.Dims.Length == 1 && t.Dims[0] == length;

    private static double[]? Vector(GraphView graph, string name, DataType type, long length) =>
        name.Length > 0 && graph.Constant(name) is { } t && IsVector(t, type, length) ? Read(t) : null;

    private static double[] Read(Tensor t) =>
        t.DataType == DataType.Float ? Array.ConvertAll(t.ToArray<float>(), v => (double)v) : t.ToArray<double>();

    private static Tensor Write(double[] values, DataType type, long[] dims, string name)
    {
        Tensor t = type == DataType.Float ? Tensor.FromArray(Array.ConvertAll(values, v => (float)v), dims) : Tensor.FromArray(values, dims);
        t.Name = name;
        return t;
    }
}
