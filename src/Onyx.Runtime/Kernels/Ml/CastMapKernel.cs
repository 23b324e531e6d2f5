using System.Globalization;
using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// CastMap (Operators-ml.md): a map from int64 keys to strings or floats becomes a [1, L] tensor of 'cast_to''s type
/// holding the values in ascending key order. DENSE: L is the map's size. SPARSE: L is 'max_map' and each value sits
/// at the position its key names (keys must lie in [0, max_map)), the rest zero ("0" for strings). Floats become
/// strings in their shortest round-trip invariant form; strings are parsed as invariant numbers; floats become int64 by
/// truncation.
/// </summary>
internal static class CastMapKernel
{
    private enum Target { Float, String, Int64 }

    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "CastMap", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        NodeAttributes attributes = node.Attributes;
        Target target = node.Choice("cast_to", "TO_FLOAT", ("TO_FLOAT", Target.Float), ("TO_STRING", Target.String), ("TO_INT64", Target.Int64));
        bool sparse = node.Choice("map_form", "DENSE", ("DENSE", false), ("SPARSE", true));
        long maxMap = attributes.Int("max_map", 1);
        if (sparse && (maxMap <= 0 || maxMap > Array.MaxLength))
            throw node.Fail($"attribute 'max_map' is {maxMap}; a SPARSE map needs a length in [1, {Array.MaxLength}]");
        return new DelegateKernel(context =>
        {
            string name = MlTypedTensors.InputName(context, 0);
            OnnxValue map = MlTypedTensors.MapInput(context, 0);
            if (map.MapKeys.DataType != DataType.Int64 || map.MapValues.DataType is not (DataType.String or DataType.Float))
                throw context.Fail($"input 0 ('{name}') is a map({map.MapKeys.DataType.TypeName()},{map.MapValues.DataType.TypeName()}); expected map(int64,string) or map(int64,float)");
            long[] keys = map.MapKeys.ToArray<long>();
            int[] positions = Positions(context, keys, sparse, maxMap);
            int length = sparse ? (int)maxMap : keys.Length;
            string[]? strings = map.MapValues.DataType == DataType.String ? map.MapValues.ToStrings() : null;
            float[] floats = strings is null ? map.MapValues.ToArray<float>() : [];
            Tensor output = target switch
            {
                Target.Float => Place(positions, length, 0f, i => strings is null ? floats[i] : Parse<float>(context, strings[i], keys[i])),
                Target.Int64 => Place(positions, length, 0L, i => strings is null ? Truncate(context, floats[i], keys[i]) : Parse<long>(context, strings[i], keys[i])),
                _ => Place(positions, length, "0", i => strings?[i] ?? floats[i].ToString(CultureInfo.InvariantCulture)),
            };
            context.SetOutput(0, OnnxValue.FromTensor(output));
        });
    }

    /// <summary>Where each entry goes: its rank among the keys (DENSE) or its key (SPARSE, checked against max_map).</summary>
    private static int[] Positions(KernelContext context, long[] keys, bool sparse, long maxMap)
    {
        var positions = new int[keys.Length];
        if (sparse)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                positions[i] = keys[i] >= 0 && keys[i] < maxMap
                    ? (int)keys[i]
                    : throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') has the key {keys[i]}, outside [0, {maxMap - 1}] of attribute 'max_map'");
            }
            return positions;
        }
        int[] order = [.. Enumerable.Range(0, keys.Length)];
        Array.Sort(keys.ToArray(), order);
        for (int rank = 0; rank < order.Length; rank++)
            positions[order[rank]] = rank;
        return positions;
    }

    private static Tensor Place<T>(int[] positions, int length, T fill, Func<int, T> convert)
    {
        var values = new T[length];
        Array.Fill(values, fill);
        for (int i = 0; i < positions.Length; i++)
            values[positions[i]] = convert(i);
        return MlTypedTensors.Create(values, [1, length]);
    }

    private static T Parse<T>(KernelContext context, string text, long key) where T : System.Numerics.INumberBase<T> =>
        T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out T? result)
            ? result
            : throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') maps key {key} to '{text}', which is not a number of the 'cast_to' type");

    private static long Truncate(KernelContext context, float value, long key) =>
        value >= long.MinValue && value < -(float)long.MinValue
            ? (long)value
            : throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') maps key {key} to {value}, which does not fit int64");
}
