namespace Onyx.Runtime;

/// <summary>
/// What the runs of a profiled session spent on one node of the main graph: how often it ran, the wall-clock time of its
/// kernel in all, and the managed bytes its kernel allocated on the running thread (work handed to the intra-op
/// threads allocates there and is not counted). A control-flow node's time includes its subgraphs.
/// </summary>
public sealed record NodeProfile(string Name, string OpType, string Domain, long Calls, TimeSpan Time, long AllocatedBytes);
