using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Runs the parts of one job on a fixed set of worker threads and the calling thread together, one job at a time
/// per pool. A job is a function pointer and a pointer to its arguments (usually a struct on the caller's stack,
/// valid because <see cref="Run"/> returns only when every part is done), so starting one allocates nothing. A
/// job started from inside a part runs its parts inline, so nesting cannot deadlock.
/// </summary>
internal sealed unsafe class IntraOpThreadPool
{
    private static readonly ConcurrentDictionary<int, IntraOpThreadPool> Pools = new();

    [ThreadStatic]
    private static bool t_inPart;

    private readonly Lock _oneJob = new();
    private readonly SemaphoreSlim _start = new(0);
    private readonly ManualResetEventSlim _done = new(false);
    private delegate*<void*, int, void> _body;
    private void* _arguments;
    // Parts are numbered by tickets that only ever grow: the job's parts are tickets [_first, _end). A thread claims
    // the next ticket by compare-and-swap only while it is below _end, so a worker waking late from an earlier job
    // cannot take a ticket of a job that is still being set up.
    private long _nextTicket;
    private long _first;
    private long _end;
    private int _pending;
    private ExceptionDispatchInfo? _failure;

    private IntraOpThreadPool(int threads)
    {
        Threads = threads;
        for (int i = 1; i < threads; i++)
            new Thread(Work) { IsBackground = true, Name = $"Onyx intra-op {i}/{threads}" }.Start();
    }

    /// <summary>The pool of <paramref name="threads"/> threads (the caller counts as one), shared by every session asking for as many.</summary>
    public static IntraOpThreadPool Of(int threads) => Pools.GetOrAdd(System.Math.Max(1, threads), t => new IntraOpThreadPool(t));

    /// <summary>Threads a job runs on, the calling thread included.</summary>
    public int Threads { get; }

    // Parts are claimed one at a time, so with several per thread a thread that starts late or runs slow (a busy
    // sibling hyperthread) leaves its share to the others instead of holding the whole job up.
    private const int PartsPerThread = 4;

    /// <summary>
    /// How many parts a job of <paramref name="work"/> units splits into on <paramref name="threads"/> threads: one per
    /// <paramref name="minWorkPerPart"/> units (below it waking a thread costs more than it saves), at most
    /// <see cref="PartsPerThread"/> per thread and at most <paramref name="maxParts"/>.
    /// </summary>
    public static int Parts(long work, long minWorkPerPart, long maxParts, int threads) =>
        threads <= 1 ? 1 : (int)System.Math.Clamp(work / minWorkPerPart, 1, System.Math.Max(1, System.Math.Min(maxParts, (long)PartsPerThread * threads)));

    /// <summary>Calls <paramref name="body"/>(<paramref name="arguments"/>, part) for every part in [0, <paramref name="parts"/>), spread over the threads; returns when all are done.</summary>
    public void Run(int parts, delegate*<void*, int, void> body, void* arguments)
    {
        if (parts <= 1 || Threads == 1 || t_inPart)
        {
            for (int part = 0; part < parts; part++)
                body(arguments, part);
            return;
        }
        lock (_oneJob)
        {
            _body = body;
            _arguments = arguments;
            _failure = null;
            _pending = parts;
            _done.Reset();
            _first = _nextTicket;
            Volatile.Write(ref _end, _first + parts);
            int workers = System.Math.Min(Threads - 1, parts - 1);
            if (_start.CurrentCount < workers)
                _start.Release(workers - _start.CurrentCount);
            RunParts();
            // The last parts are usually only microseconds from done: wait for them awake before sleeping.
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref _pending) != 0 && System.Diagnostics.Stopwatch.GetTimestamp() < until)
                Thread.SpinWait(20);
            _done.Wait();
            _failure?.Throw();
        }
    }

    // A model run starts its jobs tens of microseconds apart; a worker that went to sleep between them would be woken
    // late for each (and on a busy machine later still), so it stays awake this long after a job first.
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 10_000;

    private void Work()
    {
        while (true)
        {
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            while (_start.CurrentCount == 0 && System.Diagnostics.Stopwatch.GetTimestamp() < until)
                Thread.SpinWait(20);
            _start.Wait();
            RunParts();
        }
    }

    /// <summary>Claims and runs parts of the current job until none is left; whoever finishes the last part wakes the caller.</summary>
    private void RunParts()
    {
        t_inPart = true;
        try
        {
            while (true)
            {
                long ticket = Volatile.Read(ref _nextTicket);
                if (ticket >= Volatile.Read(ref _end))
                    return;
                if (Interlocked.CompareExchange(ref _nextTicket, ticket + 1, ticket) != ticket)
                    continue;
                try
                {
                    if (_failure is null)
                        _body(_arguments, (int)(ticket - _first));
                }
                catch (Exception e)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(e);
                }
                if (Interlocked.Decrement(ref _pending) == 0)
                    _done.Set();
            }
        }
        finally
        {
            t_inPart = false;
        }
    }
}
