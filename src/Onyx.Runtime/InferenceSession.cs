using Onyx.Runtime.Kernels;
using Onyx.Runtime.Planning;

namespace Onyx.Runtime;

/// <summary>
/// A model prepared to run: checked, its types inferred, a kernel built per node. Runs may be called
/// from several threads at once: the plan is shared and never changes, and each run keeps its values to itself.
/// </summary>
/// <example>
/// <code>
/// using var session = new InferenceSession("model.onnx");
/// var outputs = session.Run(new Dictionary&lt;string, OnnxValue&gt; { ["x"] = OnnxValue.FromArray(new float[] { 1, 2, 3 }, 1, 3) });
/// float[] y = outputs["y"].ToArray&lt;float&gt;();
/// </code>
/// </example>
public sealed class InferenceSession : IDisposable
{
    private readonly ExecutionPlan _plan;

    /// <summary>Loads and prepares the model at <paramref name="path"/>.</summary>
    public InferenceSession(string path, SessionOptions? options = null) : this(Model.Load(path), options, owned: true) { }

    /// <summary>Parses and prepares a model from its bytes.</summary>
    public InferenceSession(byte[] bytes, SessionOptions? options = null) : this(Model.Parse(bytes), options, owned: true) { }

    /// <summary>Prepares <paramref name="model"/>; the session works on its own copy, so the model is not changed.</summary>
    public InferenceSession(Model model, SessionOptions? options = null) : this(model, options, owned: false) { }

    private InferenceSession(Model model, SessionOptions? options, bool owned)
    {
        ArgumentNullException.ThrowIfNull(model);
        Options = options ?? SessionOptions.Default;
        _plan = Planner.Build(owned ? model : Model.Parse(model.ToBytes()), Options, KernelRegistry.Default);
    }

    /// <summary>The options the session was prepared with.</summary>
    public SessionOptions Options { get; }

    /// <summary>The model's inputs (those with an initializer may be left out of a run).</summary>
    public IReadOnlyList<NodeMetadata> InputMetadata => _plan.Inputs;

    /// <summary>The model's outputs.</summary>
    public IReadOnlyList<NodeMetadata> OutputMetadata => _plan.Outputs;

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> and returns the values named in <paramref name="outputNames"/>
    /// (default: the model's outputs), in that order; any intermediate value may be asked for by name.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">An input is missing, unknown or of the wrong type or shape, an output name is unknown, or a kernel failed.</exception>
    public IReadOnlyDictionary<string, OnnxValue> Run(IReadOnlyDictionary<string, OnnxValue> inputs, IEnumerable<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string[] wanted = [.. outputNames ?? _plan.Outputs.Select(o => o.Name)];
        int[] wantedSlots = [.. wanted.Select(n => _plan.Slots.TryGetValue(n, out int slot) ? slot : throw new OnnxRuntimeException($"'{n}' is not a value of the model"))];
        OnnxValue?[] values = ExecutionRun.Execute(_plan, inputs, wantedSlots);
        var result = new Dictionary<string, OnnxValue>(StringComparer.Ordinal);
        for (int i = 0; i < wanted.Length; i++)
            result[wanted[i]] = values[i] ?? throw new OnnxRuntimeException($"'{wanted[i]}' was not computed: it is an optional output no node produced");
        return result;
    }

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> and writes the values named in <paramref name="outputNames"/> into
    /// the tensors at the same positions of <paramref name="outputValues"/>, which the caller allocates with the
    /// element type and shape each output will have (e.g. <see cref="OnnxValue.FromMemory{T}(Memory{T}, long[])"/>).
    /// The session keeps its intermediate buffers from run to run, so once warm, a model whose shapes do not change
    /// runs without allocating managed memory; use this overload on hot paths.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">As for <see cref="Run(IReadOnlyDictionary{string, OnnxValue}, IEnumerable{string})"/>, or a given tensor does not match its output's type and shape.</exception>
    public void Run(IReadOnlyDictionary<string, OnnxValue> inputs, IReadOnlyList<string> outputNames, IReadOnlyList<OnnxValue> outputValues)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputNames);
        ArgumentNullException.ThrowIfNull(outputValues);
        if (outputNames.Count != outputValues.Count)
            throw new ArgumentException($"{outputNames.Count} output names but {outputValues.Count} output values were given.", nameof(outputValues));
        Span<int> slots = outputNames.Count <= 64 ? stackalloc int[outputNames.Count] : new int[outputNames.Count];
        for (int i = 0; i < slots.Length; i++)
            slots[i] = _plan.Slots.TryGetValue(outputNames[i], out int slot) ? slot : throw new OnnxRuntimeException($"'{outputNames[i]}' is not a value of the model");
        ExecutionRun.ExecuteInto(_plan, inputs, slots, outputNames, outputValues);
    }

    /// <summary>
    /// Per node of the main graph, in plan order, the calls, kernel time and allocation of the runs since the session
    /// was created or since the last call; the sums then start again from zero.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session was not created with <see cref="SessionOptions.EnableProfiling"/>.</exception>
    public IReadOnlyList<NodeProfile> TakeProfile() =>
        (_plan.Timings ?? throw new InvalidOperationException("the session does not profile: create it with SessionOptions.EnableProfiling = true")).Take(_plan);

    /// <inheritdoc/>
    public void Dispose() { }
}
