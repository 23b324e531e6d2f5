using Onyx.Cli.Commands;
using static Onyx.Tests.Cli.OnyxCli;

namespace Onyx.Tests.Cli;

public sealed class InferShapesCommandTests
{
    private static string SaveModel(TempFolder folder, bool consistent)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "N", 3);
        string y = g.AddInput("y", DataType.Float, consistent ? 3 : 4);
        string sum = g.AddNode("Add", [x, y]);
        g.AddOutput(new ValueInfo(g.AddNode("Abs", [sum]), TypeInfo.Tensor(DataType.Float)));
        string path = folder.File("model.onnx");
        g.ToModel(17).Save(path);
        return path;
    }

    [Fact]
    public void Infer_shapes_writes_the_type_of_every_value()
    {
        using var folder = new TempFolder();
        string input = SaveModel(folder, consistent: true);
        string output = folder.File("inferred.onnx");

        var (code, _, error) = Run("infer-shapes", input, "-o", output);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Model model = Model.Load(output);
        Assert.Equal("tensor(float)[N,3]", model.Graph.ValueInfos.Single().ToString()[(model.Graph.ValueInfos.Single().Name.Length + 2)..]);
        Assert.Equal("tensor(float)[N,3]", model.Graph.Outputs.Single().ToString()[(model.Graph.Outputs.Single().Name.Length + 2)..]);
    }

    [Fact]
    public void Strict_inference_fails_with_exit_code_1_and_the_node()
    {
        using var folder = new TempFolder();
        string input = SaveModel(folder, consistent: false);

        var (code, _, error) = Run("infer-shapes", input, "-o", folder.File("out.onnx"), "--strict");

        Assert.Equal(1, code);
        Assert.Contains("g: node 0", error);
        Assert.Contains("cannot be broadcast", error);
        Assert.False(File.Exists(folder.File("out.onnx")));
    }

    [Fact]
    public void Lenient_inference_warns_and_still_writes()
    {
        using var folder = new TempFolder();
        string input = SaveModel(folder, consistent: false);

        var (code, _, error) = Run("infer-shapes", input, "-o", folder.File("out.onnx"));

        Assert.Equal(0, code);
        Assert.StartsWith("warning: g: node 0", error);
        Assert.True(File.Exists(folder.File("out.onnx")));
    }

    [Fact]
    public void Unreadable_models_exit_with_2()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("bad.onnx"), [0xFF, 0xFF, 0xFF]);

        Assert.Equal(2, Run("infer-shapes", folder.File("bad.onnx"), "-o", folder.File("out.onnx")).Code);
    }

    [Fact]
    public void Info_with_values_lists_inferred_intermediate_values()
    {
        using var folder = new TempFolder();
        string input = SaveModel(folder, consistent: true);

        var (code, output, _) = Run("info", input, "--values");

        Assert.Equal(0, code);
        Assert.Matches(@"Values\n  \S+\s+tensor\(float\)\[N,3\]\n", output);
    }

    [Fact]
    public void Ops_lists_every_domain_and_counts_inference_coverage()
    {
        var (code, output, _) = Run("ops");

        Assert.Equal(0, code);
        Assert.Contains("232 operators (203 in ai.onnx, 19 in ai.onnx.ml, 1 in ai.onnx.preview, 4 in ai.onnx.preview.training, 5 in ai.onyx), 647 versions; shape inference for 642 and kernels for", output);
        Assert.Matches(@"\n  Conv\s+1, 11, 22\s", output);
        Assert.Contains("Upsample", output);
        Assert.Contains("10 (deprecated)", output);
    }

    [Fact]
    public void Docs_operators_md_is_the_markdown_output()
    {
        string committed = File.ReadAllText(Path.Combine(BackendTestData.RepositoryRoot, "docs", "operators.md"));
        Assert.Equal(OpsCommand.Render(OperatorRegistry.Default, Onyx.Runtime.Kernels.KernelRegistry.Default, markdown: true), committed);
    }
}
