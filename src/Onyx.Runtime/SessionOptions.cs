namespace Onyx.Runtime;

/// <summary>How much the graph is rewritten before it runs (the levels of ONNX Runtime, with the same names).</summary>
public enum GraphOptimizationLevel
{
    /// <summary>No rewriting beyond what running needs (function bodies of operators without a kernel are inlined).</summary>
    DisableAll,
    /// <summary>
    /// Rewrites that keep to standard operators: constant and shape folding, removal of dead code, Identity and
    /// inference Dropout, common subexpressions, Conv+BatchNormalization folding, MatMul+Add to Gemm, transposes.
    /// </summary>
    Basic,
    /// <summary>Basic, and fusions into Onyx's own operators (domain <c>ai.onyx</c>): bias and activation into Conv, Gemm and MatMul, Gelu, attention.</summary>
    Extended,
    /// <summary>Every optimization Onyx has.</summary>
    All,
}

/// <summary>How an <see cref="InferenceSession"/> prepares and runs a model.</summary>
public sealed record SessionOptions
{
    /// <summary>The default options.</summary>
    public static SessionOptions Default { get; } = new();

    /// <summary>
    /// Threads a kernel may use; 0 means one per processor. Matrix products and convolutions, pools, attention,
    /// LayerNormalization and Softmax split their work over these threads (with the same result at any count); other
    /// kernels run on the calling thread.
    /// </summary>
    public int IntraOpThreads { get; init; }

    /// <summary>How much the graph is rewritten before it runs.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>Values for symbolic dims of the inputs (e.g. <c>batch = 1</c>), fixed before the model is prepared.</summary>
    public IReadOnlyDictionary<string, long> FreeDimensionOverrides { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// The most iterations one Loop node may run per call (a model's trip count or condition can ask for any number);
    /// a Loop that would go further fails with an <see cref="OnnxRuntimeException"/>.
    /// </summary>
    public long MaxLoopIterations { get; init; } = 10_000_000;

    /// <summary>How deeply subgraphs (If branches, Loop and Scan bodies) may nest; a deeper model is refused when the session is prepared.</summary>
    public int MaxSubgraphDepth { get; init; } = 32;

    /// <summary>
    /// Time every node's kernel and count what it allocates, for <see cref="InferenceSession.TakeProfile"/>; costs two
    /// clock reads and two allocation counter reads per node.
    /// </summary>
    public bool EnableProfiling { get; init; }
}
