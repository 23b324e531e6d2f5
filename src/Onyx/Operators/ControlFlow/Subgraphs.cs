namespace Onyx.Operators;

/// <summary>Inference for the control-flow operators, whose outputs come from their subgraphs.</summary>
internal static class Subgraphs
{
    /// <summary>If: each output is the type both branches agree on (dims that differ become unknown).</summary>
    public static void InferIf(InferenceContext context)
    {
        var thenTypes = context.InferSubgraph("then_branch", []);
        var elseTypes = context.InferSubgraph("else_branch", []);
        if (thenTypes.Count != elseTypes.Count)
            throw context.Fail($"then_branch has {thenTypes.Count} outputs but else_branch has {elseTypes.Count}");
        for (int i = 0; i < thenTypes.Count && i < context.Node.Outputs.Count; i++)
            context.SetOutputType(i, Merge(context, thenTypes[i], elseTypes[i], i));
    }

    /// <summary>
    /// Loop: the body takes (iteration_num, cond, loop-carried...) and returns (cond, loop-carried..., scan outputs...);
    /// scan outputs gain a leading dim for the iteration count, known only when the loop provably runs M times.
    /// </summary>
    public static void InferLoop(InferenceContext context)
    {
        int carried = context.Node.Inputs.Count - 2;
        TypeInfo?[] carriedTypes = CarriedTypes(context, [.. Enumerable.Range(0, carried).Select(i => context.InputType(i + 2))]);
        var bodyOutputs = context.InferSubgraph("body", LoopBodyInputs(carriedTypes));
        Dim iterations = Iterations(context);
        for (int i = 1; i < bodyOutputs.Count && i - 1 < context.Node.Outputs.Count; i++)
        {
            var type = bodyOutputs[i];
            if (i - 1 < carried)
                context.SetOutputType(i - 1, Widen(carriedTypes[i - 1], type));
            else if (type is TensorTypeInfo tensor)
                context.SetOutputType(i - 1, new TensorTypeInfo(tensor.ElementType, tensor.Shape is { } shape ? new Shape([iterations, .. shape.Dims]) : null));
        }
    }

    private const int MaxCarriedProbes = 3;

    /// <summary>
    /// Types that hold for the loop-carried values before and after every iteration. A carried value may change shape
    /// from one iteration to the next (e.g. grow by Concat), so the body is probed with the initial types and every dim
    /// it changes is widened to unknown, until the body keeps the types it is given. When that does not settle in a few
    /// probes, when the body fails with widened types, or inside probes nested too deep, only the element types are kept, as
    /// onnx does. When the body fails with the initial types, they are returned, so that inferring it reports the problem.
    /// </summary>
    private static TypeInfo?[] CarriedTypes(InferenceContext context, TypeInfo?[] initial)
    {
        if (context.CannotProbe)
            return [.. initial.Select(WithoutShapes)];
        TypeInfo?[] types = initial;
        for (int probe = 0; probe < MaxCarriedProbes; probe++)
        {
            if (context.ProbeSubgraph("body", LoopBodyInputs(types)) is not { } outputs)
                return probe == 0 ? initial : [.. initial.Select(WithoutShapes)];
            TypeInfo?[] widened = [.. types.Select((type, i) => i + 1 < outputs.Count ? Widen(type, outputs[i + 1]) : type)];
            if (widened.Select(TypeMerge.Describe).SequenceEqual(types.Select(TypeMerge.Describe)))
                return types;
            types = widened;
        }
        return [.. initial.Select(WithoutShapes)];
    }

    private static List<TypeInfo?> LoopBodyInputs(IEnumerable<TypeInfo?> carried) =>
        [TypeInfo.Tensor(DataType.Int64, []), TypeInfo.Tensor(DataType.Bool, []), .. carried];

    /// <summary>
    /// The type that covers both <paramref name="before"/> and <paramref name="after"/> an iteration: dims that differ
    /// become unknown. When the kinds or element types differ the body's type is kept, shapes dropped: it is what the
    /// loop returns once it has run (the checker reports the mismatch).
    /// </summary>
    private static TypeInfo? Widen(TypeInfo? before, TypeInfo? after) => (before, after) switch
    {
        (null, _) => WithoutShapes(after),
        (_, null) => WithoutShapes(before),
        (TensorTypeInfo x, TensorTypeInfo y) when x.ElementType == y.ElementType => new TensorTypeInfo(x.ElementType, Sequences.Merge(x.Shape, y.Shape)),
        (SequenceTypeInfo x, SequenceTypeInfo y) => new SequenceTypeInfo(Widen(x.ElementType, y.ElementType)),
        (OptionalTypeInfo x, OptionalTypeInfo y) => new OptionalTypeInfo(Widen(x.ElementType, y.ElementType)),
        _ => WithoutShapes(after),
    };

    private static TypeInfo? WithoutShapes(TypeInfo? type) => type switch
    {
        TensorTypeInfo t => new TensorTypeInfo(t.ElementType, null),
        SequenceTypeInfo t => new SequenceTypeInfo(WithoutShapes(t.ElementType)),
        OptionalTypeInfo t => new OptionalTypeInfo(WithoutShapes(t.ElementType)),
        _ => type,
    };

