using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Onyx.Runtime;
using Onyx.Runtime.Testing;

namespace Onyx.Cli.Commands;

/// <summary>
/// <c>onyx bench MODEL [--threads N] [--warmup W] [--runs R] [--level none|basic|extended|all] [--dims NAME=VALUE]... [--input NAME=FILE]... [--json] [--profile]</c>:
/// measures session creation, run latency, peak working set and managed allocation per run; with --profile, where the time goes.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The .onnx file, or a folder in the backend-test layout (model.onnx; inputs default to test_data_set_0/input_N.pb)." };
        var threads = new Option<int>("--threads", "-t") { Description = $"Intra-op threads (SessionOptions.IntraOpThreads); default one per processor ({Environment.ProcessorCount} here).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var warmup = new Option<int>("--warmup", "-w") { Description = "Untimed runs first.", DefaultValueFactory = _ => 5 };
        var runs = new Option<int>("--runs", "-r") { Description = "Timed runs.", DefaultValueFactory = _ => 50 };
        Option<string> level = OptimizationLevelOption.Create("Graph optimization level (none: GraphOptimizationLevel.DisableAll).", "none", "basic", "extended", "all");
        var dims = new Option<string[]>("--dims", "-d") { Description = "A value for a symbolic input dim as NAME=VALUE (a free dimension override); symbolic dims not given are 1." };
        var inputs = new Option<string[]>("--input", "-i") { Description = "An input as NAME=FILE (.pb TensorProto or .npy). Inputs not given (and not in the folder's test_data_set_0) are generated from the declared type: floats uniform in [0, 1) (fixed seed), integers 0, bools false; unknown dims 1." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text (and no progress bar)." };
        var profile = new Option<bool>("--profile") { Description = "Also time every node over the timed runs (SessionOptions.EnableProfiling) and print the time and allocation per operator and the slowest nodes." };
        var command = new Command("bench", "Benchmark a model: session creation time, median, p90 and min latency over the timed runs, peak working set, managed bytes allocated per run. Exit code 0 measured, 1 a run failed, 2 the model, an input or an option is not usable.")
        {
            model, threads, warmup, runs, level, dims, inputs, json, profile,
        };
        command.SetAction(result => Run(
            new Settings(result.GetValue(model)!, result.GetValue(threads), result.GetValue(warmup), result.GetValue(runs),
                OptimizationLevelOption.Parse(result.GetValue(level)!),
                result.GetValue(dims) ?? [], result.GetValue(inputs) ?? [], result.GetValue(json), result.GetValue(profile)),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    internal sealed record Settings(string Model, int Threads, int Warmup, int Runs, GraphOptimizationLevel Level, string[] Dims, string[] Inputs, bool Json, bool Profile);

    /// <summary>What one benchmark measured.</summary>
    private sealed record Measurement(string Model, double CreationMs, double[] RunMs, long[] RunBytes, long PeakWorkingSet, IReadOnlyList<(string Name, string Source, long[] Dims)> Inputs,
        BenchProfile? Profile);

    internal static int Run(Settings settings, TextWriter output, TextWriter error)
    {
        InferenceSession session;
        Dictionary<string, OnnxValue> inputs;
        List<(string, string, long[])> described;
        string file;
        double creationMs;
        try
        {
            if (settings.Threads < 1 || settings.Warmup < 0 || settings.Runs < 1)
                throw new OnyxException($"--threads and --runs must be at least 1 and --warmup at least 0 (got {settings.Threads}, {settings.Runs}, {settings.Warmup})");
            file = Directory.Exists(settings.Model) ? Path.Combine(settings.Model, "model.onnx") : settings.Model;
            if (!File.Exists(file))
                throw new OnyxException(Directory.Exists(settings.Model) ? $"{settings.Model} holds no model.onnx" : $"{settings.Model} does not exist");
            Dictionary<string, long> dims = ParseDims(settings.Dims, Model.Load(file));
            var options = new SessionOptions { IntraOpThreads = settings.Threads, OptimizationLevel = settings.Level, FreeDimensionOverrides = dims,
                EnableProfiling = settings.Profile };
            long start = Stopwatch.GetTimestamp();
            session = new InferenceSession(file, options);
            creationMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            (inputs, described) = ReadInputs(session, settings, dims);
        }
        catch (Exception e) when (e is OnyxException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"onyx bench: {e.Message}");
            return e is OnnxRuntimeException ? 1 : 2;
        }

        var runMs = new double[settings.Runs];
        var runBytes = new long[settings.Runs];
        var progress = new ProgressBar(!settings.Json && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? error : null, settings.Warmup + settings.Runs);
        try
        {
            IReadOnlyDictionary<string, OnnxValue>? outputs = null;
            for (int i = 0; i < settings.Warmup; i++)
            {
                outputs = session.Run(inputs);
                progress.Show("warm-up", i + 1);
            }
            (string[] names, OnnxValue[] values)? targets = outputs is null ? null : Targets(outputs);
            if (settings.Profile)
                session.TakeProfile();
            for (int i = 0; i < settings.Runs; i++)
            {
                long bytes = GC.GetTotalAllocatedBytes(precise: true);
                long start = Stopwatch.GetTimestamp();
                if (targets is var (names, values))
                    session.Run(inputs, names, values);
                else
                    session.Run(inputs);
                runMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                runBytes[i] = GC.GetTotalAllocatedBytes(precise: true) - bytes;
                progress.Show("runs", settings.Warmup + i + 1);
            }
        }
        catch (OnyxException e)
        {
            progress.Clear();
            error.WriteLine($"onyx bench: {e.Message}");
            return 1;
        }
        progress.Clear();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var measurement = new Measurement(Path.GetFullPath(file), creationMs, runMs, runBytes, process.PeakWorkingSet64, described,
            settings.Profile ? new BenchProfile(session.TakeProfile(), settings.Runs) : null);
        output.Write(settings.Json ? ToJson(settings, measurement) : ToText(settings, measurement));
        return 0;
    }

    /// <summary>
    /// Tensors shaped as the warm-up's outputs for the timed runs to write into, as a hot loop would (then a warm run
    /// allocates only what the kernels do); null when an output is not a numeric tensor.
    /// </summary>
    private static (string[] Names, OnnxValue[] Values)? Targets(IReadOnlyDictionary<string, OnnxValue> outputs)
    {
        if (outputs.Values.Any(v => v.Kind != OnnxValueKind.Tensor || v.ElementType == DataType.String))
            return null;
        return ([.. outputs.Keys], [.. outputs.Values.Select(v => OnnxValue.FromTensor(new Tensor(v.ElementType, v.Tensor.Dims, new byte[v.Tensor.RawData.Length])))]);
    }

    /// <summary>The --dims arguments by name; each must be NAME=VALUE with VALUE a positive integer and NAME a symbolic dim of an input.</summary>
    private static Dictionary<string, long> ParseDims(string[] arguments, Model model)
    {
        HashSet<string> initializers = [.. model.Graph.Initializers.Select(i => i.Name)];
        SortedSet<string> symbolic = new(StringComparer.Ordinal);
        foreach (ValueInfo input in model.Graph.Inputs.Where(i => !initializers.Contains(i.Name)))
        {
            if (input.Type is TensorTypeInfo { Shape: { } shape })
                symbolic.UnionWith(shape.Dims.Where(d => d.Param is { Length: > 0 }).Select(d => d.Param!));
        }
        var dims = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string argument in arguments)
        {
            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !long.TryParse(argument[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < 1)
                throw new OnyxException($"--dims '{argument}' must be NAME=VALUE with VALUE a positive integer");
            string name = argument[..equals];
            if (!symbolic.Contains(name))
                throw new OnyxException($"--dims '{argument}': '{name}' is not a symbolic dim of an input; the symbolic dims are {(symbolic.Count == 0 ? "(none)" : string.Join(", ", symbolic))}");
            dims[name] = value;
        }
        return dims;
    }

    /// <summary>The --input files, then the folder's test_data_set_0/input_N.pb (input N of the graph), then generated values.</summary>
    private static (Dictionary<string, OnnxValue>, List<(string, string, long[])>) ReadInputs(InferenceSession session, Settings settings, Dictionary<string, long> dims)
    {
        Dictionary<string, OnnxValue> inputs = InputArguments.Read(session, settings.Inputs);
        var sources = inputs.Keys.ToDictionary(k => k, _ => "file", StringComparer.Ordinal);
        NodeMetadata[] declared = [.. session.InputMetadata.Where(i => !i.HasDefault)];
        string dataSet = Path.Combine(settings.Model, "test_data_set_0");
        if (Directory.Exists(settings.Model) && Directory.Exists(dataSet))
        {
            for (int i = 0; i < declared.Length; i++)
            {
                string path = Path.Combine(dataSet, $"input_{i}.pb");
                if (!inputs.ContainsKey(declared[i].Name) && File.Exists(path))
                {
                    inputs[declared[i].Name] = TestData.Read(path, declared[i].Type);
                    sources[declared[i].Name] = "data set";
                }
            }
        }
        foreach (NodeMetadata input in declared.Where(i => !inputs.ContainsKey(i.Name)))
        {
            inputs[input.Name] = Generate(input, dims);
            sources[input.Name] = "generated";
        }
        return (inputs, [.. declared.Select(i => (i.Name, sources[i.Name], inputs[i.Name].Kind == OnnxValueKind.Tensor ? inputs[i.Name].Tensor.Dims : []))]);
    }

    /// <summary>A tensor of the declared type: dims from the declaration, else --dims, else 1; floats uniform in [0, 1) from a fixed seed, integers 0, bools false.</summary>
    private static OnnxValue Generate(NodeMetadata input, Dictionary<string, long> overrides)
    {
        long[] declaredDims = input.Dims ?? throw new OnyxException($"input '{input.Name}' has no declared shape; give it with --input");
        string?[] symbolic = input.SymbolicDims ?? [];
        var dims = new long[declaredDims.Length];
        for (int i = 0; i < dims.Length; i++)
            dims[i] = declaredDims[i] >= 0 ? declaredDims[i] : i < symbolic.Length && symbolic[i] is { } name && overrides.TryGetValue(name, out long value) ? value : 1;
        long count = 1;
        foreach (long d in dims)
            count = d == 0 || count <= (1L << 28) / d ? count * d : throw new OnyxException($"input '{input.Name}' of dims [{string.Join(",", dims)}] is too large to generate; give it with --input");
        var random = new Random(0);
        return input.ElementType switch
        {
            DataType.Float => OnnxValue.FromArray(Enumerable.Range(0, (int)count).Select(_ => random.NextSingle()).ToArray(), dims),
            DataType.Double => OnnxValue.FromArray(Enumerable.Range(0, (int)count).Select(_ => random.NextDouble()).ToArray(), dims),
            DataType.Float16 => OnnxValue.FromArray(Enumerable.Range(0, (int)count).Select(_ => (Half)random.NextSingle()).ToArray(), dims),
            DataType.Bool or DataType.Int8 or DataType.UInt8 or DataType.Int16 or DataType.UInt16 or DataType.Int32 or DataType.UInt32 or DataType.Int64 or DataType.UInt64 =>
                OnnxValue.FromTensor(new Tensor(input.ElementType, dims, new byte[count * (input.ElementType.BitsPerElement() / 8)])),
            _ => throw new OnyxException($"input {input} cannot be generated; give it with --input"),
        };
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static string ToText(Settings settings, Measurement m)
    {
        double[] sorted = [.. m.RunMs.Order()];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"model             {m.Model}");
        foreach (var (name, source, dims) in m.Inputs)
            text.AppendLine(CultureInfo.InvariantCulture, $"  input           {name} [{string.Join(",", dims)}] ({source})");
        text.AppendLine(CultureInfo.InvariantCulture, $"options           {settings.Threads} intra-op threads, optimization {settings.Level.ToString().ToLowerInvariant()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"session creation  {m.CreationMs:F1} ms");
        text.AppendLine(CultureInfo.InvariantCulture, $"latency           median {Percentile(sorted, 0.5):F3} ms, p90 {Percentile(sorted, 0.9):F3} ms, min {sorted[0]:F3} ms ({settings.Runs} runs after {settings.Warmup} warm-ups)");
        text.AppendLine(CultureInfo.InvariantCulture, $"peak working set  {m.PeakWorkingSet / (1024.0 * 1024):F1} MiB");
        text.AppendLine(CultureInfo.InvariantCulture, $"allocated per run mean {m.RunBytes.Average() / 1024:F1} KiB, median {Median(m.RunBytes) / 1024:F1} KiB (managed; after warm-up, runs write into preallocated output tensors)");
        m.Profile?.WriteText(text);
        return text.ToString();
    }

    private static string ToJson(Settings settings, Measurement m)
    {
        double[] sorted = [.. m.RunMs.Order()];
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", m.Model);
            w.WriteNumber("threads", settings.Threads);
            w.WriteString("optimizationLevel", settings.Level.ToString().ToLowerInvariant());
            w.WriteNumber("warmup", settings.Warmup);
            w.WriteNumber("runs", settings.Runs);
            w.WriteStartArray("inputs");
            foreach (var (name, source, dims) in m.Inputs)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("source", source);
                w.WriteStartArray("shape");
                foreach (long d in dims)
                    w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("sessionCreationMs", m.CreationMs);
            w.WriteStartObject("latencyMs");
            w.WriteNumber("median", Percentile(sorted, 0.5));
            w.WriteNumber("p90", Percentile(sorted, 0.9));
            w.WriteNumber("min", sorted[0]);
            w.WriteStartArray("runs");
            foreach (double ms in m.RunMs)
                w.WriteNumberValue(ms);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("peakWorkingSetBytes", m.PeakWorkingSet);
            w.WriteStartObject("allocatedBytesPerRun");
            w.WriteNumber("mean", m.RunBytes.Average());
            w.WriteNumber("median", Median(m.RunBytes));
            w.WriteEndObject();
            m.Profile?.WriteJson(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static double Median(long[] values)
    {
        long[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
    }

    /// <summary>A one-line progress bar redrawn in place at most every 100 ms (and at the end); draws nothing without a writer.</summary>
    private sealed class ProgressBar(TextWriter? writer, int total)
    {
        private const int Width = 30;
        private long _drawn;

        public void Show(string phase, int done)
        {
            if (writer is null || (done < total && Stopwatch.GetElapsedTime(_drawn).TotalMilliseconds < 100))
                return;
            _drawn = Stopwatch.GetTimestamp();
            int filled = done * Width / Math.Max(total, 1);
            writer.Write($"\r{phase,-8} [{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total}");
            writer.Flush();
        }

        public void Clear()
        {
            if (writer is null)
                return;
            writer.Write("\r" + new string(' ', Width + 30) + "\r");
            writer.Flush();
        }
    }
}
