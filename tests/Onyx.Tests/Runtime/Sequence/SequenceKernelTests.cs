using Onyx.Runtime;
using static Onyx.Tests.Runtime.SequenceKernels.OneNodeModel;

namespace Onyx.Tests.Runtime.SequenceKernels;

public sealed class SequenceKernelTests
{
    /// <summary>The element types ConcatFromSequence allows (SplitToSequence-24 also allows bfloat16).</summary>
    public static TheoryData<DataType> ElementTypes => new(
        DataType.Float, DataType.Double, DataType.Float16, DataType.Int8, DataType.Int16, DataType.Int32,
        DataType.Int64, DataType.UInt8, DataType.UInt16, DataType.UInt32, DataType.UInt64, DataType.Bool, DataType.String);

    /// <summary>A tensor of <paramref name="type"/> holding 0, 1, 2, … (bools alternate, strings are "s0", "s1", …).</summary>
    internal static Tensor Counting(DataType type, long[] dims, int first = 0)
    {
        int[] v = [.. Enumerable.Range(first, (int)dims.Aggregate(1L, (a, b) => a * b))];
        return type switch
        {
            DataType.Float => Tensor.FromArray(v.Select(x => (float)x).ToArray(), dims),
            DataType.Double => Tensor.FromArray(v.Select(x => (double)x).ToArray(), dims),
            DataType.Float16 => Tensor.FromArray(v.Select(x => (Half)x).ToArray(), dims),
            DataType.BFloat16 => Tensor.FromArray(v.Select(x => (BFloat16)(float)x).ToArray(), dims),
            DataType.Int8 => Tensor.FromArray(v.Select(x => (sbyte)x).ToArray(), dims),
            DataType.Int16 => Tensor.FromArray(v.Select(x => (short)x).ToArray(), dims),
            DataType.Int32 => Tensor.FromArray(v, dims),
            DataType.Int64 => Tensor.FromArray(v.Select(x => (long)x).ToArray(), dims),
            DataType.UInt8 => Tensor.FromArray(v.Select(x => (byte)x).ToArray(), dims),
            DataType.UInt16 => Tensor.FromArray(v.Select(x => (ushort)x).ToArray(), dims),
            DataType.UInt32 => Tensor.FromArray(v.Select(x => (uint)x).ToArray(), dims),
            DataType.UInt64 => Tensor.FromArray(v.Select(x => (ulong)x).ToArray(), dims),
            DataType.Bool => Tensor.FromArray(v.Select(x => x % 2 == 1).ToArray(), dims),
            _ => Tensor.FromStrings(v.Select(x => $"s{x}"), dims),
        };
    }

    /// <summary>The values of a tensor, whatever its type, for comparing.</summary>
    internal static string Describe(OnnxValue value)
    {
        Tensor t = value.Tensor;
        string values = t.DataType == DataType.String ? string.Join(",", t.ToStrings()) : Convert.ToHexString(t.RawData.Span);
        return $"{t.DataType}[{string.Join(",", t.Dims)}]:{values}";
    }

    private static OnnxValue Value(Tensor t) => OnnxValue.FromTensor(t);

    private static TypeInfo SeqOf(DataType type) => TypeInfo.Sequence(TypeInfo.Tensor(type));

    [Theory]
    [MemberData(nameof(ElementTypes))]
    public void SplitToSequence_and_ConcatFromSequence_round_trip_every_element_type(DataType type)
    {
        Tensor x = Counting(type, [2, 3]);

        OnnxValue pieces = Run("SplitToSequence", 24, [Value(x), OnnxValue.FromArray(new long[] { 1, 2 })], attributes: [Attribute.Create("axis", 1L)])[0];
        OnnxValue joined = Run("ConcatFromSequence", 11, [pieces], attributes: [Attribute.Create("axis", -1L)],
            inputTypes: [SeqOf(type)], outputTypes: [TypeInfo.Tensor(type, "a", "b")])[0];

        Assert.Equal(2, pieces.Elements.Count);
        Assert.Equal([2L, 1], pieces.Elements[0].Dims);
        Assert.Equal([2L, 2], pieces.Elements[1].Dims);
        Assert.Equal(Describe(Value(x)), Describe(joined));
    }

    [Fact]
    public void SplitToSequence_24_splits_bfloat16()
    {
        Tensor x = Counting(DataType.BFloat16, [4]);

        OnnxValue pieces = Run("SplitToSequence", 24, [Value(x), Scalar(3L)])[0];

        Assert.Equal([[0f, 1, 2], [3f]], pieces.Elements.Select(e => e.ToArray<BFloat16>().Select(v => (float)v)));
    }

