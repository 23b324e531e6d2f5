namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// CategoryMapper (Operators-ml.md): 'cats_strings'[i] and 'cats_int64s'[i] name each other; a string input maps to
/// int64 (default_int64 for strings not listed) and an int64 input to strings (default_string). The two lists must
/// have one length and no entry twice, as each direction reads one of them as keys.
/// </summary>
internal static class CategoryMapperKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "CategoryMapper", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        string[] strings = node.Attributes.Strings("cats_strings")?.ToArray() ?? [];
        long[] ints = node.Attributes.Ints("cats_int64s")?.ToArray() ?? [];
        if (strings.Length != ints.Length)
            throw node.Fail($"attributes 'cats_strings' ({strings.Length}) and 'cats_int64s' ({ints.Length}) must have the same length");
        return new StringIntLookup(
            EncoderLookup<string, long>.Create(node, strings, ints, node.Attributes.Int("default_int64", -1), DataType.String, "cats_strings", lastKeyWins: false),
            EncoderLookup<long, string>.Create(node, ints, strings, node.Attributes.String("default_string", "_Unused"), DataType.Int64, "cats_int64s", lastKeyWins: false));
    }
}
