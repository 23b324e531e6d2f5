namespace Onyx.Operators;

/// <summary>Inference for the sequence and optional operators.</summary>
internal static class Sequences
{
    /// <summary>The element type of a sequence input, or null when unknown.</summary>
    private static TypeInfo? ElementOf(InferenceContext context, int input) => context.InputType(input) switch
    {
        SequenceTypeInfo sequence => sequence.ElementType,
        null => null,
        var other => throw context.Fail($"input {input} must be a sequence, found {other}"),
    };

    /// <summary>The shape both tensors fit: dims that differ become unknown; differing ranks give an unknown rank.</summary>
    public static Shape? Merge(Shape? a, Shape? b)
    {
        if (a is null || b is null || a.Rank != b.Rank)
            return null;
        var dims = new Dim[a.Rank];
        for (int i = 0; i < dims.Length; i++)
            dims[i] = Same(a.Dims[i], b.Dims[i]) ? a.Dims[i] : new Dim();
        return new Shape(dims);
    }

    /// <summary>Two dims denote the same size when both are the same known size or the same symbol.</summary>
    private static bool Same(Dim a, Dim b) =>
        a.Value is long x ? b.Value == x : a.Param is { } p && b.Param == p;

    public static void InferConstruct(InferenceContext context)
    {
        var elementType = context.InputElementType(0);
        Shape? shape = context.InputShape(0);
        for (int i = 1; i < context.Node.Inputs.Count; i++)
        {
            if (context.InputElementType(i) != elementType && context.InputElementType(i) != DataType.Undefined && elementType != DataType.Undefined)
                throw context.Fail($"input {i} has element type {context.InputElementType(i)}, but input 0 has {elementType}");
            shape = Merge(shape, context.InputShape(i));
        }
        context.SetOutputType(0, TypeInfo.Sequence(new TensorTypeInfo(elementType, shape)));
    }

    public static void InferEmpty(InferenceContext context) =>
        context.SetOutputType(0, TypeInfo.Sequence(TypeInfo.Tensor((DataType)context.GetInt("dtype", (long)DataType.Float))));

    public static void InferAt(InferenceContext context) => context.SetOutputType(0, ElementOf(context, 0));

    public static void InferSameSequence(InferenceContext context) => context.SetOutputType(0, context.InputType(0));

    public static void InferInsert(InferenceContext context)
    {
        DataType tensorType = context.InputElementType(1);
        if (ElementOf(context, 0) is TensorTypeInfo element)
        {
            // The spec: 'tensor' must have the same data type as 'input_sequence'.
            if (tensorType != DataType.Undefined && element.ElementType != DataType.Undefined && tensorType != element.ElementType)
                throw context.Fail($"input 'tensor' has element type {tensorType.TypeName()}, but the sequence holds {element.ElementType.TypeName()}");
            context.SetOutputType(0, TypeInfo.Sequence(new TensorTypeInfo(element.ElementType, Merge(element.Shape, context.InputShape(1)))));
        }
        else
            context.SetOutputType(0, TypeInfo.Sequence(TypeInfo.Tensor(tensorType)));
    }

    public static void InferLength(InferenceContext context) => context.SetOutput(0, DataType.Int64, new Shape());

    /// <summary>
    /// ConcatFromSequence: the elements' shape with the concatenation axis (a new one with new_axis) of unknown size,
    /// since the spec requires the elements to agree on every other dim.
    /// </summary>
    public static void InferConcat(InferenceContext context)
    {
        if (ElementOf(context, 0) is not TensorTypeInfo element)
            return;
        Shape? shape = null;
        if (element.Shape is { } elementShape)
        {
            long newAxis = context.GetInt("new_axis", 0);
            if (newAxis is not (0 or 1))
                throw context.Fail($"attribute 'new_axis' must be 0 or 1, found {newAxis}");
            var dims = new List<Dim>(elementShape.Dims);
            long axisAttribute = context.GetInt("axis") ?? throw context.Fail("attribute 'axis' is required");
            int axis = ShapeRules.Axis(context, axisAttribute, dims.Count + (int)newAxis);
            if (newAxis == 1)
                dims.Insert(axis, new Dim());
            else
                dims[axis] = new Dim();
            shape = new Shape(dims);
        }
        context.SetOutput(0, element.ElementType, shape);
    }

