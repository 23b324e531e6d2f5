using Onyx.Runtime;
using static Onyx.Tests.Cli.OnyxCli;

namespace Onyx.Tests.Cli;

public sealed class OptimizeCommandTests
{
    /// <summary>y = x · (a + b) + 0 through an Identity, with x[batch,3] and the size of x as a second output.</summary>
    private static string SaveModel(TempFolder folder)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, "batch", 3);
        string sum = g.AddNode("Add", [g.AddInitializer("a", Tensor.FromArray(new[] { 1f, 2f, 3f }, 3)), g.AddInitializer("b", Tensor.FromArray(new[] { 1f, 1f, 1f }, 3))]);
        string y = g.AddNode("Identity", [g.AddNode("Mul", [x, sum])]);
        g.AddOutput(y, DataType.Float, "batch", 3);
        g.AddNode(new Node("Size", [x], ["count"]));
        g.AddOutput("count", DataType.Int64);
        string path = folder.File("model.onnx");
        g.ToModel(17).Save(path);
        return path;
    }

    [Fact]
    public void Optimize_writes_a_valid_model_that_computes_the_same_and_says_what_changed()
    {
        using var folder = new TempFolder();
        string input = SaveModel(folder), optimized = folder.File("optimized.onnx");

        var (code, output, error) = Run("optimize", input, "-o", optimized, "--level", "basic");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("4 nodes -> 3", output);
        Assert.Matches(@"\n  ConstantFolding\s+1\n", output);
        Assert.Matches(@"\n  Add\s+1 -> 0\n", output);
        Assert.Equal(0, Run("check", optimized).Code);
        var feeds = new Dictionary<string, OnnxValue> { ["x"] = OnnxValue.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3) };
        var options = new SessionOptions { OptimizationLevel = GraphOptimizationLevel.DisableAll };
        IReadOnlyDictionary<string, OnnxValue> expected = new InferenceSession(input, options).Run(feeds), actual = new InferenceSession(optimized, options).Run(feeds);
        string y = expected.Keys.Single(k => k != "count");
        Assert.Equal(expected[y].ToArray<float>(), actual[y].ToArray<float>());
        Assert.Equal([6L], actual["count"].ToArray<long>());
    }

    [Fact]
    public void Dims_fix_symbolic_dims_so_shapes_fold()
    {
        using var folder = new TempFolder();
        string input = SaveModel(folder), optimized = folder.File("optimized.onnx");

        var (code, output, _) = Run("optimize", input, "-o", optimized, "--dims", "batch=2");

        Assert.Equal(0, code);
        Assert.Matches(@"\n  ShapeFolding\s+1\n", output);
        Model model = Model.Load(optimized);
        Assert.Equal([6L], model.Graph.Initializers.Single(t => t.Name == "count").ToArray<long>());
        Assert.Equal(0, Run("check", optimized).Code);
    }

    [Fact]
    public void An_IR_3_model_that_gains_constants_is_written_as_IR_4()
    {
        using var folder = new TempFolder();
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, 3);
        string c = g.AddNode("Constant", [], Attribute.Create("value", Tensor.FromArray(new[] { 1f, 2f, 3f }, 3)));
        g.AddOutput(g.AddNode("Add", [x, c]), DataType.Float, 3);
        new ModelBuilder(g.Graph).UseOpset("", 8).WithIrVersion(3).Build().Save(folder.File("ir3.onnx"));

        Assert.Equal(0, Run("optimize", folder.File("ir3.onnx"), "-o", folder.File("out.onnx")).Code);

        Assert.Equal(4, Model.Load(folder.File("out.onnx")).IrVersion);
        Assert.Equal(0, Run("check", folder.File("out.onnx")).Code);
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("batch=-1")]
    [InlineData("=3")]
    public void Malformed_dims_exit_with_2(string dims)
    {
        using var folder = new TempFolder();
        string input = SaveModel(folder);

        var (code, _, error) = Run("optimize", input, "-o", folder.File("out.onnx"), "--dims", dims);

        Assert.Equal(2, code);
        Assert.Contains("NAME=VALUE", error);
    }

    [Fact]
    public void Unreadable_models_exit_with_2_and_invalid_ones_with_1()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("bad.onnx"), [0xFF, 0xFF, 0xFF]);
        var g = new GraphBuilder("g");
        g.AddOutput(g.AddNode("Abs", ["missing"]), DataType.Float, 3);
        g.ToModel(17).Save(folder.File("invalid.onnx"));

        Assert.Equal(2, Run("optimize", folder.File("bad.onnx"), "-o", folder.File("out.onnx")).Code);
        Assert.Equal(1, Run("optimize", folder.File("invalid.onnx"), "-o", folder.File("out.onnx")).Code);
        Assert.False(File.Exists(folder.File("out.onnx")));
    }
}
