namespace Onyx.Tests.Operators.SequenceOperators;

public sealed class SequenceInferenceTests
{
    /// <summary>Like <see cref="OneNodeInference.Describe"/>, with the shapes of sequence and optional elements, e.g. <c>seq(tensor(float)[N,3])</c>.</summary>
    private static string Describe(TypeInfo? type) => type switch
    {
        SequenceTypeInfo sequence => $"seq({Describe(sequence.ElementType)})",
        OptionalTypeInfo optional => $"optional({Describe(optional.ElementType)})",
        _ => OneNodeInference.Describe(type),
    };

    /// <summary>Infers the graph with <paramref name="output"/> as its output and describes the output's type.</summary>
    private static string Infer(GraphBuilder g, long opset, string output)
    {
        OneNodeInference.Infer(g, opset, output);
        return Describe(g.Graph.Outputs.Single().Type);
    }

    /// <summary>The output of one node over the inputs made by <paramref name="inputs"/>.</summary>
    private static string Infer(string opType, long opset, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes)
    {
        var g = new GraphBuilder();
        return Infer(g, opset, g.AddNode(opType, inputs(g), attributes));
    }

    private static string Failure(string opType, long opset, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Infer(opType, opset, inputs, attributes)).Message;

    /// <summary>A sequence built by SequenceConstruct from float tensors of the given shapes.</summary>
    private static string Sequence(GraphBuilder g, params Dim[][] shapes) =>
        g.AddNode("SequenceConstruct", [.. shapes.Select((dims, i) => g.AddInput($"t{i}", DataType.Float, dims))]);

    private static string Ints(GraphBuilder g, string name, params long[] values) => g.AddInitializer(name, Tensor.FromArray(values, values.Length));

    private static Attribute Int(string name, long value) => Attribute.Create(name, value);

    [Fact]
    public void SequenceConstruct_keeps_the_shape_its_tensors_share() =>
        Assert.Equal("seq(tensor(float)[2,3])", Infer("SequenceConstruct", 11, g => [g.AddInput("a", DataType.Float, 2, 3), g.AddInput("b", DataType.Float, 2, 3)]));

    [Fact]
    public void SequenceConstruct_merges_differing_shapes()
    {
        Assert.Equal("seq(tensor(float)[N,?])", Infer("SequenceConstruct", 11, g => [g.AddInput("a", DataType.Float, "N", 3), g.AddInput("b", DataType.Float, "N", 5)]));
        Assert.Equal("seq(tensor(float)[unknown rank])", Infer("SequenceConstruct", 11, g => [g.AddInput("a", DataType.Float, 3), g.AddInput("b", DataType.Float, 3, 1)]));
    }

    [Fact]
    public void SequenceConstruct_rejects_tensors_of_different_element_types() =>
        Assert.Contains("input 1 has element type", Failure("SequenceConstruct", 11, g => [g.AddInput("a", DataType.Float, 2), g.AddInput("b", DataType.Int32, 2)]));

    [Fact]
    public void SequenceEmpty_holds_floats_unless_dtype_says_otherwise()
    {
        Assert.Equal("seq(tensor(float)[unknown rank])", Infer("SequenceEmpty", 11, _ => []));
        Assert.Equal("seq(tensor(int64)[unknown rank])", Infer("SequenceEmpty", 11, _ => [], Int("dtype", (long)DataType.Int64)));
    }

    [Fact]
    public void SequenceAt_gives_the_element_type() =>
        Assert.Equal("tensor(float)[N,3]", Infer("SequenceAt", 11, g => [Sequence(g, ["N", 3], ["N", 3]), g.AddInput("i", DataType.Int64)]));

    [Fact]
    public void SequenceAt_rejects_a_tensor_in_place_of_the_sequence() =>
        Assert.Contains("input 0 must be a sequence, found tensor(float)", Failure("SequenceAt", 11, g => [g.AddInput("x", DataType.Float, 2), g.AddInput("i", DataType.Int64)]));

