namespace Onyx;

/// <summary>Where a tensor's values are stored. Mirrors <c>TensorProto.DataLocation</c>.</summary>
public enum TensorDataLocation
{
    /// <summary>Inside the model (raw_data or a typed field).</summary>
    Default = 0,
    /// <summary>In an external file named by the tensor's external-data entries.</summary>
    External = 1,
}
