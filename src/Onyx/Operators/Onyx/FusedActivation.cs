namespace Onyx.Operators;

/// <summary>
/// The activations a fused ai.onyx operator applies to its result, named by its 'activation' attribute, with the
/// parameters 'activation_params' holds: none (identity), Relu, LeakyRelu (alpha), Clip (min, max), Sigmoid, Tanh,
/// HardSigmoid (alpha, beta), Gelu (x·Φ(x) through erf) and GeluTanh (the tanh estimate of Gelu-20).
/// </summary>
internal static class FusedActivation
{
    /// <summary>Each activation with the count of parameters it takes.</summary>
    internal static readonly (string Name, int Parameters)[] Kinds =
    [
        ("none", 0), ("Relu", 0), ("LeakyRelu", 1), ("Clip", 2), ("Sigmoid", 0), ("Tanh", 0), ("HardSigmoid", 2), ("Gelu", 0), ("GeluTanh", 0),
    ];

    internal static AttributeSchema[] Attributes => [new("activation", "none"), new("activation_params", AttributeType.Floats)];

    /// <summary>Fails unless 'activation' names a known activation and 'activation_params' has its count of values.</summary>
    internal static void Check(InferenceContext context)
    {
        string name = context.GetString("activation", "none");
        int count = context.GetFloats("activation_params")?.Count ?? 0;
        foreach ((string Name, int Parameters) kind in Kinds)
        {
            if (kind.Name != name)
                continue;
            if (kind.Parameters != count)
                throw context.Fail($"attribute 'activation_params' has {count} values; activation {name} takes {kind.Parameters}");
            return;
        }
        throw context.Fail($"attribute 'activation' is '{name}'; expected one of {string.Join(", ", Kinds.Select(k => k.Name))}");
    }
}