    [Fact]
    public void SplitToSequence_with_a_scalar_split_makes_a_shorter_last_piece()
    {
        OnnxValue pieces = Run("SplitToSequence", 11, [Floats(1, 2, 3, 4, 5), Scalar(2L)])[0];

        Assert.Equal([[1f, 2f], [3f, 4f], [5f]], pieces.Elements.Select(e => e.ToArray<float>()));
    }

    [Fact]
    public void SplitToSequence_without_split_and_keepdims_0_drops_the_axis()
    {
        OnnxValue x = Value(Counting(DataType.Int32, [2, 3]));

        OnnxValue pieces = Run("SplitToSequence", 11, [x], attributes: [Attribute.Create("axis", -1L), Attribute.Create("keepdims", 0L)])[0];

        Assert.Equal(3, pieces.Elements.Count);
        Assert.All(pieces.Elements, e => Assert.Equal([2L], e.Dims));
        Assert.Equal([1, 4], pieces.Elements[1].ToArray<int>());
    }

    [Fact]
    public void SplitToSequence_of_an_empty_axis_is_an_empty_sequence()
    {
        OnnxValue pieces = Run("SplitToSequence", 11, [OnnxValue.FromArray(Array.Empty<float>(), 0, 2)])[0];

        Assert.Empty(pieces.Elements);
    }

