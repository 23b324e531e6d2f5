namespace Onyx.Operators;

/// <summary>Output rules of the image operators.</summary>
internal static class ImageShapes
{
    /// <summary>ImageDecoder: a uint8 [height, width, channels] image; channels is 1 for Grayscale, else 3.</summary>
    public static void ImageDecoder(InferenceContext context)
    {
        if (context.InputRank(0) is { } rank and not 1)
            throw context.Fail($"input 'encoded_stream' must be 1-D, found rank {rank}");
        string format = context.GetString("pixel_format", "RGB");
        Dim channels = format switch
        {
            "RGB" or "BGR" => 3,
            "Grayscale" => 1,
            _ => throw context.Fail($"attribute 'pixel_format' must be RGB, BGR or Grayscale, found '{format}'"),
        };
        context.SetOutput(0, DataType.UInt8, [new Dim(), new Dim(), channels]);
    }

    /// <summary>NonMaxSuppression: [num_selected_indices, 3] of (batch, class, box) triples.</summary>
    public static void NonMaxSuppression(InferenceContext context)
    {
        if (context.InputRank(0) is { } boxes and not 3)
            throw context.Fail($"input 'boxes' must have rank 3 [batch, boxes, 4], found {boxes}");
        if (context.InputRank(1) is { } scores and not 3)
            throw context.Fail($"input 'scores' must have rank 3 [batch, classes, boxes], found {scores}");
        context.SetOutput(0, DataType.Int64, [new Dim(), 3]);
    }

    /// <summary>RoiAlign: [num_rois, C, output_height, output_width].</summary>
    public static void RoiAlign(InferenceContext context)
    {
        Shape? input = context.InputShape(0);
        Shape? rois = context.InputShape(1);
        Shape? batchIndices = context.InputShape(2);
        if (input is not null && input.Rank != 4)
            throw context.Fail($"input 'X' must have rank 4 [N, C, H, W], found {input.Rank}");
        if (rois is not null && rois.Rank != 2)
            throw context.Fail($"input 'rois' must have rank 2 [num_rois, 4], found {rois.Rank}");
        if (batchIndices is not null && batchIndices.Rank != 1)
            throw context.Fail($"input 'batch_indices' must have rank 1 [num_rois], found {batchIndices.Rank}");
        Dim roiCount = (rois, batchIndices) switch
        {
            (not null, not null) => ShapeRules.Unify(context, rois.Dims[0], batchIndices.Dims[0], "num_rois of 'rois' and 'batch_indices'"),
            (not null, null) => rois.Dims[0],
            (null, not null) => batchIndices.Dims[0],
            _ => new Dim(),
        };
        context.SetOutput(0, context.InputElementType(0),
            [roiCount, input?.Dims[1] ?? new Dim(), context.GetInt("output_height", 1), context.GetInt("output_width", 1)]);
    }
}
