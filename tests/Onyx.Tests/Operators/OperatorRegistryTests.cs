namespace Onyx.Tests.Operators;

public sealed class OperatorRegistryTests
{
    private static readonly OperatorRegistry Registry = OperatorRegistry.Default;

    [Fact]
    public void Registry_has_every_operator_of_the_specification()
    {
        var perDomain = Registry.All.GroupBy(s => s.Domain).ToDictionary(g => g.Key, g => g.Select(s => s.Name).Distinct().Count());
        Assert.Equal(203, perDomain[OperatorDomains.Default]);
        Assert.Equal(19, perDomain[OperatorDomains.Ml]);
        Assert.Equal(4, perDomain[OperatorDomains.Training]);
        Assert.Equal(1, perDomain[OperatorDomains.Preview]);
        Assert.Equal(5, perDomain[OperatorDomains.Onyx]);
        Assert.Equal(647, Registry.All.Count);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 11)]
    [InlineData(21, 11)]
    [InlineData(22, 22)]
    [InlineData(28, 22)]
    public void Resolution_picks_the_highest_since_version_not_above_the_opset(long opset, int expected) =>
        Assert.Equal(expected, Registry.Resolve("", "Conv", opset)!.SinceVersion);

    [Fact]
    public void Ai_onnx_and_the_empty_domain_are_one_domain() =>
        Assert.Same(Registry.Resolve("", "Relu", 14), Registry.Resolve("ai.onnx", "Relu", 14));

    [Fact]
    public void Nothing_resolves_below_the_first_version_or_for_unknown_operators()
    {
        Assert.Null(Registry.Resolve("", "Gelu", 19));
        Assert.Null(Registry.Resolve("", "NoSuchOp", 21));
        Assert.Null(Registry.Resolve("com.example", "Relu", 21));
    }

    [Fact]
    public void Deprecated_versions_resolve_only_when_asked()
    {
        Assert.Null(Registry.Resolve("", "Upsample", 10));
        Assert.True(Registry.ResolveIncludingDeprecated("", "Upsample", 10)!.Deprecated);
        Assert.Equal(9, Registry.Resolve("", "Upsample", 9)!.SinceVersion);
    }

    [Fact]
    public void Arity_follows_optional_and_variadic_parameters()
    {
        OperatorSchema concat = Registry.Resolve("", "Concat", 13)!;
        Assert.Equal((1, int.MaxValue), (concat.MinInputs, concat.MaxInputs));
        OperatorSchema conv = Registry.Resolve("", "Conv", 11)!;
        Assert.Equal((2, 3), (conv.MinInputs, conv.MaxInputs));
        OperatorSchema qlinearConv = Registry.Resolve("", "QLinearConv", 10)!;
        Assert.Equal((8, 9), (qlinearConv.MinInputs, qlinearConv.MaxInputs));
        OperatorSchema loop = Registry.Resolve("", "Loop", 16)!;
        Assert.Equal((2, int.MaxValue), (loop.MinInputs, loop.MaxInputs));
        Assert.Equal((1, int.MaxValue), (loop.MinOutputs, loop.MaxOutputs));
        Assert.Equal("v_initial", loop.FormalInput(7)!.Name);
    }

    [Fact]
    public void Attributes_carry_types_defaults_and_required_flags()
    {
        OperatorSchema cast = Registry.Resolve("", "Cast", 21)!;
        Assert.True(cast.FindAttribute("to")!.Required);
        Assert.Equal(1, cast.FindAttribute("saturate")!.Default!.Int);
        OperatorSchema conv = Registry.Resolve("", "Conv", 22)!;
        Assert.Equal("NOTSET", conv.FindAttribute("auto_pad")!.Default!.StringValue);
        Assert.Null(conv.FindAttribute("strides")!.Default);
        Assert.Equal(AttributeType.Ints, conv.FindAttribute("strides")!.Type);
    }

    [Fact]
    public void Type_constraints_match_types_by_their_specification_names()
    {
        TypeConstraint t = Registry.Resolve("", "Conv", 22)!.FindTypeConstraint("T")!;
        Assert.True(t.Allows(TypeInfo.Tensor(DataType.BFloat16)));
        Assert.False(t.Allows(TypeInfo.Tensor(DataType.Int64)));
        TypeConstraint s = Registry.Resolve("", "SequenceAt", 11)!.FindTypeConstraint("S")!;
        Assert.True(s.Allows(TypeInfo.Sequence(TypeInfo.Tensor(DataType.Float))));
    }

    [Fact]
    public void Two_schemas_for_one_version_are_rejected()
    {
        OperatorSchema relu = Registry.Resolve("", "Relu", 14)!;
        Assert.Throws<ArgumentException>(() => new OperatorRegistry([relu, relu with { }]));
    }
}
