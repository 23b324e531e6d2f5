using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;

namespace Onyx.Tests.Runtime.MlKernels;

public sealed class LabelEncoderKernelTests
{
    private static OnnxValue Encode(int version, OnnxValue x, params Attribute[] attributes) => Run("LabelEncoder", version, [x], attributes);

    /// <summary>Declares the output, which inference cannot type from malformed attributes, so the kernel sees the node.</summary>
    private static OnnxValue EncodeDeclared(OnnxValue x, params Attribute[] attributes) =>
        RunDeclared("LabelEncoder", 4, [x], TypeInfo.Tensor(DataType.Int64, 1), attributes);

    [Fact]
    public void Version_2_maps_strings_to_int64_with_the_default_for_unknown_keys()
    {
        OnnxValue y = Encode(2, Strings(["a", "d", "c"]), Attribute.Create("keys_strings", ["a", "b", "c"]),
            Attribute.Create("values_int64s", [0L, 1, 2]), Attribute.Create("default_int64", 42L));

        Assert.Equal([0L, 42, 2], y.ToArray<long>());
    }

    [Fact]
    public void Version_2_maps_int64_to_floats_keeping_the_shape_with_negative_zero_as_default()
    {
        OnnxValue y = Encode(2, Values([1L, 3, 2, 1], 2, 2), Attribute.Create("keys_int64s", [1L, 2]), Attribute.Create("values_floats", [0.5f, 1.5f]));

        Assert.Equal([0.5f, -0.0f, 1.5f, 0.5f], y.ToArray<float>());
        Assert.True(float.IsNegative(y.ToArray<float>()[1]));
        Assert.Equal([2L, 2], y.Dims);
    }

    [Fact]
    public void A_NaN_key_matches_every_NaN_input()
    {
        float otherNaN = BitConverter.Int32BitsToSingle(unchecked((int)0xFFC00001));
        OnnxValue y = Encode(4, Values([otherNaN, 1f, 2f]), Attribute.Create("keys_floats", [float.NaN, 1f]),
            Attribute.Create("values_strings", ["nan", "one"]));

        Assert.Equal(["nan", "one", "_Unused"], y.Tensor.ToStrings());
    }

    [Fact]
    public void Version_4_reads_keys_values_and_default_from_tensors()
    {
        OnnxValue y = Encode(4, Values([1, 3, 7]), Attribute.Create("keys_tensor", Tensor.FromArray([1, 3], 2)),
            Attribute.Create("values_tensor", Tensor.FromArray([0.25, 0.75], 2)), Attribute.Create("default_tensor", Tensor.FromArray([9.5], 1)));

        Assert.Equal(DataType.Double, y.ElementType);
        Assert.Equal([0.25, 0.75, 9.5], y.ToArray<double>());
    }

    [Fact]
    public void Version_4_tensor_values_without_default_use_the_type_default()
    {
        OnnxValue shorts = Encode(4, Values([2.5, 4.0]), Attribute.Create("keys_tensor", Tensor.FromArray([2.5], 1)),
            Attribute.Create("values_tensor", Tensor.FromArray([(short)7], 1)));
        OnnxValue strings = Encode(4, Values([(short)1, (short)2]), Attribute.Create("keys_tensor", Tensor.FromArray([(short)1], 1)),
            Attribute.Create("values_tensor", Tensor.FromStrings(["x"], 1)));
        OnnxValue ints = Encode(4, Strings(["k", "q"]), Attribute.Create("keys_strings", ["k"]),
            Attribute.Create("values_tensor", Tensor.FromArray([5], 1)));

        Assert.Equal([(short)7, (short)-1], shorts.ToArray<short>());
        Assert.Equal(["x", "_Unused"], strings.Tensor.ToStrings());
        Assert.Equal([5, -1], ints.ToArray<int>());
    }

    [Fact]
    public void Version_4_lets_a_repeated_key_take_its_last_value()
    {
        OnnxValue y = Encode(4, Values([1L]), Attribute.Create("keys_int64s", [1L, 1]), Attribute.Create("values_strings", ["first", "last"]));

        Assert.Equal(["last"], y.Tensor.ToStrings());
    }

    [Fact]
    public void Version_1_maps_strings_to_class_indices_and_back()
    {
        Attribute classes = Attribute.Create("classes_strings", ["a", "b", "c"]);
        OnnxValue indices = Encode(1, Strings(["c", "z"]), classes);
        OnnxValue names = Encode(1, Values([1L, 5, -1]), classes, Attribute.Create("default_string", "none"));

        Assert.Equal([2L, -1], indices.ToArray<long>());
        Assert.Equal(["b", "none", "none"], names.Tensor.ToStrings());
    }

    [Fact]
    public void Keys_and_values_of_different_lengths_are_rejected()
    {
        AssertFails(() => EncodeDeclared(Strings(["a"]), Attribute.Create("keys_strings", ["a", "b", "c"]), Attribute.Create("values_int64s", [1L, 2])),
            "length");
        AssertFails(() => EncodeDeclared(Strings(["a"]), Attribute.Create("keys_strings", ["a", "b"]),
            Attribute.Create("values_tensor", Tensor.FromArray([1L], 1))), "length");
    }

    [Fact]
    public void Two_keys_attributes_or_none_are_rejected()
    {
        AssertFails(() => EncodeDeclared(Strings(["a"]), Attribute.Create("keys_strings", ["a"]), Attribute.Create("keys_int64s", [1L]),
            Attribute.Create("values_int64s", [1L])), "exactly one of the attributes 'keys_strings'", "found 2");
        AssertFails(() => EncodeDeclared(Strings(["a"]), Attribute.Create("values_int64s", [1L])), "keys_");
    }

    [Fact]
    public void Malformed_tensor_attributes_are_rejected()
    {
        AssertFails(() => EncodeDeclared(Strings(["a"]), Attribute.Create("keys_strings", ["a"]), Attribute.Create("values_tensor", Tensor.FromArray([1L], 1)),
            Attribute.Create("default_tensor", Tensor.FromArray([1f], 1))), "'default_tensor'");
        AssertFails(() => EncodeDeclared(Strings(["a"]), Attribute.Create("keys_strings", ["a"]), Attribute.Create("values_tensor", Tensor.FromArray([1L], 1, 1))),
            "'values_tensor' has shape [1,1]", "1-D");
    }

    [Fact]
    public void Version_1_rejects_a_class_listed_twice()
    {
        AssertFails(() => Encode(1, Strings(["a"]), Attribute.Create("classes_strings", ["a", "a"])), "'classes_strings'", "twice");
    }
}
