namespace Onyx.Operators;

/// <summary>The GridSample operator (ai.onnx).</summary>
internal static class GridSample
{
    internal static readonly OperatorSchema V16 = new("GridSample", 16)
    {
        Inference = InferGridSample,
        Inputs =
        [
            new("X", "T1"),
            new("grid", "T2"),
        ],
        Outputs = [new("Y", "T1")],
        Attributes =
        [
            new("align_corners", 0L),
            new("mode", "bilinear"),
            new("padding_mode", "zeros"),
        ],
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    internal static readonly OperatorSchema V20 = V16 with
    {
        SinceVersion = 20,
        Attributes =
        [
            new("align_corners", 0L),
            new("mode", "linear"),
            new("padding_mode", "zeros"),
        ],
    };

    internal static readonly OperatorSchema V22 = V20 with
    {
        SinceVersion = 22,
        TypeConstraints =
        [
            new("T1", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("T2", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
        ],
    };

    /// <summary>X [N, C, D1…] and grid [N, O1…, rank − 2] give [N, C, O1…]; X and grid have the same rank (4 before version 20).</summary>
    private static void InferGridSample(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        Shape? x = context.InputShape(0), grid = context.InputShape(1);
        if (x is null || grid is null)
        {
            Shape? known = x ?? grid;
            context.SetOutput(0, elementType, known is null ? null : ShapeRules.UnknownShape(context, known.Rank));
            return;
        }
        if (x.Rank != grid.Rank || x.Rank < 3)
            throw context.Fail($"'X' {x} and 'grid' {grid} must have the same rank, at least 3");
        if (context.Schema.SinceVersion < 20 && x.Rank != 4)
            throw context.Fail($"'X' must be 4-D before version 20, found {x}");
        if (grid.Dims[^1].Value is long last && last != x.Rank - 2)
            throw context.Fail($"the last dim of 'grid' must be {x.Rank - 2} (the number of spatial dims), found {last}");
        var dims = new Dim[x.Rank];
        dims[0] = ShapeRules.Unify(context, x.Dims[0], grid.Dims[0], "the batch dims of 'X' and 'grid'");
        dims[1] = x.Dims[1];
        for (int i = 2; i < dims.Length; i++)
            dims[i] = grid.Dims[i - 1];
        context.SetOutput(0, elementType, dims);
    }

    internal static OperatorSchema[] Versions => [V16, V20, V22];
}
