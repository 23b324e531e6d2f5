using System.Diagnostics;
using System.Globalization;
using Onyx.Runtime;

namespace Onyx.Bench;

/// <summary>
/// Runs models with Onyx and ONNX Runtime side by side. For each model and thread count both sessions are created
/// with the same options (intra-op threads, all optimizations), warmed up, then run alternately (Onyx, ORT, Onyx,
/// ORT, …) so that drift in machine speed hits both alike, each writing into outputs allocated once before the runs;
/// the table shows the medians and checks that the outputs agree: each output's largest |onyx − ort| within 1e-4 of
/// its largest |ort| (float outputs; other types exactly).
/// When they do not, both are measured against a double-precision run (<see cref="DoublePrecisionReference"/>).
/// </summary>
internal static class ModelComparison
{
    private const double RelativeTolerance = 1e-4;

    /// <summary>A model and the .pb files of its inputs.</summary>
    private sealed record Case(string Name, string Model, IReadOnlyList<string> Inputs);

    private sealed record Row(string Model, int Threads, double OnyxMs, double OrtMs, string Outputs, string? Failure);

    public static void Run(string modelsFolder, string? lightFolder, int[] threadCounts, int runs, int warmup, string[] only)
    {
        string root = RepositoryRoot();
        lightFolder ??= Path.GetFullPath(Path.Combine(root, "..", "shared", "onnx-backend-tests", "light"));
        string scratch = Path.Combine(Path.GetTempPath(), "onyx-compare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            Case[] cases = [.. BenchmarkCases(modelsFolder).Concat(LightCases(lightFolder, scratch)).Where(c => only.Length == 0 || only.Contains(c.Name))];
            using var ort = new OrtWorker(root);
            var rows = new List<Row>();
            foreach (Case c in cases)
            {
                foreach (int threads in threadCounts)
                {
                    Row row = Measure(c, threads, runs, warmup, ort, Path.Combine(scratch, "ort-outputs"));
                    Console.Error.WriteLine(row.Failure is null
                        ? $"{row.Model} threads {threads}: Onyx {row.OnyxMs:F2} ms, ORT {row.OrtMs:F2} ms, outputs {row.Outputs}"
                        : $"{row.Model} threads {threads}: {row.Failure}");
                    rows.Add(row);
                }
            }
            Console.WriteLine($"{runs} alternating runs after {warmup} warm-ups each; medians; {Environment.ProcessorCount} logical processors, {RuntimeInformationText()}");
            Console.WriteLine();
            Console.Write(Table(rows, threadCounts));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static Row Measure(Case c, int threads, int runs, int warmup, OrtWorker ort, string ortOutputs)
    {
        InferenceSession? session = null;
        try
        {
            session = new InferenceSession(c.Model, new SessionOptions { IntraOpThreads = threads, OptimizationLevel = GraphOptimizationLevel.All });
            Dictionary<string, OnnxValue> inputs = ReadInputs(session, c.Inputs);
            ort.Load(c.Model, threads, c.Inputs);
            (string[] names, OnnxValue[] values) = Targets(session.Run(inputs));
            for (int i = 0; i < warmup; i++)
                session.Run(inputs, names, values);
            ort.Run(warmup);
            var onyxMs = new double[runs];
            var ortMs = new double[runs];
            for (int i = 0; i < runs; i++)
            {
                long start = Stopwatch.GetTimestamp();
                session.Run(inputs, names, values);
                onyxMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                ortMs[i] = ort.Run(1)[0];
            }
            var outputs = names.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            Dictionary<string, Tensor> ortValues = ort.Outputs(ortOutputs);
            string agreement = Agreement(outputs, ortValues);
            if (agreement.StartsWith("NO", StringComparison.Ordinal))
                agreement += "; " + DoublePrecisionReference.Compare(c.Model, inputs, outputs, ortValues);
            return new Row(c.Name, threads, Samples.Median(onyxMs), Samples.Median(ortMs), agreement, null);
        }
        catch (Exception e) when (e is OnyxException or InvalidOperationException or IOException)
        {
            return new Row(c.Name, threads, double.NaN, double.NaN, "", e.Message);
        }
        finally
        {
            session?.Dispose();
            GC.Collect();
        }
    }

    /// <summary>
    /// A tensor shaped as each of <paramref name="outputs"/> for the timed runs to write into (as ONNX Runtime's runs
    /// write into pre-allocated fetches): the latency of a hot loop, without allocating the outputs anew per run.
    /// </summary>
    private static (string[] Names, OnnxValue[] Values) Targets(IReadOnlyDictionary<string, OnnxValue> outputs)
    {
        if (outputs.Values.FirstOrDefault(v => v.Kind != OnnxValueKind.Tensor || v.ElementType == DataType.String) is { } other)
            throw new InvalidOperationException($"an output is a {other.Kind} of {other.ElementType}: only numeric tensors are compared");
        return ([.. outputs.Keys], [.. outputs.Values.Select(v => OnnxValue.FromTensor(new Tensor(v.ElementType, v.Tensor.Dims, new byte[v.Tensor.RawData.Length])))]);
    }

    /// <summary>The inputs by the names stored in the .pb files, or by position where a file has no input's name.</summary>
    private static Dictionary<string, OnnxValue> ReadInputs(InferenceSession session, IReadOnlyList<string> files)
    {
        NodeMetadata[] declared = [.. session.InputMetadata.Where(i => !i.HasDefault)];
        var inputs = new Dictionary<string, OnnxValue>(StringComparer.Ordinal);
        for (int i = 0; i < files.Count; i++)
        {
            Tensor tensor = TensorFile.ReadTensor(files[i]);
            string name = declared.Any(d => d.Name == tensor.Name) ? tensor.Name
                : i < declared.Length ? declared[i].Name : throw new InvalidOperationException($"{files[i]}: the model has only {declared.Length} inputs");
            inputs[name] = OnnxValue.FromTensor(tensor);
        }
        return inputs;
    }

    /// <summary>
    /// "yes (relative error …)" when every output agrees: its largest |onyx − ort| is at most 1e-4 of its largest
    /// |ort| (NaN where ORT has NaN; other types exactly); else "NO" and the worst output. The error is taken relative
    /// to the output's scale, not element by element: an element that is a sum cancelling to near zero (a logit of
    /// 0.05 among logits of ±80) carries the rounding of its terms, and no two summation orders agree on it relatively.
    /// </summary>
    private static string Agreement(IReadOnlyDictionary<string, OnnxValue> onyx, Dictionary<string, Tensor> ort)
    {
        double worstRelative = 0;
        string worst = "";
        foreach (var (name, expected) in ort)
        {
            if (!onyx.TryGetValue(name, out OnnxValue? value) || value.Kind != OnnxValueKind.Tensor)
                return $"NO ('{name}' missing)";
            Tensor actual = value.Tensor;
            if (actual.DataType != expected.DataType || !actual.Dims.SequenceEqual(expected.Dims))
                return $"NO ('{name}' is {actual}, ORT's {expected})";
            double relative = RelativeError(Doubles(actual), Doubles(expected));
            if (expected.DataType is not (DataType.Float or DataType.Double) && relative != 0)
                relative = double.PositiveInfinity;
            if (relative > worstRelative || worst == "")
            {
                worstRelative = relative;
                worst = name;
            }
        }
        string text = worstRelative.ToString("0.0e0", CultureInfo.InvariantCulture);
        return worstRelative <= RelativeTolerance ? $"yes (relative error {text})" : $"NO (relative error {text} on '{worst}')";
    }

    /// <summary>max |a − b| / max |b| over the finite elements of b; infinite where only one side is NaN.</summary>
    private static double RelativeError(double[] a, double[] b)
    {
        double error = 0, scale = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (double.IsNaN(a[i]) || double.IsNaN(b[i]))
            {
                if (double.IsNaN(a[i]) != double.IsNaN(b[i]))
                    return double.PositiveInfinity;
                continue;
            }
            error = Math.Max(error, Math.Abs(a[i] - b[i]));
            scale = Math.Max(scale, Math.Abs(b[i]));
        }
        return error == 0 ? 0 : error / scale;
    }

    private static double[] Doubles(Tensor t) => t.DataType switch
    {
        DataType.Float => [.. t.AsSpan<float>().ToArray().Select(v => (double)v)],
        DataType.Double => t.ToArray<double>(),
        DataType.Int64 => [.. t.AsSpan<long>().ToArray().Select(v => (double)v)],
        DataType.Int32 => [.. t.AsSpan<int>().ToArray().Select(v => (double)v)],
        _ => throw new InvalidOperationException($"{t.DataType} outputs are not compared"),
    };

    private static string Table(List<Row> rows, int[] threadCounts)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("| model | threads | Onyx median ms | ORT median ms | Onyx/ORT | outputs match |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (Row r in rows)
        {
            text.AppendLine(r.Failure is null
                ? string.Create(CultureInfo.InvariantCulture, $"| {r.Model} | {r.Threads} | {r.OnyxMs:F2} | {r.OrtMs:F2} | {r.OnyxMs / r.OrtMs:F2} | {r.Outputs} |")
                : $"| {r.Model} | {r.Threads} | – | – | – | failed: {r.Failure.ReplaceLineEndings(" ")} |");
        }
        text.AppendLine();
        foreach (int threads in threadCounts)
        {
            double[] ratios = [.. rows.Where(r => r.Threads == threads && r.Failure is null).Select(r => r.OnyxMs / r.OrtMs)];
            double mean = ratios.Length == 0 ? double.NaN : Math.Exp(ratios.Average(Math.Log));
            int failed = rows.Count(r => r.Threads == threads && r.Failure is not null);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"geometric mean Onyx/ORT, {threads} thread(s): {mean:F2} over {ratios.Length} models{(failed > 0 ? $" ({failed} failed, left out)" : "")}"));
        }
        return text.ToString();
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";

