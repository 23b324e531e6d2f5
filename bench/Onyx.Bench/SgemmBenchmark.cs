using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Onyx.Runtime.Compute;

namespace Onyx.Bench;

/// <summary>
/// Single-thread SGEMM throughput against the machine's FP32 FMA peak. Each run measures, back to back so that
/// speed drift hits all alike: the core clock (a dependent chain of 1-cycle integer ops), a peak-FMA loop (12
/// independent accumulators of the widest accelerated vector), Sgemm at size³ and the generic
/// MatrixMultiply.Accumulate at a smaller size. The nominal peak assumes 2 FMA pipes of the vector width in use:
/// 2 × lanes × 2 flops per cycle.
/// </summary>
internal static unsafe class SgemmBenchmark
{
    private const int NaiveSize = 256;

    public static void Run(int size, int runs)
    {
        var random = new Random(1);
        float[] a = RandomMatrix(random, size * size), b = RandomMatrix(random, size * size), c = new float[size * size];
        float[] na = RandomMatrix(random, NaiveSize * NaiveSize), nb = RandomMatrix(random, NaiveSize * NaiveSize), nc = new float[NaiveSize * NaiveSize];
        int lanes = Sgemm.Best switch { SgemmIsa.Vector512 => 16, SgemmIsa.Avx2 => 8, _ => 4 };
        int flopsPerCycle = 2 * lanes * 2;
        double sgemmFlops = 2.0 * size * size * size, naiveFlops = 2.0 * NaiveSize * NaiveSize * NaiveSize;

        var clock = new List<double>();
        var peak = new List<double>();
        var sgemm = new List<double>();
        var naive = new List<double>();
        var ofMeasured = new List<double>();
        var ofNominal = new List<double>();
        SgemmIsa[] otherPaths = [.. Enum.GetValues<SgemmIsa>().Where(isa => isa != Sgemm.Best && Sgemm.IsAccelerated(isa))];
        List<double>[] other = [.. otherPaths.Select(_ => new List<double>())];
        for (int run = -2; run < runs; run++)
        {
            double ghz = ChainGigaHertz();
            double peakGflops = PeakGflops(lanes);
            double sgemmGflops = sgemmFlops / Seconds(() => Sgemm.Multiply(false, false, size, size, size, 1, a, size, b, size, 0, c, size)) / 1e9;
            double[] otherGflops = [.. otherPaths.Select(isa =>
                sgemmFlops / Seconds(() => Sgemm.Multiply(isa, false, false, size, size, size, 1, a, size, b, size, 0, c, size)) / 1e9)];
            double naiveGflops = naiveFlops / Seconds(() =>
            {
                nc.AsSpan().Clear();
                MatrixMultiply.Accumulate<float>(na, NaiveSize, 1, nb, nc, NaiveSize, NaiveSize, NaiveSize);
            }) / 1e9;
            if (run < 0)
                continue;
            clock.Add(ghz);
            peak.Add(peakGflops);
            sgemm.Add(sgemmGflops);
            for (int i = 0; i < otherPaths.Length; i++)
                other[i].Add(otherGflops[i]);
            naive.Add(naiveGflops);
            ofMeasured.Add(sgemmGflops / peakGflops);
            ofNominal.Add(sgemmGflops / (flopsPerCycle * ghz));
        }

        Console.WriteLine($"Sgemm path: {Sgemm.Best}; {Environment.ProcessorCount} cores, single thread; {runs} interleaved runs after 2 warm-up runs; medians:");
        Console.WriteLine($"  {"clock (dependent 1-cycle integer chain)",-52} {Samples.Median(clock),8:F2} GHz");
        Console.WriteLine($"  {$"nominal FP32 peak: 2 FMA pipes × {lanes} lanes × 2 flops",-52} {flopsPerCycle * Samples.Median(clock),8:F1} GFLOP/s ({flopsPerCycle} flops/cycle × clock)");
        Console.WriteLine($"  {"measured peak-FMA loop (12 accumulators)",-52} {Samples.Median(peak),8:F1} GFLOP/s");
        Console.WriteLine($"  {$"Sgemm {size}³ ({Sgemm.Best})",-52} {Samples.Median(sgemm),8:F1} GFLOP/s");
        for (int i = 0; i < otherPaths.Length; i++)
            Console.WriteLine($"  {$"Sgemm {size}³ ({otherPaths[i]})",-52} {Samples.Median(other[i]),8:F1} GFLOP/s");
        Console.WriteLine($"  {$"MatrixMultiply.Accumulate {NaiveSize}³ (generic loop)",-52} {Samples.Median(naive),8:F2} GFLOP/s");
        Console.WriteLine($"  {$"Sgemm ({Sgemm.Best}) / measured peak loop, per run",-52} {100 * Samples.Median(ofMeasured),8:F1} %");
        Console.WriteLine($"  {$"Sgemm ({Sgemm.Best}) / nominal peak, per run",-52} {100 * Samples.Median(ofNominal),8:F1} %");
    }

