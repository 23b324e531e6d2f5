using static Onyx.Tests.Checking.CheckAssert;

namespace Onyx.Tests.Checking;

public sealed class CheckerApiTests
{
    private static Model MismatchedAdd()
    {
        var g = new GraphBuilder("g");
        g.AddInput("a", DataType.Float, 2, 3);
        g.AddInput("b", DataType.Float, 4, 3);
        g.AddNode(new Node("Add", ["a", "b"], ["sum"], name: "adder"));
        g.AddNode(new Node("Relu", ["sum"], ["y"]));
        g.AddOutput("y", DataType.Float, 2, 3);
        return g.ToModel(17);
    }

    [Fact]
    public void Full_check_reports_shape_inference_problems_with_their_location()
    {
        CheckProblem p = Only(MismatchedAdd(), CheckCode.ShapeInference, "g", 0, new CheckerOptions { FullCheck = true });
        Assert.Equal(new NodeLocation("g", 0, "adder", "Add", "", 14), p.Location);
    }

    [Fact]
    public void Without_full_check_shapes_are_not_inferred() => Valid(MismatchedAdd());

    [Fact]
    public void Full_check_leaves_the_model_unchanged()
    {
        GraphBuilder g = ReluGraph();
        g.AddNode(new Node("Relu", ["y"], ["z"]));
        Model model = g.ToModel(17);

        Valid(model, new CheckerOptions { FullCheck = true });

        Assert.Empty(model.Graph.ValueInfos);
    }

    [Fact]
    public void Full_check_does_not_run_on_a_structurally_invalid_model()
    {
        Model model = MismatchedAdd();
        model.Graph.Nodes[1].Inputs[0] = "nowhere";
        CheckResult result = ModelChecker.Check(model, new CheckerOptions { FullCheck = true });
        Assert.DoesNotContain(result.Problems, p => p.Code == CheckCode.ShapeInference);
        Assert.Contains(result.Problems, p => p.Code == CheckCode.UndefinedInput);
    }

    [Fact]
    public void Validate_throws_with_every_problem()
    {
        Model model = ReluGraph().ToModel(17);
        model.IrVersion = 0;
        model.Graph.Nodes.Add(new Node("Relu", ["missing"], ["z"]));

        var e = Assert.Throws<ModelValidationException>(() => ModelChecker.Validate(model));

        Assert.Equal([CheckCode.IrVersionMissing, CheckCode.UndefinedInput], e.Problems.Select(p => p.Code));
        Assert.Contains("ONYX-C001 ir-version-missing at model", e.Message);
        Assert.Contains("ONYX-C025 undefined-input at g: node 1 (Relu-14): input 0 'missing'", e.Message);
        Assert.IsAssignableFrom<OnyxException>(e);
    }

    [Fact]
    public void Validate_accepts_a_model_with_only_warnings()
    {
        GraphBuilder g = ReluGraph();
        g.AddNode(new Node("Custom", ["y"], ["z"], domain: "com.example"));
        Model model = new ModelBuilder(g.Graph).UseOpset("", 17).UseOpset("com.example", 1).Build();

        CheckResult result = ModelChecker.Validate(model);

        Assert.True(result.IsValid);
        Assert.Equal(CheckCode.UncheckedOperator, Assert.Single(result.Warnings).Code);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Every_code_has_a_distinct_id_and_name()
    {
        CheckCode[] codes = Enum.GetValues<CheckCode>();
        Assert.Equal(codes.Length, codes.Select(c => c.Id()).Distinct().Count());
        Assert.Equal(codes.Length, codes.Select(c => c.Name()).Distinct().Count());
        Assert.DoesNotContain("unknown", codes.Select(c => c.Name()));
        Assert.All(codes, c => Assert.Matches("^ONYX-C[0-9]{3}$", c.Id()));
        Assert.Equal("ONYX-C025", CheckCode.UndefinedInput.Id());
        Assert.Equal("undefined-input", CheckCode.UndefinedInput.Name());
    }

    [Fact]
    public void Problems_come_in_model_order()
    {
        GraphBuilder g = ReluGraph();
        g.AddNode(new Node("Relu", ["late"], ["z"]));
        g.AddNode(new Node("Relu", ["z", "z"], ["late"]));
        g.AddNode(new Node("Frobnicate", ["y"], ["w"]));
        Model model = g.ToModel(17);
        model.Metadata.Add(new MetadataEntry("k", "1"));
        model.Metadata.Add(new MetadataEntry("k", "2"));

        CheckResult result = ModelChecker.Check(model);

        Assert.Equal(
            [("model", -1, CheckCode.DuplicateMetadataKey), ("g", 1, CheckCode.NotTopologicallySorted), ("g", 2, CheckCode.TooManyInputs), ("g", 3, CheckCode.UnknownOperator)],
            result.Problems.Select(p => (p.Location.GraphPath, p.Location.NodeIndex, p.Code)));
    }

    [Fact]
    public void Checking_a_loaded_model_with_external_data_uses_its_folder()
    {
        using var folder = new TempFolder();
        string path = folder.File("m.onnx");
        GraphBuilder g = ReluGraph();
        g.AddInitializer("w", Tensor.FromArray(new float[1024]));
        g.ToModel(17).Save(path, new SaveOptions { ExternalDataThreshold = 1024 });

        Model model = Model.Load(path, new LoadOptions { ExternalData = ExternalDataMode.KeepReferences });

        Valid(model, new CheckerOptions { ModelDirectory = folder.Path });
        File.Delete(path + ".data");
        Only(model, CheckCode.ExternalDataUnreadable, "g", options: new CheckerOptions { ModelDirectory = folder.Path });
    }
}