    /// <summary>The generated models: every subfolder of <paramref name="folder"/> with a model.onnx, inputs from test_data_set_0.</summary>
    private static IEnumerable<Case> BenchmarkCases(string folder)
    {
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"{folder} does not exist; write the models with `models --out {folder}`");
        string[] order = [.. Models.BenchmarkModel.All.Select(m => m.Name)];
        foreach (string modelFolder in Directory.GetDirectories(folder).OrderBy(f => Array.IndexOf(order, Path.GetFileName(f)) is var i and >= 0 ? i : int.MaxValue).ThenBy(f => f, StringComparer.Ordinal))
        {
            string model = Path.Combine(modelFolder, "model.onnx");
            if (!File.Exists(model))
                continue;
            string dataSet = Path.Combine(modelFolder, "test_data_set_0");
            string[] inputs = Directory.Exists(dataSet)
                ? [.. Directory.GetFiles(dataSet, "input_*.pb").OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)["input_".Length..], CultureInfo.InvariantCulture))]
                : [];
            yield return new Case(Path.GetFileName(modelFolder), model, inputs);
        }
    }

    /// <summary>
    /// The light/ CNNs (light_NAME.onnx): their one input made as the backend tests make it, element i = float32(i / n)
    /// over the declared dims (1 where a dim has no value), written to <paramref name="scratch"/> for both runtimes.
    /// </summary>
    private static IEnumerable<Case> LightCases(string folder, string scratch)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"{folder} does not exist; the light/ models are left out");
            yield break;
        }
        foreach (string model in Directory.GetFiles(folder, "light_*.onnx").Order(StringComparer.Ordinal))
        {
            Graph graph = Onyx.Model.Load(model).Graph;
            HashSet<string> initializers = [.. graph.Initializers.Select(i => i.Name)];
            ValueInfo input = graph.Inputs.Single(i => !initializers.Contains(i.Name));
            if (input.Type is not TensorTypeInfo { ElementType: DataType.Float, Shape: { } shape })
                throw new InvalidOperationException($"{model}: input '{input.Name}' is not a float tensor of known rank");
            long[] dims = [.. shape.Dims.Select(d => d.Value ?? 1)];
            long count = dims.Aggregate(1L, (a, d) => a * d);
            var values = new float[count];
            for (long i = 0; i < count; i++)
                values[i] = (float)((double)i / count);
            string name = Path.GetFileNameWithoutExtension(model);
            string file = Path.Combine(Directory.CreateDirectory(Path.Combine(scratch, name)).FullName, "input_0.pb");
            TensorFile.Write(file, Models.BenchmarkModel.Named(input.Name, Tensor.FromArray(values, dims)));
            yield return new Case(name, model, [file]);
        }
    }

    private static string RepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Onyx.slnx")))
                    return d.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (with Onyx.slnx) was not found above the working directory");
    }
}
