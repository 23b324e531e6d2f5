namespace Onyx.Operators;

/// <summary>Reads an input's shape while checking its rank against the layout the spec gives, e.g. "num_rois × 5".</summary>
internal static class ExpectedRank
{
    /// <summary>The input's shape, null when absent or of unknown rank; fails when its rank is not <paramref name="rank"/>.</summary>
    public static Shape? Exactly(InferenceContext context, int input, int rank, string layout)
    {
        Shape? shape = context.HasInput(input) ? context.InputShape(input) : null;
        if (shape is not null && shape.Rank != rank)
            throw context.Fail($"input {context.Schema.Inputs[input].Name} has rank {shape.Rank}; expected {rank} ({layout})");
        return shape;
    }

    /// <summary>The input's shape, null when absent or of unknown rank; fails when its rank is below <paramref name="rank"/>.</summary>
    public static Shape? AtLeast(InferenceContext context, int input, int rank, string layout)
    {
        Shape? shape = context.HasInput(input) ? context.InputShape(input) : null;
        if (shape is not null && shape.Rank < rank)
            throw context.Fail($"input {context.Schema.Inputs[input].Name} has rank {shape.Rank}; expected at least {rank} ({layout})");
        return shape;
    }

    /// <summary>Dim <paramref name="axis"/> of <paramref name="shape"/>, unknown when the shape is.</summary>
    public static Dim DimOf(Shape? shape, int axis) => shape is not null && axis < shape.Rank ? shape.Dims[axis] : new Dim();
}
