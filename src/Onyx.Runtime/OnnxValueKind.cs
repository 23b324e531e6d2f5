namespace Onyx.Runtime;

/// <summary>What an <see cref="OnnxValue"/> holds.</summary>
public enum OnnxValueKind
{
    /// <summary>A dense tensor.</summary>
    Tensor,
    /// <summary>A sequence of values.</summary>
    Sequence,
    /// <summary>A map from keys to values.</summary>
    Map,
    /// <summary>An optional value, with or without an element.</summary>
    Optional,
}
