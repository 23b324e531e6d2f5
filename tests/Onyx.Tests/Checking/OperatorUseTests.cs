using static Onyx.Tests.Checking.CheckAssert;

namespace Onyx.Tests.Checking;

public sealed class OperatorUseTests
{
    /// <summary>Graph "g": inputs a, b of the given types ([2]), one node, output y of <paramref name="outputType"/>.</summary>
    private static Model OneNode(Node node, DataType a = DataType.Float, DataType b = DataType.Float, DataType outputType = DataType.Float, long opset = 17)
    {
        var g = new GraphBuilder("g");
        g.AddInput("a", a, 2);
        g.AddInput("b", b, 2);
        g.AddNode(node);
        g.AddOutput("y", outputType, 2);
        return g.ToModel(opset);
    }

    [Fact]
    public void Unknown_operator_in_the_default_domain()
    {
        CheckProblem p = Only(OneNode(new Node("Frobnicate", ["a"], ["y"])), CheckCode.UnknownOperator, "g", 0);
        Assert.Contains("Frobnicate", p.Message);
    }

    [Fact]
    public void Unknown_operator_in_the_ml_domain()
    {
        Model model = OneNode(new Node("Frobnicate", ["a"], ["y"], domain: OperatorDomains.Ml));
        model.OpsetImports.Add(new OpsetImport(OperatorDomains.Ml, 3));
        Only(model, CheckCode.UnknownOperator, "g", 0);
    }

    [Fact]
    public void Operator_newer_than_the_imported_opset()
    {
        CheckProblem p = Only(OneNode(new Node("Gelu", ["a"], ["y"])), CheckCode.UnknownOperator, "g", 0);
        Assert.Contains("its first version is 20", p.Message);
    }

    [Fact]
    public void Unknown_operator_of_a_custom_domain_is_a_warning()
    {
        Model model = OneNode(new Node("Frobnicate", ["a"], ["y"], domain: "com.example"));
        model.OpsetImports.Add(new OpsetImport("com.example", 1));
        CheckProblem p = Only(model, CheckCode.UncheckedOperator, "g", 0);
        Assert.Equal(CheckSeverity.Warning, p.Severity);
        Assert.True(ModelChecker.Check(model).IsValid);
    }

    [Fact]
    public void Unknown_operator_of_a_domain_the_registry_defines_is_an_error()
    {
        var registry = new OperatorRegistry([.. OperatorRegistry.Default.All, new OperatorSchema("Known", 1, "com.example")
        {
            Inputs = [new("X", "T")],
            Outputs = [new("Y", "T")],
            TypeConstraints = [new("T", "tensor(float)")],
        }]);
        Model model = OneNode(new Node("Unknown", ["a"], ["y"], domain: "com.example"));
        model.OpsetImports.Add(new OpsetImport("com.example", 1));
        Only(model, CheckCode.UnknownOperator, "g", 0, new CheckerOptions { Registry = registry });
    }

    [Fact]
    public void Custom_schemas_in_the_options_are_checked()
    {
        var registry = new OperatorRegistry([.. OperatorRegistry.Default.All, new OperatorSchema("Scale", 1, "com.example")
        {
            Inputs = [new("X", "T")],
            Outputs = [new("Y", "T")],
            Attributes = [new("factor", AttributeType.Float, Required: true)],
            TypeConstraints = [new("T", "tensor(float)")],
        }]);
        Model model = OneNode(new Node("Scale", ["a"], ["y"], domain: "com.example"));
        model.OpsetImports.Add(new OpsetImport("com.example", 1));
        CheckProblem p = Only(model, CheckCode.MissingRequiredAttribute, "g", 0, new CheckerOptions { Registry = registry });
        Assert.Equal(1, p.Location.Version);
    }

