using Onyx.Runtime;

namespace Onyx.Tests.Runtime;

public sealed class OnnxValueMapTests
{
    [Fact]
    public void A_map_keeps_its_keys_and_values_and_reports_its_type()
    {
        OnnxValue map = OnnxValue.Map(Tensor.FromStrings(["a", "b"], [2]), Tensor.FromArray(new[] { 1f, 2f }, 2));

        Assert.Equal(OnnxValueKind.Map, map.Kind);
        Assert.Equal(["a", "b"], map.MapKeys.ToStrings());
        Assert.Equal([1f, 2f], map.MapValues.ToArray<float>());
        Assert.Equal("map(string,tensor(float))", map.Type!.ToString());
        Assert.Throws<InvalidOperationException>(() => map.Tensor);
    }

    [Fact]
    public void Integer_keys_of_any_width_are_accepted_once_each()
    {
        OnnxValue map = OnnxValue.Map(Tensor.FromArray(new[] { 3, 1 }, 2), Tensor.FromArray(new[] { 1.0, 2.0 }, 2));
        Assert.Equal([3, 1], map.MapKeys.ToArray<int>());

        var e = Assert.Throws<ArgumentException>(() => OnnxValue.Map(Tensor.FromArray(new[] { 7L, 7L }, 2), Tensor.FromArray(new[] { 1f, 2f }, 2)));
        Assert.Contains("distinct", e.Message);
    }

    [Fact]
    public void Keys_and_values_of_different_lengths_or_float_keys_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => OnnxValue.Map(Tensor.FromArray(new[] { 1L }, 1), Tensor.FromArray(new[] { 1f, 2f }, 2)));
        Assert.Throws<ArgumentException>(() => OnnxValue.Map(Tensor.FromArray(new[] { 1f }, 1), Tensor.FromArray(new[] { 1f }, 1)));
    }
}
