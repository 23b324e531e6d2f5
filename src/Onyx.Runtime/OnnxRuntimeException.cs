namespace Onyx.Runtime;

/// <summary>A model could not be prepared or run: bad inputs, a missing kernel, or a kernel that met data it cannot process.</summary>
public sealed class OnnxRuntimeException : OnyxException
{
    /// <summary>Creates an exception whose message says where (model, node, input) and what was expected.</summary>
    public OnnxRuntimeException(string message) : base(message) { }

    /// <summary>Creates an exception that wraps the failure that caused it.</summary>
    public OnnxRuntimeException(string message, Exception inner) : base(message, inner) { }
}
