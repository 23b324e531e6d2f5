using Onyx.Runtime;

namespace Onyx.Tests.Runtime;

/// <summary>Sequences, optionals and maps as session inputs and outputs, with their metadata.</summary>
public sealed class NonTensorValueTests
{
    private static InferenceSession PassThrough(TypeInfo type)
    {
        var g = new GraphBuilder("g");
        g.AddInput(new ValueInfo("v", type));
        g.AddOutput(new ValueInfo("v", type));
        return new InferenceSession(g.ToModel(18));
    }

    [Fact]
    public void A_map_goes_in_and_out_with_its_type_in_the_metadata()
    {
        InferenceSession session = PassThrough(new MapTypeInfo(DataType.Int64, TypeInfo.Tensor(DataType.Float)));
        OnnxValue map = OnnxValue.Map(Tensor.FromArray(new[] { 3L, 5L }, 2), Tensor.FromArray(new[] { 0.5f, 1.5f }, 2));

        OnnxValue result = session.Run(new Dictionary<string, OnnxValue> { ["v"] = map })["v"];

        Assert.Equal("map(int64,tensor(float))", session.InputMetadata[0].Type!.ToString());
        Assert.Equal([3L, 5L], result.MapKeys.ToArray<long>());
        Assert.Equal([0.5f, 1.5f], result.MapValues.ToArray<float>());
    }

    [Fact]
    public void A_sequence_and_an_optional_go_in_and_out()
    {
        OnnxValue sequence = OnnxValue.Sequence([OnnxValue.FromArray(new[] { 1f }, 1), OnnxValue.FromArray(new[] { 2f, 3f }, 2)]);
        OnnxValue back = PassThrough(new SequenceTypeInfo(TypeInfo.Tensor(DataType.Float))).Run(new Dictionary<string, OnnxValue> { ["v"] = sequence })["v"];
        Assert.Equal(2, back.Elements.Count);

        OnnxValue none = OnnxValue.Optional(null, TypeInfo.Tensor(DataType.Float));
        OnnxValue empty = PassThrough(new OptionalTypeInfo(TypeInfo.Tensor(DataType.Float))).Run(new Dictionary<string, OnnxValue> { ["v"] = none })["v"];
        Assert.Empty(empty.Elements);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_or_key_type_is_refused_naming_the_input()
    {
        InferenceSession session = PassThrough(new MapTypeInfo(DataType.String, TypeInfo.Tensor(DataType.Float)));

        var e = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxValue> { ["v"] = OnnxValue.FromArray(new[] { 1f }, 1) }));
        Assert.Contains("input 'v' must be a map", e.Message);

        e = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxValue>
        {
            ["v"] = OnnxValue.Map(Tensor.FromArray(new[] { 1L }, 1), Tensor.FromArray(new[] { 1f }, 1)),
        }));
        Assert.Contains("int64 keys", e.Message);
    }
}
