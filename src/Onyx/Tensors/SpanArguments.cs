namespace Onyx;

/// <summary>Argument checks shared by the bulk span conversions.</summary>
internal static class SpanArguments
{
    /// <summary>Throws <see cref="ArgumentException"/> unless source and destination have the same length.</summary>
    public static void EnsureSameLength(int sourceLength, int destinationLength)
    {
        if (sourceLength != destinationLength)
        {
            throw new ArgumentException(
                $"The destination holds {destinationLength} elements but the source has {sourceLength}.",
                "destination");
        }
    }
}
