namespace Onyx.Runtime.Optimizer;

/// <summary>
/// Folds an inference BatchNormalization (version 7 on with per-channel statistics: <c>spatial</c> 1 before version 9;
/// no training mode; its other outputs unused) into the Conv before it, when the Conv's output feeds only the BatchNormalization and
/// the weights, bias and statistics are constant float or double tensors. With s = scale / √(var + epsilon) per
/// output channel m: W'[m] = W[m]·s[m] and b' = (b − mean)·s + B, computed in double. The new Conv writes the
/// BatchNormalization's output; W' and b' are new initializers.
/// </summary>
internal sealed class FuseConvBatchNorm : GraphPass
{
    public override GraphOptimizationLevel Level => GraphOptimizationLevel.Basic;

    public override IEnumerable<GraphPatch> Find(GraphView graph)
    {
        foreach (Node bn in graph.Graph.Nodes)
        {
            if (bn.OpType != "BatchNormalization" || bn.Domain.Length > 0 || bn.Inputs.Count != 5 || bn.Inputs[0].Length == 0
                || graph.Schema(bn) is not { SinceVersion: >= 7 } schema || (schema.SinceVersion < 9 && bn.FindAttribute("spatial") is { Int: 0 })
                || bn.FindAttribute("training_mode") is { Int: not 0 }
                || bn.Outputs.Count == 0 || bn.Outputs.Skip(1).Any(o => o.Length > 0 && (graph.ReadersOf(o).Count > 0 || graph.IsGraphOutput(o)))
                || graph.Producer(bn.Inputs[0]) is not { OpType: "Conv", Domain: "" } conv || conv.Outputs.Count != 1
                || !graph.HasSingleReader(conv.Outputs[0]) || conv.Inputs.Count < 2 || conv.Inputs[0].Length == 0
                || graph.Constant(conv.Inputs[1]) is not { DataType: DataType.Float or DataType.Double, Dims.Length: >= 3, HasData: true, DataLocation: not TensorDataLocation.External } weights)
                continue;
            long channels = weights.Dims[0];
            Tensor? bias = conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0 ? graph.Constant(conv.Inputs[2]) : null;
            if ((conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0 && !IsVector(bias, weights.DataType, channels))
                || Vector(graph, bn.Inputs[1], weights.DataType, channels) is not { } scale || Vector(graph, bn.Inputs[2], weights.DataType, channels) is not { } shift
                || Vector(graph, bn.Inputs[3], weights.DataType, channels) is not { } mean || Vector(graph, bn.Inputs[4], weights.DataType, channels) is not { } variance)
                continue;
            double epsilon = bn.FindAttribute("epsilon") is { } e ? e.Float : 1e-5;
            double[] w = Read(weights);
            double[] b = bias is null ? new double[channels] : Read(bias);
            long perChannel = channels == 0 ? 0 : w.Length / channels;
            for (int m = 0; m < channels; m++)
            {
                double s = scale[m] / System.Math.Sqrt(variance[m] + epsilon);
                for (long k = m * perChannel; k < (m + 1) * perChannel; k++)
                    w[k] *= s;
                b[m] = (b[m] - mean[m]) * s + shift[m];
            }
            Tensor foldedWeights = Write(w, weights.DataType, weights.Dims, graph.FreshName(conv.Inputs[1]));
            Tensor foldedBias = Write(b, weights.DataType, [channels], graph.FreshName(conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0 ? conv.Inputs[2] : conv.Inputs[1] + "_bias"));
            var fused = new Node("Conv", [conv.Inputs[0], foldedWeights.Name, foldedBias.Name], [bn.Outputs[0]], conv.Name);
            fused.Attributes.AddRange(conv.Attributes);
            yield return new GraphPatch([conv, bn], [fused]) { Initializers = [foldedWeights, foldedBias] };
        }
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
