namespace Onyx.Operators;

/// <summary>The element type that Cast, CastLike, BitCast and EyeLike produce, and the integer values a cast keeps.</summary>
internal static class CastTarget
{
    /// <summary>The DataType an int attribute names; fails on an undefined type.</summary>
    public static DataType FromAttribute(InferenceContext context, long value, string attribute)
    {
        var type = (DataType)value;
        if (value is < int.MinValue or > int.MaxValue || !type.IsDefined())
            throw context.Fail($"attribute '{attribute}' is {value}, which is not a defined tensor element type");
        return type;
    }

    /// <summary>The DataType a Cast-1 type name names (e.g. "FLOAT", "INT64"); fails on an unknown name.</summary>
    public static DataType FromName(InferenceContext context, string name)
    {
        for (var type = DataType.Undefined + 1; (int)type <= DataTypes.MaxDefined; type++)
            if (string.Equals(type.ProtoName(), name, StringComparison.OrdinalIgnoreCase))
                return type;
        throw context.Fail($"attribute 'to' is '{name}', which is not a tensor element type name");
    }

    /// <summary>
    /// Integer values survive a cast to an integer type that holds them all (shape arithmetic through Cast); casts to
    /// or from real types fold known values (<see cref="RealFolding.Cast"/>).
    /// </summary>
    public static void PropagateValues(InferenceContext context, DataType target)
    {
        if (!RealFolding.IsReal(target) && context.InputValues(0) is { } values)
            PropagateValues(context, target, values);
        else
            RealFolding.Cast(context, target);
    }

    /// <summary>Records <paramref name="values"/> as the output's when the integer type <paramref name="target"/> holds them all.</summary>
    public static void PropagateValues(InferenceContext context, DataType target, Dim[] values)
    {
        if (!Range(target, out long min, out long max))
            return;
        foreach (Dim d in values)
            if (d.Value is long v && (v < min || v > max))
                return;
        context.SetOutputValues(0, values);
    }

    /// <summary>True for the integer types whose values propagate.</summary>
    public static bool IsInteger(DataType type) => Range(type, out _, out _);

    private static bool Range(DataType type, out long min, out long max)
    {
        (min, max) = type switch
        {
            DataType.Int64 => (long.MinValue, long.MaxValue),
            DataType.Int32 => (int.MinValue, int.MaxValue),
            DataType.Int16 => (short.MinValue, short.MaxValue),
            DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            DataType.UInt32 => (0, uint.MaxValue),
            DataType.UInt16 => (0, ushort.MaxValue),
            DataType.UInt8 => (0, byte.MaxValue),
            _ => (1, 0),
        };
        return min <= max;
    }
}
