using System.Globalization;

namespace Onyx;

/// <summary>
/// The parsed external-data entries of a tensor (<c>location</c>, <c>offset</c>, <c>length</c>, <c>checksum</c>),
/// as onnx.proto defines them. Other keys are ignored.
/// </summary>
public sealed record ExternalDataReference(string Location, long Offset, long? Length, string? Checksum)
{
    /// <summary>Parses the entries of <paramref name="tensor"/>.</summary>
    /// <exception cref="ExternalDataException">The location is missing, or an offset or length is not a non-negative integer.</exception>
    public static ExternalDataReference Parse(Tensor tensor)
    {
        string? location = null, checksum = null;
        long offset = 0;
        long? length = null;
        foreach (MetadataEntry entry in tensor.ExternalData)
        {
            switch (entry.Key)
            {
                case "location": location = entry.Value; break;
                case "offset": offset = ParseSize(tensor, location, entry); break;
                case "length": length = ParseSize(tensor, location, entry); break;
                case "checksum": checksum = entry.Value; break;
            }
        }
        if (string.IsNullOrEmpty(location))
            throw new ExternalDataException(tensor.Name, "", "the 'location' entry is missing or empty");
        return new ExternalDataReference(location, offset, length, checksum);
    }

    /// <summary>The entries that describe this reference, in the order onnx writes them.</summary>
    public IEnumerable<MetadataEntry> ToEntries()
    {
        yield return new MetadataEntry("location", Location);
        yield return new MetadataEntry("offset", Offset.ToString(CultureInfo.InvariantCulture));
        if (Length is { } length)
            yield return new MetadataEntry("length", length.ToString(CultureInfo.InvariantCulture));
        if (Checksum is not null)
            yield return new MetadataEntry("checksum", Checksum);
    }

    private static long ParseSize(Tensor tensor, string? location, MetadataEntry entry)
    {
        if (!long.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            throw new ExternalDataException(tensor.Name, location ?? "", $"'{entry.Key}' is '{entry.Value}', not a non-negative integer");
        return value;
    }
}
