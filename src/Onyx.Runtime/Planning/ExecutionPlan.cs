namespace Onyx.Runtime.Planning;

/// <summary>
/// What a session runs, built once and never changed: the steps in order, a slot per value, the constant values
/// (initializers) and the graph's inputs and outputs. Runs share it; each run keeps its values in a state of its own.
/// </summary>
internal sealed class ExecutionPlan
{
    public ExecutionPlan(IReadOnlyList<PlanStep> steps, IReadOnlyDictionary<string, int> slots, OnnxValue?[] constants,
        IReadOnlyList<NodeMetadata> inputs, IReadOnlyList<NodeMetadata> outputs)
    {
        Steps = steps;
        Slots = slots;
        Constants = constants;
        Inputs = inputs;
        Outputs = outputs;
    }

    public IReadOnlyList<PlanStep> Steps { get; }

    /// <summary>The slot of every value a run can produce or read, by name.</summary>
    public IReadOnlyDictionary<string, int> Slots { get; }

    /// <summary>Per slot, the value that is fixed before any run (initializers), or null.</summary>
    public OnnxValue?[] Constants { get; }

    /// <summary>The inputs a caller may feed (initializers listed as inputs are optional).</summary>
    public IReadOnlyList<NodeMetadata> Inputs { get; }

    public IReadOnlyList<NodeMetadata> Outputs { get; }

    public int SlotCount => Constants.Length;

    /// <summary>Where runs add the time and allocation of each step, when the session profiles.</summary>
    public StepTimings? Timings { get; private set; }

    /// <summary>This plan, its runs from now on timed step by step (set once, before the session runs).</summary>
    public ExecutionPlan Profiled()
    {
        Timings = new StepTimings(Steps.Count);
        return this;
    }

    private ExecutionState? _idleState;

    /// <summary>A state to run in: the one the last run left, or a new one when another run holds it.</summary>
    public ExecutionState RentState() => Interlocked.Exchange(ref _idleState, null) ?? new ExecutionState(this);

    /// <summary>Gives back a state after its run (reset), to be kept for the next unless another was given back first.</summary>
    public void ReturnState(ExecutionState state)
    {
        state.Reset();
        Interlocked.CompareExchange(ref _idleState, state, null);
    }
}
