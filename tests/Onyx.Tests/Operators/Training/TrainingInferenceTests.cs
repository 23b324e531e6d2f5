using Onyx.Tests.Operators.MlOperators;

namespace Onyx.Tests.Operators.TrainingOperators;

public sealed class TrainingInferenceTests
{
    private const string Domain = "ai.onnx.preview.training";

    private static readonly Attribute[] MomentumAttributes =
    [
        Attribute.Create("alpha", 0.9f), Attribute.Create("beta", 0.1f), Attribute.Create("mode", "standard"), Attribute.Create("norm_coefficient", 0f),
    ];

    /// <summary>R, T, then <paramref name="groups"/> groups of two tensors (float [n,3] and double [m]); the gradients (group 1) have unknown rank.</summary>
    private static Func<GraphBuilder, IEnumerable<string>> OptimizerInputs(int groups) => g =>
    [
        g.AddInput("R", DataType.Float),
        g.AddInput("T", DataType.Int64),
        .. Enumerable.Range(0, groups).SelectMany(group => group == 1
            ? new[] { g.AddInput(new ValueInfo("g0", TypeInfo.Tensor(DataType.Float))), g.AddInput(new ValueInfo("g1", TypeInfo.Tensor(DataType.Double))) }
            : new[] { g.AddInput($"t{group}a", DataType.Float, "n", 3), g.AddInput($"t{group}b", DataType.Double, "m") }),
    ];

    private static string[] Optimize(string opType, int groups, int outputCount, params Attribute[] attributes) =>
        DomainNodeInference.Outputs(Domain, 1, opType, OptimizerInputs(groups), outputCount, attributes);

    [Fact]
    public void Adagrad_outputs_new_tensors_and_new_squared_gradients()
    {
        Assert.Equal(["tensor(float)[n,3]", "tensor(double)[m]", "tensor(float)[n,3]", "tensor(double)[m]"], Optimize("Adagrad", groups: 3, outputCount: 4));
    }

    [Fact]
    public void Adam_outputs_new_tensors_and_both_moments()
    {
        string[] pair = ["tensor(float)[n,3]", "tensor(double)[m]"];
        Assert.Equal([.. pair, .. pair, .. pair], Optimize("Adam", groups: 4, outputCount: 6));
    }

    [Fact]
    public void Momentum_outputs_new_tensors_and_new_momentums()
    {
        Assert.Equal(["tensor(float)[n,3]", "tensor(double)[m]", "tensor(float)[n,3]", "tensor(double)[m]"], Optimize("Momentum", 3, 4, MomentumAttributes));
    }

    [Fact]
    public void Adam_rejects_inputs_that_do_not_form_four_groups()
    {
        string problem = DomainNodeInference.Problem(Domain, 1, "Adam", OptimizerInputs(3), 3);
        Assert.Contains("expected R, T and 4 groups of n tensors, found 8 inputs", problem);
    }

    [Fact]
    public void Adagrad_rejects_a_missing_state_output()
    {
        string problem = DomainNodeInference.Problem(Domain, 1, "Adagrad", OptimizerInputs(3), 2);
        Assert.Contains("expected 4 outputs for 2 optimized tensors, found 2", problem);
    }

    private static readonly Func<GraphBuilder, IEnumerable<string>> GradientInputs = g =>
        [g.AddInput("w", DataType.Double, "k", 4), g.AddInput("z", DataType.Float, "b")];

    [Fact]
    public void Gradient_has_one_output_per_xs_name_typed_like_its_input()
    {
        string[] outputs = DomainNodeInference.Outputs(Domain, 1, "Gradient", GradientInputs, 1,
            Attribute.Create("xs", new[] { "w" }), Attribute.Create("zs", new[] { "z" }), Attribute.Create("y", "loss"));
        Assert.Equal(["tensor(double)[k,4]"], outputs);
    }

    [Fact]
    public void Gradient_rejects_inputs_not_matching_xs_and_zs()
    {
        string problem = DomainNodeInference.Problem(Domain, 1, "Gradient", GradientInputs, 1, Attribute.Create("xs", new[] { "w" }), Attribute.Create("y", "loss"));
        Assert.Contains("one input per name in 'xs' and 'zs' (1), found 2", problem);
    }
}
