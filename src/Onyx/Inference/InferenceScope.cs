namespace Onyx;

/// <summary>What inference knows of one value: its type and, for constants and small integer tensors, its contents.</summary>
/// <param name="Type">The inferred or declared type; null when unknown.</param>
/// <param name="Constant">The value, when it is an initializer, a Constant's output or a known input.</param>
/// <param name="Values">The elements of a scalar or 1-D integer tensor, each a known number, a symbol or unknown.</param>
internal sealed record ValueState(TypeInfo? Type, Tensor? Constant = null, Dim[]? Values = null);

/// <summary>The values visible in a graph: its own, then its enclosing graphs' (a subgraph sees the outer scope).</summary>
internal sealed class InferenceScope(InferenceScope? parent)
{
    private readonly Dictionary<string, ValueState> _values = new(StringComparer.Ordinal);

    public ValueState? Find(string name)
    {
        for (InferenceScope? scope = this; scope is not null; scope = scope.Parent)
            if (scope._values.TryGetValue(name, out ValueState? state))
                return state;
        return null;
    }

    public void Set(string name, ValueState state) => _values[name] = state;

    private InferenceScope? Parent => parent;
}
