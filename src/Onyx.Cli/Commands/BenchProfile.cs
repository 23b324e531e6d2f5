using System.Globalization;
using System.Text;
using System.Text.Json;
using Onyx.Runtime;

namespace Onyx.Cli.Commands;

/// <summary>The per-node profile of the timed runs of <c>onyx bench --profile</c>, summed by operator and per node, in milliseconds and bytes per run.</summary>
internal sealed class BenchProfile(IReadOnlyList<NodeProfile> nodes, int runs)
{
    private const int TopNodes = 15;

    private sealed record Row(string Name, int Nodes, double MsPerRun, double BytesPerRun);

    private IEnumerable<Row> ByOperator() => nodes
        .GroupBy(n => n.Domain.Length == 0 ? n.OpType : $"{n.Domain}.{n.OpType}")
        .Select(g => new Row(g.Key, g.Count(), g.Sum(n => n.Time.TotalMilliseconds) / runs, g.Sum(n => (double)n.AllocatedBytes) / runs))
        .OrderByDescending(r => r.MsPerRun);

    private IEnumerable<Row> Slowest() => nodes
        .Select((n, i) => new Row($"#{i} {n.OpType} '{n.Name}'", 1, n.Time.TotalMilliseconds / runs, n.AllocatedBytes / (double)runs))
        .OrderByDescending(r => r.MsPerRun).Take(TopNodes);

    public void WriteText(StringBuilder text)
    {
        double total = nodes.Sum(n => n.Time.TotalMilliseconds) / runs;
        text.AppendLine(CultureInfo.InvariantCulture, $"profile           kernels {total:F3} ms per run; by operator:");
        text.AppendLine("  operator                          nodes   ms/run      %   KiB/run");
        foreach (Row r in ByOperator())
            text.AppendLine(CultureInfo.InvariantCulture, $"  {r.Name,-32} {r.Nodes,6} {r.MsPerRun,8:F3} {100 * r.MsPerRun / total,6:F1} {r.BytesPerRun / 1024,9:F1}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  slowest {TopNodes} nodes:");
        foreach (Row r in Slowest())
            text.AppendLine(CultureInfo.InvariantCulture, $"  {r.Name,-40} {r.MsPerRun,8:F3} {100 * r.MsPerRun / total,6:F1} {r.BytesPerRun / 1024,9:F1}");
    }

    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartArray("profile");
        foreach (Row r in ByOperator())
        {
            w.WriteStartObject();
            w.WriteString("operator", r.Name);
            w.WriteNumber("nodes", r.Nodes);
            w.WriteNumber("msPerRun", r.MsPerRun);
            w.WriteNumber("allocatedBytesPerRun", r.BytesPerRun);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