    [Fact]
    public void SplitToSequence_rejects_lengths_that_do_not_add_up()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            Run("SplitToSequence", 11, [Floats(1, 2, 3), OnnxValue.FromArray(new long[] { 1, 1 })]));

        Assert.Contains("'n'", error.Message);
        Assert.Contains("input 1 ('in1')", error.Message);
    }

    [Fact]
    public void ConcatFromSequence_with_new_axis_stacks_and_accepts_the_new_last_axis()
    {
        OnnxValue seq = Seq(Floats(1, 2), Floats(3, 4), Floats(5, 6));

        OnnxValue first = Run("ConcatFromSequence", 11, [seq], attributes: [Attribute.Create("axis", 0L), Attribute.Create("new_axis", 1L)])[0];
        OnnxValue last = Run("ConcatFromSequence", 11, [seq], attributes: [Attribute.Create("axis", -1L), Attribute.Create("new_axis", 1L)])[0];

        Assert.Equal([3L, 2], first.Dims);
        Assert.Equal([1f, 2, 3, 4, 5, 6], first.ToArray<float>());
        Assert.Equal([2L, 3], last.Dims);
        Assert.Equal([1f, 3, 5, 2, 4, 6], last.ToArray<float>());
    }

    [Fact]
    public void ConcatFromSequence_rejects_mismatched_shapes_and_empty_sequences()
    {
        Attribute[] axis1 = [Attribute.Create("axis", 1L)];
        TypeInfo[] seqType = [SeqOf(DataType.Float)], outputType = [TypeInfo.Tensor(DataType.Float, "a", "b")];
        var mismatch = Assert.Throws<OnnxRuntimeException>(() =>
            Run("ConcatFromSequence", 11, [Seq(OnnxValue.FromArray(new float[] { 1, 2 }, 1, 2), OnnxValue.FromArray(new float[] { 1, 2 }, 2, 1))], attributes: axis1,
                inputTypes: seqType, outputTypes: outputType));
        var empty = Assert.Throws<OnnxRuntimeException>(() =>
            Run("ConcatFromSequence", 11, [OnnxValue.Sequence([], TypeInfo.Tensor(DataType.Float))], attributes: axis1,
                inputTypes: seqType, outputTypes: outputType));

        Assert.Contains("element 1 of input 0 ('in0')", mismatch.Message);
        Assert.Contains("empty sequence", empty.Message);
    }

    [Fact]
    public void SequenceAt_counts_negative_positions_from_the_back()
    {
        OnnxValue seq = Seq(Floats(1), Floats(2), Floats(3));

        Assert.Equal([3f], Run1("SequenceAt", 11, seq, Scalar(-1L)).ToArray<float>());
        Assert.Equal([1f], Run1("SequenceAt", 11, seq, Scalar(-3)).ToArray<float>());
        Assert.Equal([2f], Run1("SequenceAt", 11, seq, Scalar(1)).ToArray<float>());
    }

    [Theory]
    [InlineData(3L)]
    [InlineData(-4L)]
    public void SequenceAt_out_of_range_names_node_and_input(long position)
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => Run1("SequenceAt", 11, Seq(Floats(1), Floats(2), Floats(3)), Scalar(position)));

        Assert.Contains("'n'", error.Message);
        Assert.Contains("input 1 ('in1')", error.Message);
        Assert.Contains($"position {position}", error.Message);
    }

    [Fact]
    public void SequenceAt_of_an_empty_sequence_fails()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            Run("SequenceAt", 11, [OnnxValue.Sequence([], TypeInfo.Tensor(DataType.Float)), Scalar(0L)],
                inputTypes: [TypeInfo.Sequence(TypeInfo.Tensor(DataType.Float, 1))]));

        Assert.Contains("input 1 ('in1')", error.Message);
    }

    [Fact]
    public void SequenceConstruct_keeps_order_and_string_elements()
    {
        OnnxValue seq = Run1("SequenceConstruct", 11, OnnxValue.FromStrings(["a", "b"]), OnnxValue.FromStrings(["c"]));

        Assert.Equal([["a", "b"], ["c"]], seq.Elements.Select(e => e.Tensor.ToStrings()));
    }

    [Fact]
    public void SequenceEmpty_takes_its_element_type_from_dtype()
    {
        OnnxValue empty = Run("SequenceEmpty", 11, [], attributes: [Attribute.Create("dtype", (long)DataType.Int64)])[0];
        OnnxValue defaulted = Run("SequenceEmpty", 11, [])[0];

        Assert.Empty(empty.Elements);
        Assert.Equal(DataType.Int64, Assert.IsType<TensorTypeInfo>(((SequenceTypeInfo)empty.Type!).ElementType).ElementType);
        Assert.Equal(DataType.Float, Assert.IsType<TensorTypeInfo>(((SequenceTypeInfo)defaulted.Type!).ElementType).ElementType);
    }

    [Fact]
    public void SequenceInsert_appends_without_a_position_and_inserts_at_negative_ones()
    {
        OnnxValue seq = Seq(Floats(1), Floats(2));

        OnnxValue appended = Run1("SequenceInsert", 11, seq, Floats(3));
        OnnxValue inserted = Run1("SequenceInsert", 11, seq, Floats(3), Scalar(-1));
        OnnxValue atEnd = Run1("SequenceInsert", 11, seq, Floats(3), Scalar(2L));

        Assert.Equal([1f, 2, 3], appended.Elements.Select(e => e.ToArray<float>()[0]));
        Assert.Equal([1f, 3, 2], inserted.Elements.Select(e => e.ToArray<float>()[0]));
        Assert.Equal([1f, 2, 3], atEnd.Elements.Select(e => e.ToArray<float>()[0]));
        Assert.Equal(2, seq.Elements.Count);
    }

    [Fact]
    public void SequenceInsert_into_an_empty_sequence_and_past_the_end()
    {
        OnnxValue empty = OnnxValue.Sequence([], TypeInfo.Tensor(DataType.Float));

        OnnxValue one = Run("SequenceInsert", 11, [empty, Floats(7)], inputTypes: [SeqOf(DataType.Float)])[0];
        var error = Assert.Throws<OnnxRuntimeException>(() => Run("SequenceInsert", 11, [empty, Floats(7), Scalar(1L)], inputTypes: [SeqOf(DataType.Float)]));

        Assert.Equal([7f], one.Elements.Single().ToArray<float>());
        Assert.Contains("input 2 ('in2')", error.Message);
    }

    [Fact]
    public void SequenceErase_removes_the_last_without_a_position_and_counts_negative_positions()
    {
        OnnxValue seq = Seq(Floats(1), Floats(2), Floats(3));

        Assert.Equal([1f, 2], Run1("SequenceErase", 11, seq).Elements.Select(e => e.ToArray<float>()[0]));
        Assert.Equal([2f, 3], Run1("SequenceErase", 11, seq, Scalar(-3L)).Elements.Select(e => e.ToArray<float>()[0]));
        Assert.Empty(Run1("SequenceErase", 11, Seq(Floats(1))).Elements);
    }

    [Fact]
    public void SequenceErase_of_an_empty_sequence_names_node_and_input()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            Run("SequenceErase", 11, [OnnxValue.Sequence([], TypeInfo.Tensor(DataType.Float))], inputTypes: [SeqOf(DataType.Float)]));

        Assert.Contains("'n'", error.Message);
        Assert.Contains("input 0 ('in0')", error.Message);
    }

    [Fact]
    public void SequenceLength_counts_elements_of_empty_and_full_sequences()
    {
        OnnxValue empty = Run("SequenceLength", 11, [OnnxValue.Sequence([], TypeInfo.Tensor(DataType.Float))], inputTypes: [SeqOf(DataType.Float)])[0];
        OnnxValue two = Run1("SequenceLength", 11, Seq(Floats(1), Floats(2, 3)));

        Assert.Equal(0L, empty.ToArray<long>().Single());
        Assert.Empty(empty.Dims);
        Assert.Equal(2L, two.ToArray<long>().Single());
    }
}
