namespace Onyx.Operators;

/// <summary>The Tile operator (ai.onnx).</summary>
internal static class Tile
{
    internal static readonly OperatorSchema V1 = new("Tile", 1)
    {
        Inference = InferTile,
        Inputs =
        [
            new("input", "T"),
            new("tiles", "T"),
            new("axis", "T"),
        ],
        Outputs = [new("output", "T")],
        TypeConstraints =
        [
            new("T", "tensor(float16), tensor(float), tensor(double)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V6 = V1 with
    {
        Inference = InferTileRepeats,
        SinceVersion = 6,
        Inputs =
        [
            new("input", "T"),
            new("repeats", "T1"),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T1", "tensor(int64)"),
        ],
    };

    internal static readonly OperatorSchema V13 = V6 with
    {
        SinceVersion = 13,
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T1", "tensor(int64)"),
        ],
    };

    /// <summary>Version 1: the input with dim 'axis' multiplied by 'tiles' (two scalar inputs).</summary>
    private static void InferTile(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        if (IntegerInputs.KnownReals(context, 1) is not [double tiles] || IntegerInputs.KnownReals(context, 2) is not [double axis])
        {
            context.SetOutput(0, elementType, ShapeRules.UnknownShape(context, input.Rank));
            return;
        }
        int at = ShapeRules.Axis(context, (long)axis, input.Rank, "input 'axis'");
        if (!(tiles >= 0 && tiles < long.MaxValue))
            throw context.Fail($"input 'tiles' must be non-negative, found {tiles}");
        Dim[] dims = [.. input.Dims];
        dims[at] = ShapeRules.Multiply(context, dims[at], (long)tiles);
        context.SetOutput(0, elementType, dims);
    }

    /// <summary>Since version 6: dim i is multiplied by repeats[i]; repeats is 1-D with one element per input dim.</summary>
    private static void InferTileRepeats(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        IntegerInputs.CheckInputRank(context, 1, 1, "repeats");
        Shape? input = context.InputShape(0);
        long? length = IntegerInputs.Length(context, 1);
        if (input is not null && length is long count && count != input.Rank)
            throw context.Fail($"input 'repeats' has {count} elements, but the input has rank {input.Rank}");
        if (input is null)
        {
            context.SetOutput(0, elementType, length is long rank ? ShapeRules.UnknownShape(context, rank) : null);
            return;
        }
        Dim[] dims = [.. input.Dims];
        if (context.InputValues(1) is { } repeats)
            for (int i = 0; i < dims.Length; i++)
                dims[i] = repeats[i].Value < 0
                    ? throw context.Fail($"input 'repeats' element {i} is negative ({repeats[i]})")
                    : ShapeRules.Multiply(context, dims[i], repeats[i]);
        else
            dims = ShapeRules.UnknownShape(context, input.Rank).Dims.ToArray();
        context.SetOutput(0, elementType, dims);
    }

    internal static OperatorSchema[] Versions => [V1, V6, V13];
}
