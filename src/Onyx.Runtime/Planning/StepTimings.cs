using System.Diagnostics;

namespace Onyx.Runtime.Planning;

/// <summary>
/// Per step of a plan, the calls, time and managed bytes allocated on the running thread, summed over the runs since
/// the last <see cref="Take"/>. Runs on several threads at once add atomically.
/// </summary>
internal sealed class StepTimings
{
    private readonly long[] _calls, _ticks, _bytes;

    public StepTimings(int steps)
    {
        _calls = new long[steps];
        _ticks = new long[steps];
        _bytes = new long[steps];
    }

    public void Add(int step, long ticks, long bytes)
    {
        Interlocked.Increment(ref _calls[step]);
        Interlocked.Add(ref _ticks[step], ticks);
        Interlocked.Add(ref _bytes[step], bytes);
    }

    /// <summary>What was summed for each step of <paramref name="plan"/>, after which the sums start again from zero.</summary>
    public NodeProfile[] Take(ExecutionPlan plan)
    {
        var profile = new NodeProfile[_calls.Length];
        for (int s = 0; s < profile.Length; s++)
        {
            Node node = plan.Steps[s].Node.Node;
            profile[s] = new NodeProfile(node.Name, node.OpType, node.Domain, Interlocked.Exchange(ref _calls[s], 0),
                Stopwatch.GetElapsedTime(0, Interlocked.Exchange(ref _ticks[s], 0)), Interlocked.Exchange(ref _bytes[s], 0));
        }
        return profile;
    }
}
