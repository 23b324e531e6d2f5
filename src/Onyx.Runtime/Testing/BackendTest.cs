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
/// data set's inputs feed the graph inputs that are not initializers, in order, and every output must match.
/// </summary>
internal static class BackendTest
{
    public static BackendTestResult Run(string folder, SessionOptions? options = null, double relativeTolerance = 1e-3, double absoluteTolerance = 1e-7)
    {
        string name = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
        try
        {
            var session = new InferenceSession(Path.Combine(folder, "model.onnx"), options);
            var comparer = new ValueComparer(relativeTolerance, absoluteTolerance);
            NodeMetadata[] fed = [.. session.InputMetadata.Where(i => !i.HasDefault)];
            foreach (string dataSet in Directory.EnumerateDirectories(folder, "test_data_set_*").Order(StringComparer.Ordinal))
            {
                var inputs = new Dictionary<string, OnnxValue>(StringComparer.Ordinal);
                for (int k = 0; k < fed.Length; k++)
                {
                    string file = Path.Combine(dataSet, $"input_{k}.pb");
                    if (File.Exists(file))
                        inputs[fed[k].Name] = TestData.Read(file, fed[k].Type);
                }
                IReadOnlyDictionary<string, OnnxValue> outputs = session.Run(inputs);
                for (int k = 0; k < session.OutputMetadata.Count; k++)
                {
                    NodeMetadata output = session.OutputMetadata[k];
                    OnnxValue expected = TestData.Read(Path.Combine(dataSet, $"output_{k}.pb"), output.Type);
                    if (comparer.Difference(expected, outputs[output.Name]) is { } difference)
                        return new(name, BackendTestStatus.Fail, $"{Path.GetFileName(dataSet)} output '{output.Name}': {difference}");
                }
            }
            return new(name, BackendTestStatus.Pass);
        }
        catch (OnyxException e)
        {
            return new(name, BackendTestStatus.Error, e.Message);
        }
    }
}
