namespace Onyx;

/// <summary>How many actual values a formal input or output binds to.</summary>
public enum ParameterOption
{
    /// <summary>Exactly one value, which must be present.</summary>
    Single,

    /// <summary>One value, which may be left out (an empty name).</summary>
    Optional,

    /// <summary>The last parameter, which takes all remaining values.</summary>
    Variadic,
}

/// <summary>A formal input or output of an operator.</summary>
/// <param name="Name">The name the specification gives it.</param>
/// <param name="Type">A type variable of the schema's <see cref="OperatorSchema.TypeConstraints"/>, or a type such as <c>tensor(int64)</c>.</param>
/// <param name="Option">Single, optional or variadic.</param>
/// <param name="Homogeneous">For a variadic parameter: whether every value must have the same type.</param>
/// <param name="MinArity">For a variadic parameter: the fewest values it takes.</param>
public sealed record FormalParameter(string Name, string Type, ParameterOption Option = ParameterOption.Single, bool Homogeneous = true, int MinArity = 1)
{
    /// <inheritdoc/>
    public override string ToString() => Option == ParameterOption.Single ? $"{Name}: {Type}" : $"{Name}: {Type} ({Option.ToString().ToLowerInvariant()})";
}
