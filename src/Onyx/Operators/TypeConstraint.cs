namespace Onyx;

/// <summary>A type variable of an operator and the types it may bind to, written as the specification writes them.</summary>
public sealed record TypeConstraint
{
    /// <summary>Defines a type variable from the specification's comma-separated list, e.g. <c>"tensor(float), tensor(double)"</c>.</summary>
    public TypeConstraint(string typeVariable, string allowedTypes)
    {
        TypeVariable = typeVariable;
        AllowedTypes = allowedTypes.Split(", ");
        _allowed = [.. AllowedTypes];
    }

    /// <summary>The name formal parameters use, such as <c>T</c>.</summary>
    public string TypeVariable { get; }

    /// <summary>The allowed types: <c>tensor(float)</c>, <c>seq(tensor(int64))</c>, <c>optional(tensor(bool))</c>, <c>map(string,tensor(float))</c>, ….</summary>
    public IReadOnlyList<string> AllowedTypes { get; }

    private readonly HashSet<string> _allowed;

    /// <summary>True when <paramref name="type"/> is one of the allowed types.</summary>
    public bool Allows(TypeInfo type) => _allowed.Contains(type.ToString());

    /// <inheritdoc/>
    public override string ToString() => $"{TypeVariable}: {string.Join(", ", AllowedTypes)}";
}
