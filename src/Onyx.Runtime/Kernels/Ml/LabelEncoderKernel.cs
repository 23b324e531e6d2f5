using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// LabelEncoder (Operators-ml.md; Changelog-ml.md for versions 1 and 2). Version 1 maps strings to their index in
/// 'classes_strings' and int64 indices back to those strings. Versions 2 and 4 map each key of the one keys_*
/// attribute set to the value at the same position of the one values_* attribute set (version 4 adds the *_tensor
/// forms and int16, int32 and double), and unknown keys to the default_* that matches the values.
/// </summary>
internal static class LabelEncoderKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        new(OperatorDomains.Ml, "LabelEncoder", 1, 1, CreateClassIndex),
        new(OperatorDomains.Ml, "LabelEncoder", 2, int.MaxValue, CreateKeyValue),
    ];

    private static Kernel CreateClassIndex(KernelNode node)
    {
        string[] classes = [.. node.Attributes.Strings("classes_strings") ?? throw node.Fail("attribute 'classes_strings' is required")];
        long[] indices = [.. Enumerable.Range(0, classes.Length).Select(i => (long)i)];
        return new StringIntLookup(
            EncoderLookup<string, long>.Create(node, classes, indices, node.Attributes.Int("default_int64", -1), DataType.String, "classes_strings", lastKeyWins: false),
            EncoderLookup<long, string>.Create(node, indices, classes, node.Attributes.String("default_string", "_Unused"), DataType.Int64, "classes_strings", lastKeyWins: false));
    }

    private static Kernel CreateKeyValue(KernelNode node)
    {
        bool tensorForms = node.Version >= 4;
        (Array keys, DataType keyType, string keysAttribute) = List(node, "keys", tensorForms);
        (Array values, DataType valueType, string valuesAttribute) = List(node, "values", tensorForms);
        object fallback = Default(node, valueType, valuesAttribute);
        // The spec of version 4 lets a repeated key take its last value; version 2 says nothing, and the same rule serves.
        return keys switch
        {
            string[] k => WithKeys(node, k, keyType, keysAttribute, values, fallback),
            long[] k => WithKeys(node, k, keyType, keysAttribute, values, fallback),
            int[] k => WithKeys(node, k, keyType, keysAttribute, values, fallback),
            short[] k => WithKeys(node, k, keyType, keysAttribute, values, fallback),
            float[] k => WithKeys(node, k, keyType, keysAttribute, values, fallback),
            double[] k => WithKeys(node, k, keyType, keysAttribute, values, fallback),
            _ => throw node.Fail($"attribute '{keysAttribute}' has element type {keyType.TypeName()}, which LabelEncoder does not accept"),
        };
    }

    private static Kernel WithKeys<TKey>(KernelNode node, TKey[] keys, DataType keyType, string keysAttribute, Array values, object fallback)
        where TKey : notnull => values switch
    {
        string[] v => EncoderLookup<TKey, string>.Create(node, keys, v, (string)fallback, keyType, keysAttribute, lastKeyWins: true),
        long[] v => EncoderLookup<TKey, long>.Create(node, keys, v, (long)fallback, keyType, keysAttribute, lastKeyWins: true),
        int[] v => EncoderLookup<TKey, int>.Create(node, keys, v, (int)fallback, keyType, keysAttribute, lastKeyWins: true),
        short[] v => EncoderLookup<TKey, short>.Create(node, keys, v, (short)fallback, keyType, keysAttribute, lastKeyWins: true),
        float[] v => EncoderLookup<TKey, float>.Create(node, keys, v, (float)fallback, keyType, keysAttribute, lastKeyWins: true),
        double[] v => EncoderLookup<TKey, double>.Create(node, keys, v, (double)fallback, keyType, keysAttribute, lastKeyWins: true),
        _ => throw new InvalidOperationException("List only returns encoder element types"),
    };

    /// <summary>The one keys_* or values_* attribute set: its elements, their type and the attribute's name.</summary>
    private static (Array Values, DataType Type, string Attribute) List(KernelNode node, string prefix, bool tensorForms)
    {
        NodeAttributes attributes = node.Attributes;
        string[] names = tensorForms
            ? [$"{prefix}_strings", $"{prefix}_int64s", $"{prefix}_floats", $"{prefix}_tensor"]
            : [$"{prefix}_strings", $"{prefix}_int64s", $"{prefix}_floats"];
        string[] set = [.. names.Where(attributes.IsSet)];
        if (set.Length != 1)
            throw node.Fail($"exactly one of the attributes {string.Join(", ", names.Select(n => $"'{n}'"))} must be set; found {set.Length}");
        string name = set[0];
        if (name.EndsWith("_strings", StringComparison.Ordinal))
            return (attributes.Strings(name)!.ToArray(), DataType.String, name);
        if (name.EndsWith("_int64s", StringComparison.Ordinal))
            return (attributes.Ints(name)!.ToArray(), DataType.Int64, name);
        if (name.EndsWith("_floats", StringComparison.Ordinal))
            return (attributes.Floats(name)!.ToArray(), DataType.Float, name);
        Tensor tensor = attributes.Tensor(name)!;
        if (tensor.Dims.Length != 1)
            throw node.Fail($"attribute '{name}' has shape [{string.Join(",", tensor.Dims)}]; it must be a 1-D tensor");
        Array elements = MlTypedTensors.ReadAny(tensor)
            ?? throw node.Fail($"attribute '{name}' has element type {tensor.DataType.TypeName()}; expected string, int64, int32, int16, float or double");
        return (elements, tensor.DataType, name);
    }

    /// <summary>
    /// The value for keys the table lacks: default_tensor for values_tensor (one element of the values' type; when
    /// absent, "_Unused" for strings, -1 for integers and -0.0 for reals), else the default_* of the values' type.
    /// </summary>
    private static object Default(KernelNode node, DataType valueType, string valuesAttribute)
    {
        NodeAttributes attributes = node.Attributes;
        if (valuesAttribute != "values_tensor")
        {
            return valueType switch
            {
                DataType.String => attributes.String("default_string", "_Unused"),
                DataType.Int64 => attributes.Int("default_int64", -1),
                _ => attributes.Float("default_float", -0.0f),
            };
        }
        if (attributes.Tensor("default_tensor") is not { } tensor)
        {
            return valueType switch
            {
                DataType.String => "_Unused",
                DataType.Int64 => -1L,
                DataType.Int32 => -1,
                DataType.Int16 => (short)-1,
                DataType.Float => -0.0f,
                _ => -0.0,
            };
        }
        if (tensor.DataType != valueType || tensor.ElementCount != 1)
            throw node.Fail($"attribute 'default_tensor' must hold one {valueType.TypeName()} like 'values_tensor'; it is {tensor.DataType.TypeName()} of shape [{string.Join(",", tensor.Dims)}]");
        return MlTypedTensors.ReadAny(tensor)!.GetValue(0)!;
    }
}
