namespace Onyx;

/// <summary>
/// The rounding modes of the ONNX Cast <c>round_mode</c> attribute, which applies only to casts to FLOAT8E8M0
/// (Operators.md, Cast-25). E8M0 holds powers of two, so each mode picks one of the two powers that bracket the value.
/// </summary>
public enum Float8E8M0Rounding
{
    /// <summary><c>"up"</c>, the Cast default: the nearest power of two away from zero (the smallest one at or above the value).</summary>
    Up,

    /// <summary><c>"down"</c>: the nearest power of two towards zero (the largest one at or below the value).</summary>
    Down,

    /// <summary><c>"nearest"</c>: the nearer power of two; a value exactly halfway (1.5 · 2^k) rounds up.</summary>
    Nearest,
}
