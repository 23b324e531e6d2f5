using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// A table from keys to values built from two parallel attribute lists, as LabelEncoder and CategoryMapper define
/// it: each input element becomes the value of its key, or the default when the table has no such key; the shape is
/// kept. Float keys use .NET equality, so a NaN key matches every NaN input (LabelEncoder-4; version 2's "bit-wise"
/// comparison serves the same end) and -0 matches 0.
/// </summary>
internal sealed class EncoderLookup<TKey, TValue> : Kernel where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _table;
    private readonly TValue _fallback;
    private readonly DataType _keyType;

    private EncoderLookup(Dictionary<TKey, TValue> table, TValue fallback, DataType keyType)
    {
        _table = table;
        _fallback = fallback;
        _keyType = keyType;
    }

    /// <summary>
    /// The table of <paramref name="keys"/>[i] to <paramref name="values"/>[i]. A key given twice keeps its last value
    /// when <paramref name="lastKeyWins"/> (LabelEncoder-4: "the last key takes precedence") and fails the node
    /// otherwise, naming <paramref name="keysAttribute"/>.
    /// </summary>
    public static EncoderLookup<TKey, TValue> Create(KernelNode node, TKey[] keys, TValue[] values, TValue fallback, DataType keyType,
        string keysAttribute, bool lastKeyWins)
    {
        if (keys.Length != values.Length)
            throw node.Fail($"attribute '{keysAttribute}' has {keys.Length} keys but the values have {values.Length}; they must be parallel lists of one length");
        var table = new Dictionary<TKey, TValue>(keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            if (!lastKeyWins && table.ContainsKey(keys[i]))
                throw node.Fail($"attribute '{keysAttribute}' lists the key '{keys[i]}' twice");
            table[keys[i]] = values[i];
        }
        return new EncoderLookup<TKey, TValue>(table, fallback, keyType);
    }

    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        if (x.DataType != _keyType)
            throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') is {x.DataType.TypeName()}, but the keys are {_keyType.TypeName()}");
        TKey[] keys = MlTypedTensors.Read<TKey>(x);
        var values = new TValue[keys.Length];
        for (int i = 0; i < keys.Length; i++)
            values[i] = _table.TryGetValue(keys[i], out TValue? value) ? value : _fallback;
        context.SetOutput(0, OnnxValue.FromTensor(MlTypedTensors.Create(values, x.Dims)));
    }
}

/// <summary>
/// LabelEncoder-1 and CategoryMapper: strings to int64 or int64 to strings, the direction chosen by the input's
/// element type.
/// </summary>
internal sealed class StringIntLookup(EncoderLookup<string, long> toInt, EncoderLookup<long, string> toString) : Kernel
{
    public override void Run(KernelContext context)
    {
        Tensor x = context.Tensor(0);
        Kernel direction = x.DataType switch
        {
            DataType.String => toInt,
            DataType.Int64 => toString,
            _ => throw context.Fail($"input 0 ('{MlTypedTensors.InputName(context, 0)}') is {x.DataType.TypeName()}; expected string or int64"),
        };
        direction.Run(context);
    }
}
