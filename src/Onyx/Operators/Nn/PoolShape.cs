namespace Onyx.Operators;

/// <summary>The output shapes of the pools: windowed (AveragePool, MaxPool, LpPool) and global.</summary>
internal static class PoolShape
{
    /// <summary>Y, and MaxPool's int64 Indices, are (N × C × out1 … outn), each outi from the sliding window over Di.</summary>
    public static void InferWindowed(InferenceContext context)
    {
        Shape? input = ExpectedRank.AtLeast(context, 0, 3, "N × C × D1 …");
        Shape? output = null;
        if (input is not null)
        {
            int spatialRank = input.Rank - 2;
            SlidingWindow window = SlidingWindow.Read(context, spatialRank);
            var dims = new Dim[input.Rank];
            dims[0] = input.Dims[0];
            dims[1] = input.Dims[1];
            for (int i = 0; i < spatialRank; i++)
                dims[2 + i] = window.Output(context, i, input.Dims[2 + i]);
            output = new Shape(dims);
        }
        if (context.Schema.FindAttribute("storage_order") is not null && context.GetInt("storage_order", 0) is not (0 or 1))
            throw context.Fail($"attribute 'storage_order' is {context.GetInt("storage_order", 0)}; expected 0 (row major) or 1 (column major)");
        context.SetOutput(0, context.InputElementType(0), output);
        if (context.OutputCount > 1)
            context.SetOutput(1, DataType.Int64, output);
    }

    /// <summary>Y is (N × C × 1 … 1): every spatial axis pooled to one value.</summary>
    public static void InferGlobal(InferenceContext context)
    {
        Shape? input = ExpectedRank.AtLeast(context, 0, 2, "N × C × D1 …");
        Shape? output = null;
        if (input is not null)
        {
            var dims = new Dim[input.Rank];
            dims[0] = input.Dims[0];
            dims[1] = input.Dims[1];
            for (int i = 2; i < dims.Length; i++)
                dims[i] = new Dim(1);
            output = new Shape(dims);
        }
        context.SetOutput(0, context.InputElementType(0), output);
    }
}
