namespace Onyx.Runtime.Testing;

/// <summary>How one backend test ended.</summary>
internal enum BackendTestStatus
{
    Pass,
    Fail,
    Error,
}

/// <summary>The result of one backend test: its status and, unless it passed, what went wrong.</summary>
internal sealed record BackendTestResult(string Name, BackendTestStatus Status, string Detail = "");

/// <summary>
/// Runs a backend test folder (<c>model.onnx</c> and <c>test_data_set_N/input_K.pb</c>, <c>output_K.pb</c>): each
/// data set's inputs feed the graph inputs that are not initializers, in order, and every output must match. In a
/// model with a random operator the expected values cannot be reproduced (the backend data drew them from numpy's
/// global generator), so its outputs are compared by type, shape and domain only.
/// </summary>
internal static class BackendTest
{
    private static readonly HashSet<string> RandomOperators = ["Bernoulli", "Multinomial", "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike"];

    public static BackendTestResult Run(string folder, SessionOptions? options = null, double relativeTolerance = 1e-3, double absoluteTolerance = 1e-7)
    {
        string name = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
        try
        {
            Model model = Model.Load(Path.Combine(folder, "model.onnx"));
            var session = new InferenceSession(model, options);
            bool random = model.Graph.Nodes.Any(n => OperatorDomains.Normalize(n.Domain) == "" && RandomOperators.Contains(n.OpType));
            var comparer = new ValueComparer(relativeTolerance, absoluteTolerance, random);
            NodeMetadata[] fed = [.. session.InputMetadata.Where(i => !i.HasDefault)];
            string[] dataSets = [.. Directory.EnumerateDirectories(folder, "test_data_set_*").Order(StringComparer.Ordinal)];
            IReadOnlyDictionary<string, OnnxValue>? firstOutputs = null;
            // The first data set runs again after the others: a session reuses its buffers from run to run, so this
            // checks both that a warm run computes the same and that it leaves the outputs of earlier runs alone.
            for (int run = 0; dataSets.Length > 0 && run <= dataSets.Length; run++)
            {
                string dataSet = dataSets[run % dataSets.Length];
                var inputs = new Dictionary<string, OnnxValue>(StringComparer.Ordinal);
                for (int k = 0; k < fed.Length; k++)
                {
                    string file = Path.Combine(dataSet, $"input_{k}.pb");
                    if (File.Exists(file))
                        inputs[fed[k].Name] = TestData.Read(file, fed[k].Type);
                }
                IReadOnlyDictionary<string, OnnxValue> outputs = session.Run(inputs);
                firstOutputs ??= outputs;
                if (Compare(session, comparer, dataSet, outputs) is { } failure)
                    return new(name, BackendTestStatus.Fail, (run == dataSets.Length ? "warm run, " : "") + failure);
            }
            if (firstOutputs is not null && Compare(session, comparer, dataSets[0], firstOutputs) is { } overwritten)
                return new(name, BackendTestStatus.Fail, $"after a later run, {overwritten}");
            return new(name, BackendTestStatus.Pass);
        }
        catch (OnyxException e)
        {
            return new(name, BackendTestStatus.Error, e.Message);
        }
    }

    private static string? Compare(InferenceSession session, ValueComparer comparer, string dataSet, IReadOnlyDictionary<string, OnnxValue> outputs)
    {
        for (int k = 0; k < session.OutputMetadata.Count; k++)
        {
            NodeMetadata output = session.OutputMetadata[k];
            OnnxValue expected = TestData.Read(Path.Combine(dataSet, $"output_{k}.pb"), output.Type);
            if (comparer.Difference(expected, outputs[output.Name]) is { } difference)
                return $"{Path.GetFileName(dataSet)} output '{output.Name}': {difference}";
        }
        return null;
    }

    /// <summary>
    /// Runs a model of the light/ layout (<c>light_NAME.onnx</c> beside <c>light_NAME_output_0.pb</c>): its single
    /// input has the declared dims (1 where a dim has no value) and element i = float32(i / n), n the element count.
    /// </summary>
    public static BackendTestResult RunLight(string modelFile, SessionOptions? options = null, double relativeTolerance = 1e-3, double absoluteTolerance = 1e-7)
    {
        string name = Path.GetFileNameWithoutExtension(modelFile);
        try
        {
            var session = new InferenceSession(modelFile, options);
            NodeMetadata input = session.InputMetadata.Single(i => !i.HasDefault);
            long[] dims = [.. (input.Dims ?? throw new OnnxRuntimeException($"input '{input.Name}' has no declared shape")).Select(d => d < 0 ? 1 : d)];
            long count = dims.Aggregate(1L, (a, d) => a * d);
            var values = new float[count];
            for (long i = 0; i < count; i++)
                values[i] = (float)((double)i / count);
            IReadOnlyDictionary<string, OnnxValue> outputs = session.Run(new Dictionary<string, OnnxValue> { [input.Name] = OnnxValue.FromArray(values, dims) });
            NodeMetadata output = session.OutputMetadata[0];
            OnnxValue expected = TestData.Read(Path.Combine(Path.GetDirectoryName(modelFile)!, $"{name}_output_0.pb"), output.Type);
            string? difference = new ValueComparer(relativeTolerance, absoluteTolerance).Difference(expected, outputs[output.Name]);
            return difference is null ? new(name, BackendTestStatus.Pass) : new(name, BackendTestStatus.Fail, $"output '{output.Name}': {difference}");
        }
        catch (OnyxException e)
        {
            return new(name, BackendTestStatus.Error, e.Message);
        }
    }

    /// <summary>The relative tolerance a test needs: 1e-3, except light_densenet121's 2e-3 (the data's only override).</summary>
    public static double RelativeTolerance(string name) => name == "light_densenet121" ? 2e-3 : 1e-3;
}
