using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// OneHotEncoder (Operators-ml.md): each element of X becomes a row of one float per category, 1 at its category's
/// position, so Y has X's shape plus a last axis of the category count. Strings use 'cats_strings'; int64, int32,
/// float and double use 'cats_int64s' (a real matches only the integer it equals). With zeros = 0 a value of no
/// category fails the run; otherwise its row stays all zeros.
/// </summary>
internal static class OneHotEncoderKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "OneHotEncoder", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        NodeAttributes attributes = node.Attributes;
        bool strings = attributes.IsSet("cats_strings");
        if (strings == attributes.IsSet("cats_int64s"))
            throw node.Fail("exactly one of the attributes 'cats_int64s' and 'cats_strings' must be set, to give the categories");
        string list = strings ? "cats_strings" : "cats_int64s";
        Dictionary<string, int> stringCategories = ListPositions.Of(node, list, attributes.Strings("cats_strings") ?? []);
        Dictionary<long, int> integerCategories = ListPositions.Of(node, list, attributes.Ints("cats_int64s") ?? []);
        int categories = strings ? stringCategories.Count : integerCategories.Count;
        if (categories == 0)
            throw node.Fail($"attribute '{list}' must list at least one category");
        bool unknownGivesZeros = attributes.Int("zeros", 1) != 0;
        return new DelegateKernel(context =>
        {
            Tensor x = context.Tensor(0);
            string name = MlTypedTensors.InputName(context, 0);
            if ((x.DataType == DataType.String) != strings)
                throw context.Fail($"input 0 ('{name}') is {x.DataType.TypeName()}, but the categories are given by '{list}'");
            int[] positions = strings
                ? Array.ConvertAll(x.ToStrings(), value => Find(stringCategories, value))
                : x.DataType == DataType.Int64
                    ? Array.ConvertAll(x.ToArray<long>(), value => Find(integerCategories, value))
                    : Array.ConvertAll(MlTypedTensors.ReadReals(context, x, 0), value => FindReal(integerCategories, value));
            Span<float> y = context.Output<float>(0, DataType.Float, [.. x.Dims, categories]);
            for (int i = 0; i < positions.Length; i++)
            {
                if (positions[i] >= 0)
                    y[i * categories + positions[i]] = 1;
                else if (!unknownGivesZeros)
                    throw context.Fail($"input 0 ('{name}') holds a value of no category at flat index {i}, and attribute 'zeros' is 0");
            }
        });
    }

    private static int FindReal(Dictionary<long, int> categories, double value) =>
        value == System.Math.Floor(value) && value >= long.MinValue && value < -(double)long.MinValue ? Find(categories, (long)value) : -1;

    private static int Find<TKey>(Dictionary<TKey, int> categories, TKey key) where TKey : notnull =>
        categories.TryGetValue(key, out int position) ? position : -1;
}
