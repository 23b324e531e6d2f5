using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// DictVectorizer (Operators-ml.md): a map becomes the 1-D tensor of its values placed at the positions of their keys
/// in the one vocabulary set ('string_vocabulary' for string keys, 'int64_vocabulary' for int64 keys); positions no
/// key names stay zero (empty strings for string values). Every key must be in the vocabulary.
/// </summary>
internal static class DictVectorizerKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "DictVectorizer", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        NodeAttributes attributes = node.Attributes;
        bool strings = attributes.IsSet("string_vocabulary");
        if (strings == attributes.IsSet("int64_vocabulary"))
            throw node.Fail("exactly one of the attributes 'string_vocabulary' and 'int64_vocabulary' must be set");
        string vocabulary = strings ? "string_vocabulary" : "int64_vocabulary";
        Dictionary<string, int> stringPositions = ListPositions.Of(node, vocabulary, attributes.Strings("string_vocabulary") ?? []);
        Dictionary<long, int> integerPositions = ListPositions.Of(node, vocabulary, attributes.Ints("int64_vocabulary") ?? []);
        int length = strings ? stringPositions.Count : integerPositions.Count;
        return new DelegateKernel(context =>
        {
            string name = MlTypedTensors.InputName(context, 0);
            OnnxValue map = MlTypedTensors.MapInput(context, 0);
            Tensor keys = map.MapKeys, values = map.MapValues;
            if (keys.DataType != (strings ? DataType.String : DataType.Int64))
                throw context.Fail($"input 0 ('{name}') has {keys.DataType.TypeName()} keys, but attribute '{vocabulary}' is set");
            if (values.DataType is not (DataType.Int64 or DataType.Float or DataType.Double or DataType.String))
                throw context.Fail($"input 0 ('{name}') has {values.DataType.TypeName()} values; expected int64, float, double or string");
            int[] positions = strings
                ? Array.ConvertAll(keys.ToStrings(), key => Find(context, stringPositions, key, vocabulary))
                : Array.ConvertAll(keys.ToArray<long>(), key => Find(context, integerPositions, key, vocabulary));
            var source = new IndexedSource(values);
            var output = new IndexedTarget(values.DataType, length);
            for (int i = 0; i < positions.Length; i++)
                output.Copy(source, i, positions[i], 1);
            context.SetOutput(0, OnnxValue.FromTensor(output.ToTensor([length])));
        });
    }

    private static int Find<TKey>(KernelContext context, Dictionary<TKey, int> positions, TKey key, string vocabulary) where TKey : notnull =>
        positions.TryGetValue(key, out int position)
            ? position
            : throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') has the key '{key}', which attribute '{vocabulary}' does not list");
}
