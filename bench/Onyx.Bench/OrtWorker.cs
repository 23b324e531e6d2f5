using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Onyx.Bench;

/// <summary>
/// ONNX Runtime in a node process (bench/ort/ort-worker.mjs, onnxruntime-node as pinned in bench/ort/package.json),
/// driven one JSON line at a time. Run times are measured inside the worker, so they exclude the pipe.
/// </summary>
internal sealed class OrtWorker : IDisposable
{
    private readonly Process _process;

    public OrtWorker(string repositoryRoot)
    {
        string folder = Path.Combine(repositoryRoot, "bench", "ort");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "onnxruntime-node")))
            throw new InvalidOperationException($"onnxruntime-node is not installed: run `npm ci --ignore-scripts` in {folder}");
        var start = new ProcessStartInfo("node", [Path.Combine(folder, "ort-worker.mjs")])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
    }

    /// <summary>Creates the session for <paramref name="model"/> with the given input files; returns the creation time in ms.</summary>
    public double Load(string model, int threads, IReadOnlyList<string> inputs)
    {
        var command = new JsonObject { ["load"] = model, ["threads"] = threads, ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)i)]) };
        return Send(command)["ms"]!.GetValue<double>();
    }

    /// <summary>Runs <paramref name="count"/> times; returns each run's milliseconds.</summary>
    public double[] Run(int count) => [.. Send(new JsonObject { ["run"] = count })["ms"]!.AsArray().Select(m => m!.GetValue<double>())];

    /// <summary>Runs once and returns the outputs by name (FLOAT, INT64 and INT32 outputs), read back from <paramref name="folder"/>.</summary>
    public Dictionary<string, Tensor> Outputs(string folder)
    {
        var outputs = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (JsonNode? output in Send(new JsonObject { ["outputs"] = folder })["outputs"]!.AsArray())
        {
            DataType type = output!["type"]!.GetValue<string>() switch
            {
                "float32" => DataType.Float,
                "int64" => DataType.Int64,
                "int32" => DataType.Int32,
                "float64" => DataType.Double,
                string other => throw new InvalidOperationException($"ONNX Runtime output type {other} is not compared"),
            };
            long[] dims = [.. output["dims"]!.AsArray().Select(d => d!.GetValue<long>())];
            outputs[output["name"]!.GetValue<string>()] = new Tensor(type, dims, File.ReadAllBytes(output["file"]!.GetValue<string>()));
        }
        return outputs;
    }

    private JsonNode Send(JsonObject command)
    {
        _process.StandardInput.WriteLine(command.ToJsonString());
        _process.StandardInput.Flush();
        string line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the ONNX Runtime worker ended");
        JsonNode reply = JsonNode.Parse(line) ?? throw new InvalidOperationException($"the ONNX Runtime worker answered '{line}'");
        return reply["error"] is { } error ? throw new InvalidOperationException($"ONNX Runtime: {error.GetValue<string>()}") : reply;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
            _process.Kill();
        _process.Dispose();
    }
}
