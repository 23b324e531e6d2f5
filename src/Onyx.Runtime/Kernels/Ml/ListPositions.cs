namespace Onyx.Runtime.Kernels.Ml;

/// <summary>The position of each entry of a list attribute (categories, vocabulary, class labels), which must be distinct.</summary>
internal static class ListPositions
{
    public static Dictionary<TKey, int> Of<TKey>(KernelNode node, string attribute, IReadOnlyList<TKey> entries) where TKey : notnull
    {
        var positions = new Dictionary<TKey, int>(entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            if (!positions.TryAdd(entries[i], i))
                throw node.Fail($"attribute '{attribute}' lists '{entries[i]}' twice; its entries must be distinct");
        }
        return positions;
    }
}
