using static Onyx.Tests.Checking.CheckAssert;

namespace Onyx.Tests.Checking;

public sealed class ModelRulesTests
{
    private static Model Relu(long opset = 17) => ReluGraph().ToModel(opset);

    [Fact]
    public void A_valid_model_has_no_problems() => Valid(Relu());

    [Theory]
    [InlineData(0L)]
    [InlineData(-3L)]
    public void Ir_version_must_be_set(long irVersion)
    {
        Model model = Relu();
        model.IrVersion = irVersion;
        Only(model, CheckCode.IrVersionMissing, "model");
    }

    [Fact]
    public void Ir_version_newer_than_known_is_rejected()
    {
        Model model = Relu();
        model.IrVersion = Model.LatestIrVersion + 1;
        Only(model, CheckCode.IrVersionUnsupported, "model");
    }

    [Fact]
    public void Ir_version_2_cannot_import_opsets()
    {
        Model model = Relu(1);
        model.IrVersion = 2;
        Only(model, CheckCode.OpsetImportBeforeIrVersion3, "model");
    }

    [Fact]
    public void Ir_version_2_without_imports_uses_ai_onnx_1()
    {
        Model model = Relu(1);
        model.IrVersion = 2;
        model.OpsetImports.Clear();
        Valid(model);
    }

    [Fact]
    public void Ir_version_3_needs_an_opset_import()
    {
        Model model = Relu(1);
        model.IrVersion = 3;
        model.OpsetImports.Clear();
        Assert.Contains(ModelChecker.Check(model).Problems, p => p.Code == CheckCode.OpsetImportMissing && p.Location.GraphPath == "model");
        Includes(model, CheckCode.DomainNotImported, "g", 0);
    }

    [Fact]
    public void Default_domain_imported_twice_under_both_names()
    {
        Model model = Relu();
        model.OpsetImports.Add(new OpsetImport("ai.onnx", 17));
        Only(model, CheckCode.DuplicateOpsetDomain, "model");
    }

    [Fact]
    public void Ml_domain_imported_twice()
    {
        Model model = Relu();
        model.OpsetImports.Add(new OpsetImport(OperatorDomains.Ml, 3));
        model.OpsetImports.Add(new OpsetImport(OperatorDomains.Ml, 2));
        Only(model, CheckCode.DuplicateOpsetDomain, "model");
    }

    [Theory]
    [InlineData("", 0L)]
    [InlineData("", 1000L)]
    [InlineData(OperatorDomains.Ml, 99L)]
    [InlineData(OperatorDomains.Ml, -1L)]
    public void Opset_versions_must_be_in_range(string domain, long version)
    {
        Model model = Relu();
        if (domain.Length == 0)
            model.OpsetImports.Clear();
        model.OpsetImports.Add(new OpsetImport(domain, version));
        if (domain.Length > 0)
        {
            Only(model, CheckCode.OpsetVersionOutOfRange, "model");
            return;
        }
        Includes(model, CheckCode.OpsetVersionOutOfRange, "model");
    }

    [Fact]
    public void Custom_domains_may_have_any_positive_version()
    {
        Model model = Relu();
        model.OpsetImports.Add(new OpsetImport("com.example", 12345));
        Valid(model);
    }

    [Fact]
    public void Missing_default_domain_import_is_reported_at_the_node()
    {
        Model model = Relu();
        model.OpsetImports.Clear();
        model.OpsetImports.Add(new OpsetImport(OperatorDomains.Ml, 3));
        Only(model, CheckCode.DomainNotImported, "g", 0);
    }

    [Fact]
    public void Node_of_an_unimported_custom_domain()
    {
        GraphBuilder g = ReluGraph();
        g.Graph.Nodes[0].Domain = "com.example";
        Only(g.ToModel(17), CheckCode.DomainNotImported, "g", 0);
    }

    [Fact]
    public void Metadata_keys_must_be_distinct()
    {
        Model model = new ModelBuilder(ReluGraph().Graph).UseOpset("", 17).WithMetadata("author", "a").WithMetadata("author", "b").Build();
        Only(model, CheckCode.DuplicateMetadataKey, "model");
    }

    [Fact]
    public void Functions_need_ir_version_8()
    {
        var f = new FunctionBuilder("com.example", "Twice");
        string x = f.AddInput("x");
        f.AddOutput(f.AddNode("Add", [x, x])).UseOpset("", 13);
        Model model = new ModelBuilder(ReluGraph().Graph).UseOpset("", 13).UseOpset("com.example", 1).AddFunction(f.Build()).WithIrVersion(7).Build();
        Only(model, CheckCode.FeatureNeedsNewerIrVersion, "model");
    }

    [Fact]
    public void Training_info_needs_ir_version_7()
    {
        Model model = Relu(11);
        model.IrVersion = 6;
        model.TrainingInfos.Add(new TrainingInfo());
        Only(model, CheckCode.FeatureNeedsNewerIrVersion, "model");
    }

    [Theory]
    [InlineData(DataType.BFloat16, 3L)]
    [InlineData(DataType.Float8E4M3FN, 8L)]
    [InlineData(DataType.Int4, 9L)]
    [InlineData(DataType.Float4E2M1, 10L)]
    [InlineData(DataType.Float8E8M0, 11L)]
    [InlineData(DataType.Int2, 12L)]
    public void Data_types_need_the_ir_version_that_introduced_them(DataType type, long irVersion)
    {
        var g = new GraphBuilder("g");
        g.AddInput("x", type, 2);
        g.AddNode(new Node("Identity", ["x"], ["y"]));
        g.AddOutput("y", type, 2);
        Model model = g.ToModel(1);
        model.IrVersion = irVersion;
        Includes(model, CheckCode.FeatureNeedsNewerIrVersion, "g");
    }

    [Fact]
    public void Optional_types_need_ir_version_8()
    {
        var g = new GraphBuilder("g");
        g.AddInput(new ValueInfo("x", TypeInfo.Optional(TypeInfo.Tensor(DataType.Float, 2))));
        g.AddNode(new Node("Identity", ["x"], ["y"]));
        g.AddOutput(new ValueInfo("y", TypeInfo.Optional(TypeInfo.Tensor(DataType.Float, 2))));
        Model model = g.ToModel(16);
        model.IrVersion = 7;
        CheckResult result = ModelChecker.Check(model);
        Assert.Equal(2, result.Problems.Count(p => p.Code == CheckCode.FeatureNeedsNewerIrVersion && p.Location.GraphPath == "g"));
    }

    [Fact]
    public void Sparse_initializers_need_ir_version_6()
    {
        GraphBuilder g = ReluGraph();
        Tensor values = Tensor.FromArray(new float[] { 1 }, 1);
        values.Name = "s";
        g.Graph.SparseInitializers.Add(new SparseTensor(values, Tensor.FromArray(new long[] { 0 }, 1), [4]));
        Model model = g.ToModel(11);
        model.IrVersion = 5;
        Only(model, CheckCode.FeatureNeedsNewerIrVersion, "g");
    }

    [Fact]
    public void Ir_version_3_initializers_must_be_inputs()
    {
        GraphBuilder g = ReluGraph();
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        Model model = g.ToModel(8);
        Assert.Equal(3, model.IrVersion);
        Only(model, CheckCode.InitializerNotInput, "g");
    }

    [Fact]
    public void Ir_version_4_initializers_need_not_be_inputs()
    {
        GraphBuilder g = ReluGraph();
        g.AddInitializer("w", Tensor.FromArray(new float[] { 1, 2 }));
        Valid(g.ToModel(9));
    }
}