    /// <summary>
    /// SplitToSequence: each chunk has the input's dims but along the split axis, where it has the size every chunk
    /// shares (1 without a split input; dropped when keepdims is 0 there), or an unknown one.
    /// </summary>
    public static void InferSplit(InferenceContext context)
    {
        Shape? chunk = null;
        if (context.InputShape(0) is { } shape)
        {
            int axis = ShapeRules.Axis(context, context.GetInt("axis", 0), shape.Rank);
            var dims = new List<Dim>(shape.Dims);
            if (context.HasInput(1))
                dims[axis] = ChunkSize(context, shape.Dims[axis]);
            else if (context.GetInt("keepdims", 1) != 0)
                dims[axis] = new Dim(1);
            else
                dims.RemoveAt(axis);
            chunk = new Shape(dims);
        }
        context.SetOutputType(0, TypeInfo.Sequence(new TensorTypeInfo(context.InputElementType(0), chunk)));
    }

    /// <summary>The size of every chunk along the split axis when the split input makes them all equal; unknown otherwise.</summary>
    private static Dim ChunkSize(InferenceContext context, Dim axisSize)
    {
        if (context.InputValues(1) is not { } split || context.InputRank(1) is not int rank || Array.Exists(split, d => d.Value is null))
            return new Dim();
        if (split.Length == 0)
            throw context.Fail("input 'split' must not be empty");
        if (rank == 0)
        {
            // A scalar split gives chunks of that size, the last one smaller when it does not divide the axis.
            long size = split[0].Value!.Value;
            if (size <= 0)
                throw context.Fail($"a scalar input 'split' must be positive, found {size}");
            return axisSize.Value is long n && n % size == 0 ? split[0] : new Dim();
        }
        Dim total = new(0);
        foreach (Dim length in split)
        {
            if (length.Value < 0)
                throw context.Fail($"input 'split' has a negative length {length.Value}");
            total = ShapeRules.Add(context, total, length);
        }
        if (axisSize.Value is long axisLength && total.Value != axisLength)
            throw context.Fail($"input 'split' sums to {total.Value}, but the split axis has size {axisLength}");
        return Array.TrueForAll(split, d => d.Value == split[0].Value) ? split[0] : new Dim();
    }

    public static void InferOptional(InferenceContext context)
    {
        var element = context.HasInput(0) ? context.InputType(0) : context.GetTypeProto("type") ?? throw context.Fail("attribute 'type' is required when there is no input");
        context.SetOutputType(0, TypeInfo.Optional(element!));
    }

    public static void InferHasElement(InferenceContext context) => context.SetOutput(0, DataType.Bool, new Shape());

    public static void InferGetElement(InferenceContext context) =>
        context.SetOutputType(0, context.InputType(0) is OptionalTypeInfo optional ? optional.ElementType : context.InputType(0));

    /// <summary>SequenceMap: the body sees one element of each sequence input (tensors as they are) and each output collects its results.</summary>
    public static void InferMap(InferenceContext context)
    {
        var bodyInputs = new List<TypeInfo?>();
        for (int i = 0; i < context.Node.Inputs.Count; i++)
            bodyInputs.Add(context.InputType(i) is SequenceTypeInfo sequence ? sequence.ElementType : context.InputType(i));
        var bodyOutputs = context.InferSubgraph("body", bodyInputs);
        for (int i = 0; i < bodyOutputs.Count && i < context.Node.Outputs.Count; i++)
            if (bodyOutputs[i] is { } type)
                context.SetOutputType(i, TypeInfo.Sequence(type));
    }
}
