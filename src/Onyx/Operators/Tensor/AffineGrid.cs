namespace Onyx.Operators;

/// <summary>The AffineGrid operator (ai.onnx).</summary>
internal static partial class AffineGrid
{
    internal static readonly OperatorSchema V20 = new("AffineGrid", 20)
    {
        Inference = InferAffineGrid,
        Inputs =
        [
            new("theta", "T1"),
            new("size", "T2"),
        ],
        Outputs = [new("grid", "T1")],
        Attributes = [new("align_corners", 0L)],
        TypeConstraints =
        [
            new("T1", "tensor(bfloat16), tensor(float16), tensor(float), tensor(double)"),
            new("T2", "tensor(int64)"),
        ],
        FunctionBody = AffineGrid.BodyV20,
    };

    /// <summary>size (N, C, H, W) gives a grid (N, H, W, 2); size (N, C, D, H, W) gives (N, D, H, W, 3). theta is (N, 2, 3) or (N, 3, 4).</summary>
    private static void InferAffineGrid(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        IntegerInputs.CheckInputRank(context, 0, 3, "theta");
        IntegerInputs.CheckInputRank(context, 1, 1, "size");
        Shape? theta = context.InputShape(0);
        long? sizeLength = IntegerInputs.Length(context, 1);
        if (sizeLength is long length && length is not (4 or 5))
            throw context.Fail($"input 'size' must have 4 (N, C, H, W) or 5 (N, C, D, H, W) elements, found {length}");
        long? spatial = sizeLength - 2 ?? theta?.Dims[1].Value;
        if (spatial is not (2 or 3))
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        if (theta is not null && (theta.Dims[1].Value is long rows && rows != spatial || theta.Dims[2].Value is long columns && columns != spatial + 1))
            throw context.Fail($"'theta' must have shape (N, {spatial}, {spatial + 1}) for a {spatial}-D grid, found {theta}");
        Dim[] size = context.InputValues(1) ?? ShapeRules.UnknownShape(context, spatial.Value + 2).Dims.ToArray();
        var dims = new List<Dim> { theta is null ? size[0] : ShapeRules.Unify(context, theta.Dims[0], size[0], "the batch dims of 'theta' and 'size'") };
        dims.AddRange(size[2..]);
        dims.Add(spatial.Value);
        context.SetOutput(0, elementType, dims);
    }

    internal static OperatorSchema[] Versions => [V20];
}