    [Fact]
    public void SequenceInsert_merges_the_tensor_shape_into_the_element_shape()
    {
        Assert.Equal("seq(tensor(float)[N,3])", Infer("SequenceInsert", 11, g => [Sequence(g, ["N", 3]), g.AddInput("x", DataType.Float, "N", 3)]));
        Assert.Equal("seq(tensor(float)[?,3])", Infer("SequenceInsert", 11, g => [Sequence(g, ["N", 3]), g.AddInput("x", DataType.Float, 2, 3), g.AddInput("at", DataType.Int32)]));
    }

    [Fact]
    public void SequenceInsert_rejects_a_tensor_of_another_element_type() =>
        Assert.Contains("input 'tensor' has element type int64, but the sequence holds float",
            Failure("SequenceInsert", 11, g => [Sequence(g, ["N", 3]), g.AddInput("x", DataType.Int64, "N", 3)]));

    [Fact]
    public void SequenceErase_keeps_the_sequence_type_and_SequenceLength_is_an_int64_scalar()
    {
        Assert.Equal("seq(tensor(float)[N,3])", Infer("SequenceErase", 11, g => [Sequence(g, ["N", 3])]));
        Assert.Equal("tensor(int64)[]", Infer("SequenceLength", 11, g => [Sequence(g, ["N", 3])]));
    }

    /// <summary>SplitToSequence of a float [N,3,4] input with the given split input (none when null).</summary>
    private static string Split(Func<GraphBuilder, string>? split, long axis = 2, long keepdims = 1) =>
        Infer("SplitToSequence", 11, g => split is null ? [g.AddInput("x", DataType.Float, "N", 3, 4)] : [g.AddInput("x", DataType.Float, "N", 3, 4), split(g)],
            Int("axis", axis), Int("keepdims", keepdims));

    [Fact]
    public void SplitToSequence_without_split_makes_chunks_of_one_kept_or_dropped_by_keepdims()
    {
        Assert.Equal("seq(tensor(float)[N,3,1])", Split(null));
        Assert.Equal("seq(tensor(float)[N,3])", Split(null, keepdims: 0));
    }

    [Fact]
    public void SplitToSequence_with_a_scalar_split_knows_the_chunk_size_when_it_divides_the_axis()
    {
        Assert.Equal("seq(tensor(float)[N,3,2])", Split(g => g.AddInitializer("split", Tensor.Scalar(2L))));
        Assert.Equal("seq(tensor(float)[N,3,?])", Split(g => g.AddInitializer("split", Tensor.Scalar(3L))));
    }

    [Fact]
    public void SplitToSequence_with_split_lengths_knows_the_chunk_size_when_they_are_equal_and_ignores_keepdims()
    {
        Assert.Equal("seq(tensor(float)[N,3,2])", Split(g => Ints(g, "split", 2, 2), keepdims: 0));
        Assert.Equal("seq(tensor(float)[N,3,?])", Split(g => Ints(g, "split", 1, 3)));
        Assert.Equal("seq(tensor(float)[N,3,?])", Split(g => g.AddInput("split", DataType.Int64, 2)));
    }

    [Fact]
    public void SplitToSequence_counts_a_negative_axis_from_the_back() =>
        Assert.Equal("seq(tensor(float)[N,1,4])", Split(null, axis: -2));

    [Fact]
    public void SplitToSequence_rejects_bad_splits_and_axes()
    {
        Assert.Contains("input 'split' sums to 5, but the split axis has size 4", Assert.Throws<ShapeInferenceException>(() => Split(g => Ints(g, "split", 2, 3))).Message);
        Assert.Contains("must be positive, found 0", Assert.Throws<ShapeInferenceException>(() => Split(g => g.AddInitializer("split", Tensor.Scalar(0L)))).Message);
        Assert.Contains("axis 3 is out of range for rank 3", Assert.Throws<ShapeInferenceException>(() => Split(null, axis: 3)).Message);
    }

    [Fact]
    public void ConcatFromSequence_keeps_every_dim_but_the_concatenated_one()
    {
        Assert.Equal("tensor(float)[N,?]", Infer("ConcatFromSequence", 11, g => [Sequence(g, ["N", 3], ["N", 5])], Int("axis", -1)));
        Assert.Equal("tensor(float)[?,3]", Infer("ConcatFromSequence", 11, g => [Sequence(g, ["N", 3])], Int("axis", 0)));
    }

