using Onyx.Runtime;
using static Onyx.Tests.Runtime.MlKernels.MlNodeModel;

namespace Onyx.Tests.Runtime.MlKernels;

/// <summary>DictVectorizer, ZipMap and CastMap: maps in and out.</summary>
public sealed class MapKernelTests
{
    private static OnnxValue Map(string[] keys, Tensor values) => OnnxValue.Map(Tensor.FromStrings(keys, keys.Length), values);

    private static OnnxValue Map(long[] keys, Tensor values) => OnnxValue.Map(Tensor.FromArray(keys, keys.Length), values);

    private static OnnxValue Vectorize(OnnxValue map, DataType type, params Attribute[] attributes) =>
        RunDeclared("DictVectorizer", 1, [map], TypeInfo.Tensor(type, "n"), attributes);

    private static OnnxValue Cast(OnnxValue map, DataType type, params Attribute[] attributes) =>
        RunDeclared("CastMap", 1, [map], TypeInfo.Tensor(type, 1, "n"), attributes);

    [Fact]
    public void DictVectorizer_places_values_at_their_vocabulary_positions()
    {
        OnnxValue y = Vectorize(Map(["a", "c"], Tensor.FromArray([4f, 8], 2)), DataType.Float, Attribute.Create("string_vocabulary", ["a", "c", "b", "z"]));

        Assert.Equal([4f, 8, 0, 0], y.ToArray<float>());
        Assert.Equal([4L], y.Dims);
    }

    [Fact]
    public void DictVectorizer_handles_each_key_and_value_type()
    {
        Attribute ints = Attribute.Create("int64_vocabulary", [5L, 7]);
        Attribute strings = Attribute.Create("string_vocabulary", ["x", "y"]);

        Assert.Equal(["", "s"], Vectorize(Map([7L], Tensor.FromStrings(["s"], 1)), DataType.String, ints).Tensor.ToStrings());
        Assert.Equal([0.0, 2.5], Vectorize(Map([7L], Tensor.FromArray([2.5], 1)), DataType.Double, ints).ToArray<double>());
        Assert.Equal([3f, 0], Vectorize(Map([5L], Tensor.FromArray([3f], 1)), DataType.Float, ints).ToArray<float>());
        Assert.Equal([9L, 1], Vectorize(Map(["y", "x"], Tensor.FromArray([1L, 9], 2)), DataType.Int64, strings).ToArray<long>());
        Assert.Equal([0.0, 1], Vectorize(Map(["y"], Tensor.FromArray([1.0], 1)), DataType.Double, strings).ToArray<double>());
    }

    [Fact]
    public void DictVectorizer_rejects_two_vocabularies_or_none_and_unknown_keys()
    {
        OnnxValue map = Map(["a"], Tensor.FromArray([1f], 1));
        AssertFails(() => Vectorize(map, DataType.Float, Attribute.Create("string_vocabulary", ["a"]), Attribute.Create("int64_vocabulary", [1L])),
            "exactly one of the attributes 'string_vocabulary' and 'int64_vocabulary'");
        AssertFails(() => Vectorize(map, DataType.Float), "exactly one");
        AssertFails(() => Vectorize(map, DataType.Float, Attribute.Create("string_vocabulary", ["a", "a"])), "twice");
        AssertFails(() => Vectorize(map, DataType.Float, Attribute.Create("string_vocabulary", ["b"])), "input 0 ('in0')", "key 'a'");
    }

    [Fact]
    public void ZipMap_gives_one_map_per_row()
    {
        OnnxValue y = Run("ZipMap", Values([0.1f, 0.9f, 0.7f, 0.3f], 2, 2), Attribute.Create("classlabels_strings", ["no", "yes"]));

        Assert.Equal(OnnxValueKind.Sequence, y.Kind);
        Assert.Equal(2, y.Elements.Count);
        Assert.Equal(["no", "yes"], y.Elements[1].MapKeys.ToStrings());
        Assert.Equal([0.7f, 0.3f], y.Elements[1].MapValues.ToArray<float>());
    }

    [Fact]
    public void ZipMap_with_int64_labels_and_a_vector_gives_one_map()
    {
        OnnxValue y = Run("ZipMap", Values([0.25f, 0.75f]), Attribute.Create("classlabels_int64s", [4L, 2]));

        OnnxValue map = Assert.Single(y.Elements);
        Assert.Equal([4L, 2], map.MapKeys.ToArray<long>());
        Assert.Equal([0.25f, 0.75f], map.MapValues.ToArray<float>());
    }

    [Fact]
    public void ZipMap_rejects_malformed_labels_and_column_counts()
    {
        OnnxValue x = Values([0.5f, 0.5f], 1, 2);
        AssertFails(() => Run("ZipMap", x, Attribute.Create("classlabels_strings", ["a", "b"]), Attribute.Create("classlabels_int64s", [1L, 2])),
            "exactly one of the attributes 'classlabels_strings' and 'classlabels_int64s'");
        AssertFails(() => Run("ZipMap", x), "exactly one");
        AssertFails(() => Run("ZipMap", x, Attribute.Create("classlabels_int64s", [1L, 1])), "'classlabels_int64s'", "twice");
        AssertFails(() => Run("ZipMap", x, Attribute.Create("classlabels_int64s", [1L, 2, 3])), "input 0 ('in0')", "[1,2]", "[N, 3]");
    }

    [Fact]
    public void CastMap_dense_orders_values_by_key_and_casts()
    {
        OnnxValue map = Map([3L, 1], Tensor.FromArray([1.5f, 2.75f], 2));

        OnnxValue floats = Cast(map, DataType.Float);
        OnnxValue strings = Cast(map, DataType.String, Attribute.Create("cast_to", "TO_STRING"));
        OnnxValue longs = Cast(map, DataType.Int64, Attribute.Create("cast_to", "TO_INT64"));

        Assert.Equal([2.75f, 1.5f], floats.ToArray<float>());
        Assert.Equal([1L, 2], floats.Dims);
        Assert.Equal(["2.75", "1.5"], strings.Tensor.ToStrings());
        Assert.Equal([2L, 1], longs.ToArray<long>());
    }

    [Fact]
    public void CastMap_sparse_places_values_at_their_keys()
    {
        OnnxValue map = Map([2L, 0], Tensor.FromStrings(["9", "7"], 2));
        Attribute[] sparse = [Attribute.Create("map_form", "SPARSE"), Attribute.Create("max_map", 4L)];

        Assert.Equal([7L, 0, 9, 0], Cast(map, DataType.Int64, [.. sparse, Attribute.Create("cast_to", "TO_INT64")]).ToArray<long>());
        Assert.Equal([7f, 0, 9, 0], Cast(map, DataType.Float, sparse).ToArray<float>());
        Assert.Equal(["7", "0", "9", "0"], Cast(map, DataType.String, [.. sparse, Attribute.Create("cast_to", "TO_STRING")]).Tensor.ToStrings());
    }

    [Fact]
    public void CastMap_rejects_bad_settings_keys_and_numbers()
    {
        OnnxValue map = Map([5L], Tensor.FromStrings(["x"], 1));
        AssertFails(() => Cast(map, DataType.Float, Attribute.Create("cast_to", "TO_BOOL")), "'cast_to'");
        AssertFails(() => Cast(map, DataType.Float, Attribute.Create("map_form", "PACKED")), "'map_form'");
        AssertFails(() => Cast(map, DataType.Float, Attribute.Create("map_form", "SPARSE"), Attribute.Create("max_map", 2L)), "key 5", "'max_map'");
        AssertFails(() => Cast(map, DataType.Float), "key 5", "'x'");
    }
}
