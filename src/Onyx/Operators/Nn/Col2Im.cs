namespace Onyx.Operators;

/// <summary>The Col2Im operator (ai.onnx).</summary>
internal static class Col2Im
{
    internal static readonly OperatorSchema V18 = new("Col2Im", 18)
    {
        Inputs =
        [
            new("input", "T"),
            new("image_shape", "tensor(int64)"),
            new("block_shape", "tensor(int64)"),
        ],
        Outputs = [new("output", "T")],
        Attributes =
        [
            new("dilations", AttributeType.Ints),
            new("pads", AttributeType.Ints),
            new("strides", AttributeType.Ints),
        ],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
        ],
        Inference = InferCol2Im,
    };

    /// <summary>
    /// The output is (N × C × image_shape…) where the input is (N × C·∏block_shape × L) and L must be the number of
    /// block positions the sliding window finds in the padded image.
    /// </summary>
    private static void InferCol2Im(InferenceContext context)
    {
        DataType type = context.InputElementType(0);
        Shape? input = ExpectedRank.Exactly(context, 0, 3, "N × C·∏block_shape × L");
        Shape? imageShape = ExpectedRank.Exactly(context, 1, 1, "one size per spatial axis");
        Shape? blockShape = ExpectedRank.Exactly(context, 2, 1, "one size per spatial axis");
        Dim[]? image = context.InputValues(1), block = context.InputValues(2);
        long? spatialRank = image?.Length ?? block?.Length ?? imageShape?.Dims[0].Value ?? blockShape?.Dims[0].Value;
        long? blockRank = block?.Length ?? blockShape?.Dims[0].Value;
        if (spatialRank is null)
        {
            context.SetOutput(0, type, (Shape?)null);
            return;
        }
        if (blockRank is long b && b != spatialRank)
            throw context.Fail($"image_shape has {spatialRank} values but block_shape has {b}");
        ShapeRules.CheckRank(context, spatialRank.Value + 2);
        int n = (int)spatialRank.Value;
        if (image is not null && Array.Exists(image, d => d.Value < 0))
            throw context.Fail($"input image_shape is [{string.Join(",", (object[])image)}]; sizes must not be negative");
        SlidingWindow window = SlidingWindow.Read(context, n, block, "block_shape");

        var dims = new Dim[n + 2];
        Dim blocks = new(1);
        for (int i = 0; i < n; i++)
        {
            dims[2 + i] = image?[i] ?? new Dim();
            blocks = ShapeRules.Multiply(context, blocks, window.Output(context, i, dims[2 + i]));
        }
        ShapeRules.Unify(context, ExpectedRank.DimOf(input, 2), blocks, "the number of blocks in input (its last dim) and the block positions in image_shape");
        Dim blockSize = block is null ? new Dim() : ShapeRules.Product(context, block);
        Dim columns = ExpectedRank.DimOf(input, 1);
        if (columns.Value is long c && blockSize.Value is long size && size > 0 && c % size != 0)
            throw context.Fail($"input has {c} values per column, which the block size {size} (the product of block_shape) does not divide");
        dims[0] = ExpectedRank.DimOf(input, 0);
        dims[1] = columns.Value is long cc && blockSize.Value is long s && s > 0 ? new Dim(cc / s) : new Dim();
        context.SetOutput(0, type, dims);
    }

    internal static OperatorSchema[] Versions => [V18];
}
