using System.Diagnostics;
using Onyx;
using Onyx.Bench;
using Onyx.Bench.Models;

// Measures loading a generated model with large initializers: Model.Load (memory-mapped, zero-copy) against
// reading the whole file into an array and parsing it (Model.Parse over File.ReadAllBytes), interleaved
// A, B, A, B so that machine speed drift hits both alike. Reports medians of the runs.
//
// Usage: dotnet run -c Release --project bench/Onyx.Bench -- [--megabytes 512] [--runs 21]
// The sgemm mode measures single-thread SGEMM against the FP32 FMA peak (see SgemmBenchmark):
//        dotnet run -c Release --project bench/Onyx.Bench -- sgemm [--size 1024] [--runs 21]
// or at given shapes M×N×K (no transposes), e.g. those of a model's layers:
//        dotnet run -c Release --project bench/Onyx.Bench -- sgemm --shapes 128x3072x768,128x768x3072 [--runs 21]
// The models mode writes the benchmark models (resnet50, mobilenetv2, bert-base, gpt2-decode) in the backend test
// layout, DIR/NAME/model.onnx and DIR/NAME/test_data_set_0/input_N.pb:
//        dotnet run -c Release --project bench/Onyx.Bench -- models --out DIR [--only NAME,NAME]
// The compare mode runs them (and the light/ CNNs) with Onyx and ONNX Runtime side by side (see ModelComparison):
//        dotnet run -c Release --project bench/Onyx.Bench -- compare --models DIR [--threads 1,2] [--runs 30] [--warmup 5] [--light DIR] [--only NAME,NAME]
if (args.Length > 0 && args[0] == "sgemm" && ArgText("--shapes") is { } shapeList)
{
    SgemmBenchmark.RunShapes([.. shapeList.Split(',').Select(s => s.Split('x').Select(int.Parse).ToArray()).Select(d => (d[0], d[1], d[2]))], ArgValue("--runs", 21));
    return;
}
if (args.Length > 0 && args[0] == "sgemm")
{
    SgemmBenchmark.Run(ArgValue("--size", 1024), ArgValue("--runs", 21));
    return;
}
if (args.Length > 0 && args[0] == "compare")
{
    string models = ArgText("--models") ?? throw new ArgumentException("compare: --models DIR is required");
    int[] threads = [.. (ArgText("--threads") ?? "1").Split(',').Select(int.Parse)];
    ModelComparison.Run(models, ArgText("--light"), threads, ArgValue("--runs", 30), ArgValue("--warmup", 5), ArgText("--only")?.Split(',') ?? []);
    return;
}
if (args.Length > 0 && args[0] == "models")
{
    string output = ArgText("--out") ?? throw new ArgumentException("models: --out DIR is required");
    string[] only = ArgText("--only")?.Split(',') ?? [];
    foreach (var (name, create) in BenchmarkModel.All.Where(m => only.Length == 0 || only.Contains(m.Name)))
    {
        var watch = Stopwatch.StartNew();
        string modelFolder = create().Save(output);
        Console.WriteLine($"{name}: {modelFolder} ({new FileInfo(Path.Combine(modelFolder, "model.onnx")).Length / 1e6:F1} MB, {watch.Elapsed.TotalSeconds:F1} s)");
    }
    return;
}

int megabytes = ArgValue("--megabytes", 512);
int runs = ArgValue("--runs", 21);

string folder = Path.Combine(Path.GetTempPath(), "onyx-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    string path = Path.Combine(folder, "large.onnx");
    const int tensorBytes = 4 << 20;
    int tensorCount = megabytes / 4;
    var save = Stopwatch.StartNew();
    LargeModels.Create(tensorCount, tensorBytes).Save(path);
    save.Stop();
    long weightBytes = (long)tensorCount * tensorBytes;

    var mapped = new List<(double Ms, long Bytes)>();
    var copied = new List<(double Ms, long Bytes)>();
    Measure(() => Model.Load(path)); // warm-up: JIT and page cache
    Measure(() => Model.Parse(File.ReadAllBytes(path)));
    for (int i = 0; i < runs; i++)
    {
        mapped.Add(Measure(() => Model.Load(path)));
        copied.Add(Measure(() => Model.Parse(File.ReadAllBytes(path))));
    }

    Console.WriteLine($"model: {tensorCount} FLOAT initializers of {tensorBytes >> 20} MiB = {weightBytes >> 20} MiB of weights, file {new FileInfo(path).Length >> 20} MiB (saved in {save.Elapsed.TotalMilliseconds:F0} ms)");
    Console.WriteLine($"runs: {runs}, interleaved; medians:");
    Report("Model.Load (memory-mapped)", mapped, weightBytes);
    Report("Model.Parse(File.ReadAllBytes)", copied, weightBytes);
    Console.WriteLine($"time ratio copy/mapped: {Samples.Median(copied.Select(c => c.Ms)) / Samples.Median(mapped.Select(m => m.Ms)):F1}x");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static (double, long) Measure(Func<Model> load)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    long before = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    Model model = load();
    watch.Stop();
    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    GC.KeepAlive(model);
    return (watch.Elapsed.TotalMilliseconds, allocated);
}

static void Report(string name, List<(double Ms, long Bytes)> samples, long weightBytes)
{
    double ms = Samples.Median(samples.Select(s => s.Ms));
    double bytes = Samples.Median(samples.Select(s => (double)s.Bytes));
    Console.WriteLine($"  {name,-32} {ms,9:F2} ms   {bytes / 1024,12:F1} KiB allocated ({100 * bytes / weightBytes:F4}% of weights)");
}

string? ArgText(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int ArgValue(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
}
