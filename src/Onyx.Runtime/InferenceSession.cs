using Onyx.Runtime.Kernels;
using Onyx.Runtime.Planning;

namespace Onyx.Runtime;

/// <summary>
/// A model prepared to run: checked, its types inferred, a kernel built per node. <see cref="Run"/> may be called
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
            result[wanted[i]] = values[wantedSlots[i]] ?? throw new OnnxRuntimeException($"'{wanted[i]}' was not computed: it is an optional output no node produced");
        return result;
    }

    /// <inheritdoc/>
    public void Dispose() { }
}
