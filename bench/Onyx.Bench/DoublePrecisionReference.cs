using System.Globalization;
using Onyx.Runtime;

namespace Onyx.Bench;

/// <summary>
/// Settles which runtime is off when Onyx's and ONNX Runtime's float outputs disagree: the model is rewritten to
/// compute in double (float initializers, inputs, outputs, Cast targets and constants become double) and run once by
/// Onyx with no optimization, and each side's float outputs are measured against that.
/// </summary>
internal static class DoublePrecisionReference
{
    /// <summary>"against a double-precision run: Onyx max error a, ORT b" over the float outputs both computed.</summary>
    public static string Compare(string modelFile, IReadOnlyDictionary<string, OnnxValue> inputs, IReadOnlyDictionary<string, OnnxValue> onyx, Dictionary<string, Tensor> ort)
    {
        Model model = ToDouble(Model.Load(modelFile));
        var session = new InferenceSession(model, new SessionOptions { OptimizationLevel = GraphOptimizationLevel.DisableAll });
        var feeds = inputs.ToDictionary(i => i.Key, i => i.Value.ElementType == DataType.Float ? OnnxValue.FromTensor(ToDouble(i.Value.Tensor)) : i.Value);
        IReadOnlyDictionary<string, OnnxValue> reference = session.Run(feeds);
        double onyxError = 0, ortError = 0;
        foreach (var (name, expected) in ort.Where(o => o.Value.DataType == DataType.Float))
        {
            double[] exact = reference[name].ToArray<double>();
            float[] mine = onyx[name].ToArray<float>(), theirs = expected.ToArray<float>();
            for (int i = 0; i < exact.Length; i++)
            {
                onyxError = Math.Max(onyxError, Math.Abs(mine[i] - exact[i]));
                ortError = Math.Max(ortError, Math.Abs(theirs[i] - exact[i]));
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"against a double-precision run: Onyx max error {onyxError:0.0e0}, ORT {ortError:0.0e0}");
    }

    private static Model ToDouble(Model model)
    {
        Graph graph = model.Graph;
        for (int i = 0; i < graph.Initializers.Count; i++)
        {
            if (graph.Initializers[i].DataType == DataType.Float)
                graph.Initializers[i] = ToDouble(graph.Initializers[i]);
        }
        foreach (ValueInfo value in graph.Inputs.Concat(graph.Outputs))
        {
            if (value.Type is TensorTypeInfo { ElementType: DataType.Float } tensor)
                value.Type = new TensorTypeInfo(DataType.Double, tensor.Shape);
        }
        graph.ValueInfos.Clear();
        foreach (Node node in graph.Nodes)
        {
            foreach (Attribute attribute in node.Attributes)
            {
                if (node.OpType == "Cast" && attribute.Name == "to" && attribute.Int == (long)DataType.Float)
                    attribute.Int = (long)DataType.Double;
                if (attribute.Tensor is { DataType: DataType.Float } constant)
                    attribute.Tensor = ToDouble(constant);
            }
        }
        return model;
    }

    private static Tensor ToDouble(Tensor t)
    {
        Tensor result = Tensor.FromArray(Array.ConvertAll(t.ToArray<float>(), v => (double)v), t.Dims);
        result.Name = t.Name;
        return result;
    }
}
