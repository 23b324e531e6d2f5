namespace Onyx.Operators;

/// <summary>Output rules of the random generators: element type from the dtype attribute, shape from an attribute or input.</summary>
internal static class RandomShapes
{
    /// <summary>RandomNormal/RandomUniform: dtype attribute and the shape attribute.</summary>
    public static void FromShapeAttribute(InferenceContext context)
    {
        IReadOnlyList<long> shape = context.GetInts("shape") ?? throw context.Fail("attribute 'shape' is required");
        var dims = new List<Dim>(shape.Count);
        foreach (long dim in shape)
        {
            if (dim < 0)
                throw context.Fail($"attribute 'shape' must not contain negative dims, found {dim}");
            dims.Add(dim);
        }
        context.SetOutput(0, (DataType)context.GetInt("dtype", (long)DataType.Float), dims);
    }

    /// <summary>*Like and Bernoulli: the input's shape; dtype attribute when given, else the input's element type.</summary>
    public static void LikeFirstInput(InferenceContext context)
    {
        long? dtype = context.GetInt("dtype");
        DataType elementType = dtype is { } value ? (DataType)value : context.InputElementType(0);
        context.SetOutput(0, elementType, context.InputShape(0));
    }

    /// <summary>Multinomial: [batch_size, sample_size] of dtype (int32 by default).</summary>
    public static void Multinomial(InferenceContext context)
    {
        Shape? input = context.InputShape(0);
        if (input is not null && input.Rank != 2)
            throw context.Fail($"input 'input' must have rank 2 [batch_size, class_size], found rank {input.Rank}");
        Dim batch = input is null ? new Dim() : input.Dims[0];
        context.SetOutput(0, (DataType)context.GetInt("dtype", (long)DataType.Int32), [batch, context.GetInt("sample_size", 1)]);
    }
}
