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
        if (ElementOf(context, 0) is TensorTypeInfo element)
            context.SetOutputType(0, TypeInfo.Sequence(new TensorTypeInfo(element.ElementType, Merge(element.Shape, context.InputShape(1)))));
        else
            context.SetOutputType(0, TypeInfo.Sequence(TypeInfo.Tensor(context.InputElementType(1))));
    }

    public static void InferLength(InferenceContext context) => context.SetOutput(0, DataType.Int64, new Shape());

    /// <summary>
    /// ConcatFromSequence: the elements' dims except along axis, where the total depends on the sequence's length
    /// (unknown); with new_axis the elements are stacked along a new dim of that length.
    /// </summary>
    public static void InferConcat(InferenceContext context)
    {
        if (ElementOf(context, 0) is not TensorTypeInfo element)
            return;
        Shape? shape = null;
        if (element.Shape is { } inputShape)
        {
            bool newAxis = context.GetInt("new_axis", 0) != 0;
            int rank = inputShape.Rank + (newAxis ? 1 : 0);
            int axis = ShapeRules.Axis(context, context.GetInt("axis") ?? throw context.Fail("attribute 'axis' is required"), rank);
            List<Dim> dims = [.. inputShape.Dims];
            if (newAxis)
                dims.Insert(axis, new Dim());
            else
                dims[axis] = new Dim();
            shape = new Shape(dims);
        }
        context.SetOutput(0, element.ElementType, shape);
    }

    /// <summary>
    /// SplitToSequence: each element keeps the input's dims except along axis, where it holds one split's length:
    /// 1 without 'split' (the axis dropped when keepdims is 0), the scalar split when it divides the dim, the common
    /// length when a 1-D split lists equal lengths, unknown otherwise.
    /// </summary>
    public static void InferSplit(InferenceContext context)
    {
        Shape? shape = null;
        if (context.InputShape(0) is { } input)
        {
            int axis = ShapeRules.Axis(context, context.GetInt("axis", 0), input.Rank);
            List<Dim> dims = [.. input.Dims];
            if (!context.HasInput(1))
            {
                if (context.GetInt("keepdims", 1) == 0)
                    dims.RemoveAt(axis);
                else
                    dims[axis] = 1;
            }
            else
            {
                dims[axis] = SplitLength(context, input.Dims[axis]);
            }
            shape = new Shape(dims);
        }
        context.SetOutputType(0, TypeInfo.Sequence(new TensorTypeInfo(context.InputElementType(0), shape)));
    }

    private static Dim SplitLength(InferenceContext context, Dim axisDim)
    {
        if (context.InputRank(1) is int rank && rank > 1)
            throw context.Fail($"input 'split' must be a scalar or 1-D, found rank {rank}");
        if (context.InputValues(1) is not { Length: > 0 } lengths || lengths.Any(l => l.Value is null))
            return new Dim();
        if (lengths.Any(l => l.Value < 0))
            throw context.Fail($"input 'split' must not hold negative lengths, found [{string.Join(",", lengths.Select(l => l.Value))}]");
        long first = lengths[0].Value!.Value;
        if (context.InputRank(1) == 0)
            return axisDim.Value is long total && first > 0 && total % first == 0 ? first : new Dim();
        if (axisDim.Value is long whole && lengths.Sum(l => l.Value!.Value) != whole)
            throw context.Fail($"input 'split' lengths [{string.Join(",", lengths.Select(l => l.Value))}] do not add up to the axis dim {whole}");
        return lengths.All(l => l.Value == first) ? first : new Dim();
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
