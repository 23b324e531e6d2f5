namespace Onyx;

/// <summary>
/// One dimension of a <see cref="Shape"/>: a known size (<see cref="Value"/>), a symbolic name
/// (<see cref="Param"/>, e.g. <c>batch</c>), or neither (unknown). Mirrors <c>TensorShapeProto.Dimension</c>.
/// </summary>
public sealed class Dim
{
    /// <summary>An unknown dimension.</summary>
    public Dim() { }

    /// <summary>A dimension of known size.</summary>
    public Dim(long value) => Value = value;

    /// <summary>A symbolic dimension.</summary>
    public Dim(string param) => Param = param;

    /// <summary>The known size, or null. Setting it clears <see cref="Param"/> (they are a oneof).</summary>
    public long? Value
    {
        get => _value;
        set { _value = value; if (value is not null) _param = null; }
    }

    /// <summary>The symbolic name, or null. Setting it clears <see cref="Value"/> (they are a oneof).</summary>
    public string? Param
    {
        get => _param;
        set { _param = value; if (value is not null) _value = null; }
    }

    /// <summary>An optional denotation of what the dimension means, e.g. <c>DATA_BATCH</c>.</summary>
    public string? Denotation { get; set; }

    /// <summary>True when the dimension has a known size.</summary>
    public bool IsKnown => _value is not null;

    internal ReadOnlyMemory<byte> UnknownFields { get; set; }

    private long? _value;
    private string? _param;

    /// <summary>A known dimension.</summary>
    public static implicit operator Dim(long value) => new(value);

    /// <summary>A symbolic dimension.</summary>
    public static implicit operator Dim(string param) => new(param);

    /// <summary>The size, the name, or <c>?</c> when unknown.</summary>
    public override string ToString() => _value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? _param ?? "?";
}
