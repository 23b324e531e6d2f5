namespace Onyx;

/// <summary>The root of every exception Onyx throws for bad models, bad data or failed operations.</summary>
public class OnyxException : Exception
{
    /// <summary>Creates an exception with a message that says where and what was expected.</summary>
    public OnyxException(string message) : base(message) { }

    /// <summary>Creates an exception that wraps the failure that caused it.</summary>
    public OnyxException(string message, Exception inner) : base(message, inner) { }
}