    [Fact]
    public void ConcatFromSequence_with_new_axis_stacks_on_an_inserted_axis()
    {
        Assert.Equal("tensor(float)[?,N,3]", Infer("ConcatFromSequence", 11, g => [Sequence(g, ["N", 3])], Int("axis", 0), Int("new_axis", 1)));
        Assert.Equal("tensor(float)[N,3,?]", Infer("ConcatFromSequence", 11, g => [Sequence(g, ["N", 3])], Int("axis", 2), Int("new_axis", 1)));
    }

    [Fact]
    public void ConcatFromSequence_rejects_an_axis_out_of_range_and_a_bad_new_axis()
    {
        Assert.Contains("axis 2 is out of range for rank 2", Failure("ConcatFromSequence", 11, g => [Sequence(g, ["N", 3])], Int("axis", 2)));
        Assert.Contains("axis -4 is out of range for rank 3", Failure("ConcatFromSequence", 11, g => [Sequence(g, ["N", 3])], Int("axis", -4), Int("new_axis", 1)));
        Assert.Contains("'new_axis' must be 0 or 1, found 2", Failure("ConcatFromSequence", 11, g => [Sequence(g, ["N", 3])], Int("axis", 0), Int("new_axis", 2)));
    }

    /// <summary>A SequenceMap body with untyped inputs and outputs computing its one output with <paramref name="node"/>.</summary>
    private static Attribute MapBody(string[] inputs, Node node)
    {
        var body = new Graph("body");
        body.Inputs.AddRange(inputs.Select(i => new ValueInfo(i)));
        body.Nodes.Add(node);
        body.Outputs.Add(new ValueInfo(node.Outputs[0]));
        return Attribute.Create("body", body);
    }

    [Fact]
    public void SequenceMap_body_sees_one_element_and_the_outputs_collect_its_results() =>
        Assert.Equal("seq(tensor(int64)[2])", Infer("SequenceMap", 17, g => [Sequence(g, ["N", 3], ["N", 5])], MapBody(["element"], new Node("Shape", ["element"], ["dims"]))));

    [Fact]
    public void SequenceMap_body_sees_additional_tensors_whole() =>
        Assert.Equal("seq(tensor(float)[N,3])", Infer("SequenceMap", 17, g => [Sequence(g, ["N", 1]), g.AddInput("w", DataType.Float, 3)],
            MapBody(["element", "weights"], new Node("Add", ["element", "weights"], ["sum"]))));

    [Fact]
    public void Optional_wraps_its_input_or_the_type_attribute()
    {
        Assert.Equal("optional(tensor(float)[N,3])", Infer("Optional", 15, g => [g.AddInput("x", DataType.Float, "N", 3)]));
        Assert.Equal("optional(seq(tensor(int64)[N]))", Infer("Optional", 15, _ => [],
            Attribute.Create("type", TypeInfo.Sequence(TypeInfo.Tensor(DataType.Int64, "N")))));
    }

    [Fact]
    public void Optional_without_an_input_needs_the_type_attribute() =>
        Assert.Contains("attribute 'type' is required", Failure("Optional", 15, _ => []));

    [Fact]
    public void OptionalHasElement_gives_a_bool_scalar() =>
        Assert.Equal("tensor(bool)[]", Infer("OptionalHasElement", 15, g => [g.AddNode("Optional", [g.AddInput("x", DataType.Float, 2)])]));

    [Fact]
    public void OptionalGetElement_unwraps_the_optional_and_since_18_passes_other_values_through()
    {
        Assert.Equal("tensor(float)[N,3]", Infer("OptionalGetElement", 15, g => [g.AddNode("Optional", [g.AddInput("x", DataType.Float, "N", 3)])]));
        Assert.Equal("seq(tensor(float)[N])", Infer("OptionalGetElement", 18, g => [Sequence(g, ["N"])]));
    }
}
