using Onyx.Runtime;
using static Onyx.Tests.Runtime.SequenceKernels.OneNodeModel;

namespace Onyx.Tests.Runtime.SequenceKernels;

public sealed class OptionalKernelTests
{
    private static readonly TypeInfo FloatTensor = TypeInfo.Tensor(DataType.Float);

    [Fact]
    public void Optional_wraps_its_input_and_an_element_comes_back_out()
    {
        OnnxValue optional = Run1("Optional", 15, Floats(1, 2));
        OnnxValue element = Run1("OptionalGetElement", 15, optional);
        OnnxValue has = Run1("OptionalHasElement", 15, optional);

        Assert.Equal(OnnxValueKind.Optional, optional.Kind);
        Assert.Equal([1f, 2], element.ToArray<float>());
        Assert.True(has.ToArray<bool>().Single());
    }

    [Fact]
    public void Optional_without_input_is_empty_of_the_type_attribute()
    {
        OnnxValue optional = Run("Optional", 15, [], attributes: [Attribute.Create("type", TypeInfo.Sequence(FloatTensor))])[0];

        Assert.Empty(optional.Elements);
        Assert.IsType<SequenceTypeInfo>(((OptionalTypeInfo)optional.Type!).ElementType);
    }

    [Fact]
    public void OptionalHasElement_is_false_for_an_empty_optional_and_an_absent_input()
    {
        OnnxValue empty = OnnxValue.Optional(null, FloatTensor);

        Assert.False(Run("OptionalHasElement", 15, [empty], inputTypes: [TypeInfo.Optional(FloatTensor)])[0].ToArray<bool>().Single());
        Assert.False(Run("OptionalHasElement", 18, [])[0].ToArray<bool>().Single());
        Assert.True(Run1("OptionalHasElement", 18, Floats(1)).ToArray<bool>().Single());
    }

    [Fact]
    public void OptionalGetElement_since_18_passes_tensors_and_sequences_through()
    {
        OnnxValue seq = Seq(Floats(1));

        Assert.Equal([1f, 2], Run1("OptionalGetElement", 18, Floats(1, 2)).ToArray<float>());
        Assert.Single(Run1("OptionalGetElement", 18, seq).Elements);
        Assert.Single(Run1("OptionalGetElement", 18, OnnxValue.Optional(seq)).Elements);
    }

    [Fact]
    public void OptionalGetElement_of_an_empty_optional_names_node_and_input()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() =>
            Run("OptionalGetElement", 18, [OnnxValue.Optional(null, FloatTensor)], inputTypes: [TypeInfo.Optional(TypeInfo.Tensor(DataType.Float, 1))]));

        Assert.Contains("'n'", error.Message);
        Assert.Contains("input 0 ('in0')", error.Message);
        Assert.Contains("empty optional", error.Message);
    }
}