    /// <summary>
    /// Single-thread GFLOP/s of Sgemm (no transposes) at each M×N×K of <paramref name="shapes"/>, the shapes a model's
    /// layers multiply at, interleaved with the peak-FMA loop; medians of <paramref name="runs"/> runs.
    /// </summary>
    public static void RunShapes(IReadOnlyList<(int M, int N, int K)> shapes, int runs)
    {
        var random = new Random(1);
        int lanes = Sgemm.Best switch { SgemmIsa.Vector512 => 16, SgemmIsa.Avx2 => 8, _ => 4 };
        var peak = new List<double>();
        List<double>[] measured = [.. shapes.Select(_ => new List<double>())];
        var operands = shapes.Select(s => (A: RandomMatrix(random, s.M * s.K), B: RandomMatrix(random, s.K * s.N), C: new float[s.M * s.N])).ToArray();
        for (int run = -2; run < runs; run++)
        {
            double peakGflops = PeakGflops(lanes);
            for (int i = 0; i < shapes.Count; i++)
            {
                var (m, n, k) = shapes[i];
                var (a, b, c) = operands[i];
                double gflops = 2.0 * m * n * k / Seconds(() => Sgemm.Multiply(false, false, m, n, k, 1, a, k, b, n, 0, c, n)) / 1e9;
                if (run >= 0)
                    measured[i].Add(gflops);
            }
            if (run >= 0)
                peak.Add(peakGflops);
        }
        Console.WriteLine($"Sgemm path: {Sgemm.Best}, single thread; {runs} interleaved runs after 2 warm-up runs; medians:");
        Console.WriteLine($"  {"measured peak-FMA loop",-24} {Samples.Median(peak),8:F1} GFLOP/s");
        for (int i = 0; i < shapes.Count; i++)
            Console.WriteLine($"  {$"{shapes[i].M}×{shapes[i].N}×{shapes[i].K}",-24} {Samples.Median(measured[i]),8:F1} GFLOP/s {100 * Samples.Median(measured[i]) / Samples.Median(peak),6:F1} %");
    }

    private static float[] RandomMatrix(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
            values[i] = random.NextSingle() - 0.5f;
        return values;
    }

    private static double Seconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Cycles per second from a chain of dependent add/xor pairs: each op has 1-cycle latency on every x64 and Arm64 core.</summary>
    private static double ChainGigaHertz()
    {
        const long iterations = 20_000_000;
        long result = 0;
        double seconds = Seconds(() => result = AddXorChain(iterations, 3, 5));
        GC.KeepAlive(result);
        return iterations * 16 / seconds / 1e9;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long AddXorChain(long iterations, long step, long mask)
    {
        long x = 0;
        for (long i = 0; i < iterations; i++)
        {
            x = (x + step) ^ mask;
            x = (x + step) ^ mask;
            x = (x + step) ^ mask;
            x = (x + step) ^ mask;
            x = (x + step) ^ mask;
            x = (x + step) ^ mask;
            x = (x + step) ^ mask;
            x = (x + step) ^ mask;
        }
        return x;
    }

    private static double PeakGflops(int lanes)
    {
        const long iterations = 10_000_000;
        double seconds = lanes switch
        {
            16 => Seconds(() => GC.KeepAlive(FmaLoop<SgemmLanes512, Vector512<float>>(iterations, 1))),
            8 => Seconds(() => GC.KeepAlive(FmaLoop<SgemmLanes256, Vector256<float>>(iterations, 1))),
            _ => Seconds(() => GC.KeepAlive(FmaLoop<SgemmLanes128, Vector128<float>>(iterations, 1))),
        };
        return iterations * 12 * lanes * 2 / seconds / 1e9;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float FmaLoop<TLanes, TVector>(long iterations, float seed)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        TVector m = TLanes.Broadcast(0.9999999f), add = TLanes.Broadcast(1e-7f);
        TVector a0 = TLanes.Broadcast(seed), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        TVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = TLanes.MultiplyAdd(a0, m, add);
            a1 = TLanes.MultiplyAdd(a1, m, add);
            a2 = TLanes.MultiplyAdd(a2, m, add);
            a3 = TLanes.MultiplyAdd(a3, m, add);
            a4 = TLanes.MultiplyAdd(a4, m, add);
            a5 = TLanes.MultiplyAdd(a5, m, add);
            a6 = TLanes.MultiplyAdd(a6, m, add);
            a7 = TLanes.MultiplyAdd(a7, m, add);
            a8 = TLanes.MultiplyAdd(a8, m, add);
            a9 = TLanes.MultiplyAdd(a9, m, add);
            a10 = TLanes.MultiplyAdd(a10, m, add);
            a11 = TLanes.MultiplyAdd(a11, m, add);
        }
        TVector sum = TLanes.MultiplyAdd(a0, m, a1);
        sum = TLanes.MultiplyAdd(a2, m, TLanes.MultiplyAdd(a3, m, sum));
        sum = TLanes.MultiplyAdd(a4, m, TLanes.MultiplyAdd(a5, m, sum));
        sum = TLanes.MultiplyAdd(a6, m, TLanes.MultiplyAdd(a7, m, sum));
        sum = TLanes.MultiplyAdd(a8, m, TLanes.MultiplyAdd(a9, m, sum));
        sum = TLanes.MultiplyAdd(a10, m, TLanes.MultiplyAdd(a11, m, sum));
        float* first = stackalloc float[64];
        TLanes.Store(first, sum);
        return first[0];
    }
}
