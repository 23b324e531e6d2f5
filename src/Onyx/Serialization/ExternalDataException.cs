namespace Onyx;

/// <summary>A tensor's external data cannot be used: its reference is malformed, escapes the model's folder, or does not fit the file.</summary>
public sealed class ExternalDataException(string tensorName, string location, string problem)
    : OnyxException($"tensor '{tensorName}': external data '{location}': {problem}")
{
    /// <summary>The tensor whose data was being resolved.</summary>
    public string TensorName { get; } = tensorName;

    /// <summary>The location as the model gave it.</summary>
    public string Location { get; } = location;
}