    [Fact]
    public void Deprecated_operator()
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", DataType.Float, 1, 1, 2, 2);
        g.AddInitializer("scales", Tensor.FromArray(new float[] { 1, 1, 2, 2 }));
        g.AddNode(new Node("Upsample", ["x", "scales"], ["y"]));
        g.AddOutput("y", DataType.Float, 1, 1, 4, 4);
        CheckProblem p = Only(g.ToModel(10), CheckCode.DeprecatedOperator, "g", 0);
        Assert.Equal(10, p.Location.Version);
    }

    [Fact]
    public void Resolved_version_is_part_of_the_location()
    {
        CheckProblem p = Only(OneNode(new Node("Add", ["a"], ["y"])), CheckCode.TooFewInputs, "g", 0);
        Assert.Equal(new NodeLocation("g", 0, "", "Add", "", 14), p.Location);
    }

    [Fact]
    public void Too_many_inputs() => Only(OneNode(new Node("Relu", ["a", "b"], ["y"])), CheckCode.TooManyInputs, "g", 0);

    [Fact]
    public void Too_few_outputs() => Includes(OneNode(new Node("Relu", ["a"], [])), CheckCode.TooFewOutputs, "g", 0);

    [Fact]
    public void Too_many_outputs()
    {
        Model model = OneNode(new Node("Relu", ["a"], ["y", "extra"]));
        Only(model, CheckCode.TooManyOutputs, "g", 0);
    }

    [Fact]
    public void Variadic_input_below_its_minimum()
    {
        Model model = OneNode(new Node("Concat", [], ["y"]).With(Attribute.Create("axis", 0L)));
        Only(model, CheckCode.TooFewInputs, "g", 0);
    }

    [Fact]
    public void Required_input_left_empty()
    {
        CheckProblem p = Only(OneNode(new Node("Add", ["a", ""], ["y"])), CheckCode.RequiredValueEmpty, "g", 0);
        Assert.Contains("input 1 (B)", p.Message);
    }

    [Fact]
    public void Required_output_left_empty()
    {
        var g = new GraphBuilder("g");
        g.AddInput("a", DataType.Float, 2);
        g.AddNode(new Node("Relu", ["a"], [""]));
        Only(g.ToModel(17), CheckCode.RequiredValueEmpty, "g", 0);
    }

    [Fact]
    public void Attribute_set_twice()
    {
        Model model = OneNode(new Node("Softmax", ["a"], ["y"]).With(Attribute.Create("axis", 0L)).With(Attribute.Create("axis", 0L)));
        Only(model, CheckCode.DuplicateAttribute, "g", 0);
    }

    [Fact]
    public void Unknown_attribute()
    {
        CheckProblem p = Only(OneNode(new Node("Relu", ["a"], ["y"]).With(Attribute.Create("alpha", 0.5f))), CheckCode.UnknownAttribute, "g", 0);
        Assert.Contains("'alpha'", p.Message);
    }

    [Fact]
    public void Attributes_with_two_leading_underscores_are_not_checked() =>
        Valid(OneNode(new Node("Relu", ["a"], ["y"]).With(Attribute.Create("__internal", 1L))));

    [Fact]
    public void Missing_required_attribute()
    {
        CheckProblem p = Only(OneNode(new Node("Cast", ["a"], ["y"])), CheckCode.MissingRequiredAttribute, "g", 0);
        Assert.Contains("'to'", p.Message);
    }

    [Fact]
    public void Attribute_of_the_wrong_type()
    {
        CheckProblem p = Only(OneNode(new Node("Softmax", ["a"], ["y"]).With(Attribute.Create("axis", 1.0f))), CheckCode.AttributeTypeMismatch, "g", 0);
        Assert.Contains("FLOAT", p.Message);
        Assert.Contains("INT", p.Message);
    }

    [Fact]
    public void List_attribute_given_as_a_scalar() =>
        Only(OneNode(new Node("Transpose", ["a"], ["y"]).With(Attribute.Create("perm", 0L))), CheckCode.AttributeTypeMismatch, "g", 0);

    [Fact]
    public void Attribute_without_a_type() =>
        Includes(OneNode(new Node("Softmax", ["a"], ["y"]).With(new Attribute("axis", AttributeType.Undefined))), CheckCode.AttributeMalformed, "g", 0);

    [Fact]
    public void Attribute_holding_two_values()
    {
        Attribute axis = Attribute.Create("axis", 1L);
        axis.Floats.Add(2f);
        Only(OneNode(new Node("Softmax", ["a"], ["y"]).With(axis)), CheckCode.AttributeMalformed, "g", 0);
    }

    [Fact]
    public void Tensor_attribute_without_a_tensor()
    {
        var g = new GraphBuilder("g");
        g.AddNode(new Node("Constant", [], ["y"]).With(new Attribute("value", AttributeType.Tensor)));
        g.AddOutput("y", DataType.Float, 2);
        Only(g.ToModel(17), CheckCode.AttributeMalformed, "g", 0);
    }

    [Fact]
    public void Attribute_without_a_name() =>
        Includes(OneNode(new Node("Relu", ["a"], ["y"]).With(Attribute.Create("", 1L))), CheckCode.EmptyName, "g", 0);

    [Fact]
    public void Attribute_reference_outside_a_function() =>
        Only(OneNode(new Node("Softmax", ["a"], ["y"]).With(Attribute.Reference("axis", AttributeType.Int, "my_axis"))), CheckCode.RefAttributeOutsideFunction, "g", 0);

    [Fact]
    public void Input_type_not_allowed_by_the_constraint()
    {
        CheckProblem p = Only(OneNode(new Node("Relu", ["a"], ["y"]), a: DataType.String), CheckCode.TypeConstraintViolation, "g", 0);
        Assert.Contains("tensor(string)", p.Message);
        Assert.Contains("input 0 'a'", p.Message);
    }

    [Fact]
    public void Older_version_with_narrower_constraint()
    {
        Only(OneNode(new Node("Relu", ["a"], ["y"]), a: DataType.Int32, opset: 13), CheckCode.TypeConstraintViolation, "g", 0);
        Valid(OneNode(new Node("Relu", ["a"], ["y"]), a: DataType.Int32, outputType: DataType.Int32, opset: 14));
    }

    [Fact]
    public void Declared_output_type_not_allowed_by_the_constraint() =>
        Only(OneNode(new Node("Relu", ["a"], ["y"]), outputType: DataType.String), CheckCode.TypeConstraintViolation, "g", 0);

    [Fact]
    public void Inputs_bound_to_one_type_variable_with_different_types()
    {
        CheckProblem p = Only(OneNode(new Node("Add", ["a", "b"], ["y"]), b: DataType.Double), CheckCode.TypeVariableMismatch, "g", 0);
        Assert.Contains("tensor(double)", p.Message);
        Assert.Contains("tensor(float)", p.Message);
    }

    [Fact]
    public void Output_type_differing_from_its_bound_input() =>
        Only(OneNode(new Node("Relu", ["a"], ["y"]), outputType: DataType.Double), CheckCode.TypeVariableMismatch, "g", 0);

    [Fact]
    public void Homogeneous_variadic_inputs_with_different_types() =>
        Only(OneNode(new Node("Concat", ["a", "b"], ["y"]).With(Attribute.Create("axis", 0L)), b: DataType.Int32), CheckCode.TypeVariableMismatch, "g", 0);

    [Fact]
    public void Heterogeneous_variadic_inputs_may_differ()
    {
        var g = new GraphBuilder("g");
        g.AddInput("a", DataType.Float, 2);
        g.AddInput("b", DataType.Int64, 2);
        g.AddNode(new Node("SequenceConstruct", ["a"], ["s"]));
        g.AddNode(new Node("Identity", ["b"], ["y"]));
        g.AddOutput("y", DataType.Int64, 2);
        Valid(g.ToModel(17));
    }

    [Fact]
    public void Fixed_formal_type_not_matched()
    {
        var g = new GraphBuilder("g");
        g.AddInput("a", DataType.Float, 2, 3);
        g.AddInitializer("shape", Tensor.FromArray(new float[] { 3, 2 }));
        g.AddNode(new Node("Reshape", ["a", "shape"], ["y"]));
        g.AddOutput("y", DataType.Float, 3, 2);
        CheckProblem p = Only(g.ToModel(17), CheckCode.TypeConstraintViolation, "g", 0);
        Assert.Contains("tensor(int64)", p.Message);
    }

    [Fact]
    public void Condition_of_where_must_be_boolean()
    {
        var g = new GraphBuilder("g");
        g.AddInput("c", DataType.Float, 2);
        g.AddInput("a", DataType.Float, 2);
        g.AddNode(new Node("Where", ["c", "a", "a"], ["y"]));
        g.AddOutput("y", DataType.Float, 2);
        Only(g.ToModel(17), CheckCode.TypeConstraintViolation, "g", 0);
    }

    [Fact]
    public void Sequence_given_where_a_tensor_is_expected()
    {
        var g = new GraphBuilder("g");
        g.AddInput(new ValueInfo("s", TypeInfo.Sequence(TypeInfo.Tensor(DataType.Float, 2))));
        g.AddNode(new Node("Relu", ["s"], ["y"]));
        g.AddOutput("y", DataType.Float, 2);
        Includes(g.ToModel(17), CheckCode.TypeConstraintViolation, "g", 0);
    }

    [Fact]
    public void Types_of_intermediate_values_come_from_value_infos()
    {
        var g = new GraphBuilder("g");
        g.AddInput("a", DataType.Float, 2);
        g.AddNode(new Node("Relu", ["a"], ["h"]));
        g.AddNode(new Node("Not", ["h"], ["y"]));
        g.Graph.ValueInfos.Add(ValueInfo.Tensor("h", DataType.Float, 2));
        g.AddOutput("y", DataType.Bool, 2);
        Only(g.ToModel(17), CheckCode.TypeConstraintViolation, "g", 1);
    }

    [Fact]
    public void Unknown_types_are_not_checked()
    {
        var g = new GraphBuilder("g");
        g.AddInput("a", DataType.Float, 2);
        g.AddNode(new Node("Relu", ["a"], ["h"]));
        g.AddNode(new Node("Not", ["h"], ["y"]));
        g.AddOutput("y", DataType.Bool, 2);
        Valid(g.ToModel(17));
    }
}
