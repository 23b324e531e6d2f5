namespace Onyx.Conformance;

/// <summary>
/// For every model of node/, pytorch-converted/, pytorch-operator/ and simple/: strip the declared output types,
/// infer, and require each output's element type and rank to come back with no wrong size.
/// </summary>
public sealed class InferenceConformanceTests
{
    public static TheoryData<string> Models => [.. InferenceOutcome.Models().Where(m => Exclusions.Reason("inference", m) is null)];

    [Theory]
    [MemberData(nameof(Models))]
    public void Inference_reproduces_declared_output_types(string model)
    {
        InferenceOutcome outcome = InferenceOutcome.Run(model, useInputValues: false);
        Assert.True(outcome.Match != InferenceMatch.Wrong, outcome.Detail);
    }

    [Fact]
    public void Every_excluded_model_still_fails()
    {
        var passing = Exclusions.Of("inference").Keys.Where(m => InferenceOutcome.Run(m, useInputValues: false).Match != InferenceMatch.Wrong).ToList();
        Assert.True(passing.Count == 0, "Remove from exclusions.jsonc, they pass now: " + string.Join(", ", passing));
    }
}
