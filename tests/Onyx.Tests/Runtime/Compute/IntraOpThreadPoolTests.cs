using Onyx.Runtime.Compute;

namespace Onyx.Tests.Runtime.Compute;

public sealed unsafe class IntraOpThreadPoolTests
{
    private struct Counts
    {
        public int* PerPart;
        public int ThrowAt;
    }

    private static void CountPart(void* arguments, int part)
    {
        var counts = (Counts*)arguments;
        if (part == counts->ThrowAt)
            throw new InvalidOperationException($"part {part} failed");
        Interlocked.Increment(ref counts->PerPart[part]);
    }

    private static void NestedPart(void* arguments, int part)
    {
        var counts = (Counts*)arguments;
        var inner = new Counts { PerPart = counts->PerPart + 8 * part, ThrowAt = -1 };
        IntraOpThreadPool.Of(3).Run(8, &CountPart, &inner);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 1)]
    [InlineData(2, 7)]
    [InlineData(4, 100)]
    public void Every_part_runs_exactly_once(int threads, int parts)
    {
        int* perPart = stackalloc int[parts];
        var counts = new Counts { PerPart = perPart, ThrowAt = -1 };

        for (int repeat = 0; repeat < 20; repeat++)
            IntraOpThreadPool.Of(threads).Run(parts, &CountPart, &counts);

        for (int part = 0; part < parts; part++)
            Assert.Equal(20, perPart[part]);
    }

    [Fact]
    public void A_job_started_inside_a_part_runs_inline()
    {
        int* perPart = stackalloc int[4 * 8];
        var counts = new Counts { PerPart = perPart, ThrowAt = -1 };

        IntraOpThreadPool.Of(3).Run(4, &NestedPart, &counts);

        for (int i = 0; i < 32; i++)
            Assert.Equal(1, perPart[i]);
    }

    [Fact]
    public void A_failing_part_fails_the_job_and_the_pool_keeps_working()
    {
        int* perPart = stackalloc int[16];
        var failing = new Counts { PerPart = perPart, ThrowAt = 9 };

        Exception? error = null;
        try
        {
            IntraOpThreadPool.Of(2).Run(16, &CountPart, &failing);
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }
        var counts = new Counts { PerPart = perPart, ThrowAt = -1 };
        new Span<int>(perPart, 16).Clear();
        IntraOpThreadPool.Of(2).Run(16, &CountPart, &counts);

        Assert.Equal("part 9 failed", error?.Message);
        for (int part = 0; part < 16; part++)
            Assert.Equal(1, perPart[part]);
    }

    [Theory]
    [InlineData(1L << 30, 1, 1000, 1)]
    [InlineData(1L << 30, 2, 1000, 8)]
    [InlineData(1L << 30, 2, 3, 3)]
    [InlineData(2500, 2, 1000, 2)]
    [InlineData(10, 4, 1000, 1)]
    [InlineData(1L << 30, 4, 0, 1)]
    public void Parts_follow_the_work_and_stay_within_four_per_thread_and_the_bound(long work, int threads, long maxParts, int expected) =>
        Assert.Equal(expected, IntraOpThreadPool.Parts(work, 1000, maxParts, threads));
}