    /// <summary>
    /// The number of iterations when it is the trip count M: M is known (a number or a symbol), the initial condition is
    /// absent or true, and the body passes its condition input through unchanged (directly, via Identity, or as a
    /// constant true), so only M can end the loop. Unknown otherwise.
    /// </summary>
    private static Dim Iterations(InferenceContext context)
    {
        if (!context.HasInput(0) || context.InputValues(0) is not [{ } tripCount] || tripCount.Value < 0)
            return new Dim();
        if (context.HasInput(1) && context.InputValues(1) is not [{ Value: not null and not 0 }])
            return new Dim();
        return context.GetGraph("body") is { Inputs.Count: >= 2, Outputs.Count: >= 1 } body && KeepsCondition(body) ? tripCount : new Dim();
    }

    private static bool KeepsCondition(Graph body)
    {
        string condition = body.Outputs[0].Name;
        for (int hops = 0; hops <= body.Nodes.Count; hops++)
        {
            if (condition == body.Inputs[1].Name)
                return true;
            Node? producer = body.Nodes.Find(n => n.Outputs.Contains(condition));
            if (producer is { OpType: "Identity", Domain: "" or "ai.onnx", Inputs.Count: 1 })
                condition = producer.Inputs[0];
            else
                return producer is { OpType: "Constant", Domain: "" or "ai.onnx" } && producer.Attributes.Find(a => a.Name == "value")?.Tensor is { } value
                    && TensorValues.Integers(value, 1) is [not 0];
        }
        return false;
    }

    /// <summary>
    /// Scan: inputs are N states then M scan inputs; the body sees each scan input without its scan axis and returns
    /// N states then K scan outputs, which gain the scan axis back. Before version 9 every value also has a leading batch axis.
    /// </summary>
    public static void InferScan(InferenceContext context, bool batched)
    {
        int first = batched ? 1 : 0;
        int inputs = context.Node.Inputs.Count - first;
        long scanInputs = context.GetInt("num_scan_inputs") ?? throw context.Fail("attribute 'num_scan_inputs' is required");
        if (scanInputs < 1 || scanInputs > inputs)
            throw context.Fail($"num_scan_inputs {scanInputs} must be between 1 and the {inputs} state and scan inputs");
        int states = inputs - (int)scanInputs;
        var inputAxes = context.GetInts("scan_input_axes");
        var outputAxes = context.GetInts("scan_output_axes");
        var bodyInputs = new List<TypeInfo?>();
        Dim length = new();
        for (int i = 0; i < inputs; i++)
        {
            var tensor = context.InputTensor(i + first);
            if (tensor?.Shape is not { } shape)
            {
                bodyInputs.Add(tensor is null ? null : TypeInfo.Tensor(tensor.ElementType));
                continue;
            }
            var dims = new List<Dim>(shape.Dims);
            if (batched)
                dims.RemoveAt(0);
            if (i >= states)
            {
                int axis = batched ? 0 : ShapeRules.Axis(context, inputAxes is { } a && a.Count > i - states ? a[i - states] : 0, dims.Count, "scan_input_axes element");
                if (axis >= dims.Count)
                    throw context.Fail($"scan input {i - states} has rank {shape.Rank}, too small for its scan axis");
                if (i == states)
                    length = dims[axis];
                dims.RemoveAt(axis);
            }
            bodyInputs.Add(new TensorTypeInfo(tensor.ElementType, new Shape(dims)));
        }
        var bodyOutputs = context.InferSubgraph("body", bodyInputs);
        Dim batch = batched && context.InputShape(first) is { Rank: > 0 } batchShape ? batchShape.Dims[0] : new Dim();
        for (int i = 0; i < bodyOutputs.Count && i < context.Node.Outputs.Count; i++)
        {
            if (bodyOutputs[i] is not TensorTypeInfo tensor)
                continue;
            if (tensor.Shape is not { } shape)
            {
                context.SetOutput(i, tensor.ElementType, (Shape?)null);
                continue;
            }
            var dims = new List<Dim>(shape.Dims);
            if (i >= states)
            {
                int axis = batched ? 0 : ShapeRules.Axis(context, outputAxes is { } a && a.Count > i - states ? a[i - states] : 0, dims.Count + 1, "scan_output_axes element");
                dims.Insert(axis, length);
            }
            if (batched)
                dims.Insert(0, batch);
            context.SetOutput(i, tensor.ElementType, dims);
        }
    }

    private static TypeInfo? Merge(InferenceContext context, TypeInfo? a, TypeInfo? b, int output) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        (TensorTypeInfo x, TensorTypeInfo y) when x.ElementType == y.ElementType => new TensorTypeInfo(x.ElementType, Sequences.Merge(x.Shape, y.Shape)),
        (SequenceTypeInfo x, SequenceTypeInfo y) => TypeInfo.Sequence(Merge(context, x.ElementType, y.ElementType, output)!),
        (OptionalTypeInfo x, OptionalTypeInfo y) => TypeInfo.Optional(Merge(context, x.ElementType, y.ElementType, output)!),
        _ => throw context.Fail($"output {output}: then_branch gives {a} but else_branch gives {b}"),
    };
}
