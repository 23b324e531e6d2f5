using static Onyx.Tests.Checking.CheckAssert;

namespace Onyx.Tests.Checking;

public sealed class TensorRulesTests
{
    /// <summary>The Relu graph with one extra (unused) initializer "w", at opset 21 (IR version 10).</summary>
    private static Model WithInitializer(Tensor w)
    {
        GraphBuilder g = ReluGraph();
        g.AddInitializer("w", w);
        return g.ToModel(21);
    }

    private static CheckProblem Initializer(Tensor w, CheckCode code) => Only(WithInitializer(w), code, "g");

    [Fact]
    public void Raw_data_shorter_than_the_shape_needs()
    {
        Tensor w = Tensor.FromArray(new float[] { 1, 2 });
        w.RawData = new byte[4];
        CheckProblem p = Initializer(w, CheckCode.TensorPayloadSizeMismatch);
        Assert.Contains("needs 2 elements (8 bytes) but holds 4 bytes of raw_data", p.Message);
    }

    [Fact]
    public void Raw_data_longer_than_the_shape_needs()
    {
        Tensor w = Tensor.FromArray(new float[] { 1, 2 });
        w.Dims = [1];
        Initializer(w, CheckCode.TensorPayloadSizeMismatch);
    }

    [Fact]
    public void Typed_int64_values_fewer_than_the_shape_needs()
    {
        Tensor w = Tensor.FromArray(new long[] { 1, 2 });
        w.UseTypedField = true;
        w.Dims = [3];
        CheckProblem p = Initializer(w, CheckCode.TensorPayloadSizeMismatch);
        Assert.Contains("2 values in int64_data", p.Message);
    }

    [Fact]
    public void Typed_float_values_more_than_the_shape_needs()
    {
        Tensor w = Tensor.FromArray(new float[] { 1, 2, 3 });
        w.UseTypedField = true;
        w.Dims = [2];
        CheckProblem p = Initializer(w, CheckCode.TensorPayloadSizeMismatch);
        Assert.Contains("3 values in float_data", p.Message);
    }

    [Fact]
    public void Packed_int4_payload_too_short()
    {
        Tensor w = Tensor.FromArray(new Int4[] { (Int4)1, (Int4)2, (Int4)3 });
        w.RawData = new byte[1];
        Initializer(w, CheckCode.TensorPayloadSizeMismatch);
    }

    [Fact]
    public void Fewer_strings_than_the_shape_needs()
    {
        Tensor w = Tensor.FromStrings(["a", "b"]);
        w.Dims = [3];
        CheckProblem p = Initializer(w, CheckCode.TensorPayloadSizeMismatch);
        Assert.Contains("needs 3 strings but holds 2", p.Message);
    }

    [Fact]
    public void String_tensor_with_raw_bytes()
    {
        Tensor w = Tensor.FromStrings(["a"]);
        w.RawData = new byte[] { 97 };
        Initializer(w, CheckCode.TensorPayloadSizeMismatch);
    }

    [Fact]
    public void Numeric_tensor_with_strings()
    {
        Tensor w = Tensor.FromArray(new float[] { 1 });
        w.Strings.Add([1]);
        Initializer(w, CheckCode.TensorPayloadSizeMismatch);
    }

    [Fact]
    public void Undefined_data_type()
    {
        Tensor w = Tensor.FromArray(new float[] { 1 });
        w.DataType = DataType.Undefined;
        Initializer(w, CheckCode.TensorDataTypeUndefined);
    }

    [Fact]
    public void Data_type_outside_the_enum()
    {
        Tensor w = Tensor.FromArray(new float[] { 1 });
        w.DataType = (DataType)99;
        CheckProblem p = Initializer(w, CheckCode.TensorDataTypeUndefined);
        Assert.Contains("99", p.Message);
    }

    [Fact]
    public void Negative_dimension()
    {
        Tensor w = Tensor.FromArray(new float[] { 1 });
        w.Dims = [-1];
        Initializer(w, CheckCode.TensorDimsInvalid);
    }

    [Fact]
    public void Dimensions_whose_product_overflows()
    {
        Tensor w = Tensor.FromArray(new float[] { 1 });
        w.Dims = [long.MaxValue, 4];
        Initializer(w, CheckCode.TensorDimsInvalid);
    }

    [Fact]
    public void Segment_outside_the_tensor()
    {
        Tensor w = Tensor.FromArray(new float[] { 1, 2 });
        w.Segment = new TensorSegment(1, 5);
        Initializer(w, CheckCode.TensorDimsInvalid);
    }

    [Fact]
    public void Segment_holds_only_its_elements()
    {
        Tensor w = Tensor.FromArray(new float[] { 1 });
        w.Dims = [4];
        w.Segment = new TensorSegment(2, 3);
        Valid(WithInitializer(w));
    }

    [Fact]
    public void Empty_tensor_without_data_is_valid() => Valid(WithInitializer(new Tensor(DataType.Float, [0, 3], Array.Empty<byte>())));

    [Fact]
    public void Constant_with_a_short_tensor_value()
    {
        Tensor value = Tensor.FromArray(new float[] { 1, 2 });
        value.RawData = new byte[7];
        var g = new GraphBuilder("g");
        g.AddNode(new Node("Constant", [], ["y"]).With(Attribute.Create("value", value)));
        g.AddOutput("y", DataType.Float, 2);
        Only(g.ToModel(17), CheckCode.TensorPayloadSizeMismatch, "g", 0);
    }

    private static SparseTensor Sparse(float[] values, long[] indices, long[] indicesDims, long[] dense)
    {
        Tensor v = Tensor.FromArray(values, values.Length);
        v.Name = "s";
        return new SparseTensor(v, Tensor.FromArray(indices, indicesDims), dense);
    }

    private static Model WithSparse(SparseTensor sparse)
    {
        GraphBuilder g = ReluGraph();
        g.Graph.SparseInitializers.Add(sparse);
        return g.ToModel(17);
    }

    [Fact]
    public void Valid_sparse_tensors_in_both_index_layouts()
    {
        Valid(WithSparse(Sparse([1, 2], [1, 5], [2], [2, 3])));
        Valid(WithSparse(Sparse([1, 2], [0, 1, 1, 2], [2, 2], [2, 3])));
    }

    public static TheoryData<string, SparseTensor> InvalidSparseTensors() => new()
    {
        { "linear index out of range", Sparse([1, 2], [1, 6], [2], [2, 3]) },
        { "negative linear index", Sparse([1, 2], [-1, 2], [2], [2, 3]) },
        { "linear indices unsorted", Sparse([1, 2], [4, 1], [2], [2, 3]) },
        { "linear indices repeated", Sparse([1, 2], [4, 4], [2], [2, 3]) },
        { "fewer indices than values", Sparse([1, 2], [1], [1], [2, 3]) },
        { "coordinate out of range", Sparse([1, 2], [0, 1, 2, 0], [2, 2], [2, 3]) },
        { "coordinates unsorted", Sparse([1, 2], [1, 0, 0, 1], [2, 2], [2, 3]) },
        { "coordinates of the wrong rank", Sparse([1, 2], [0, 1, 1, 1, 1, 1], [2, 3], [2, 3]) },
        { "indices of rank 3", Sparse([1, 2], [0, 1], [2, 1, 1], [2, 3]) },
        { "empty dense shape", Sparse([1], [0], [1], []) },
        { "zero dense dimension", Sparse([1], [0], [1], [0, 3]) },
        { "values of rank 2", new SparseTensor(Named(Tensor.FromArray(new float[] { 1, 2 }, 1, 2)), Tensor.FromArray(new long[] { 0 }, 1), [2, 3]) },
        { "indices not int64", new SparseTensor(Named(Tensor.FromArray(new float[] { 1 }, 1)), Tensor.FromArray(new int[] { 0 }, 1), [2, 3]) },
        { "values without indices", new SparseTensor(Named(Tensor.FromArray(new float[] { 1 }, 1)), null, [2, 3]) },
    };

    private static Tensor Named(Tensor t)
    {
        t.Name = "s";
        return t;
    }

    [Theory]
    [MemberData(nameof(InvalidSparseTensors))]
    public void Inconsistent_sparse_tensor(string why, SparseTensor sparse)
    {
        CheckProblem p = Only(WithSparse(sparse), CheckCode.SparseTensorInvalid, "g");
        Assert.False(string.IsNullOrEmpty(why));
        Assert.Contains("sparse initializer 's'", p.Message);
    }

    [Fact]
    public void Sparse_tensor_without_values_is_reported_once()
    {
        var sparse = new SparseTensor(null, Tensor.FromArray(new long[] { 0 }, 1), [2]);
        GraphBuilder g = ReluGraph();
        g.Graph.SparseInitializers.Add(sparse);
        Includes(g.ToModel(17), CheckCode.SparseTensorInvalid, "g");
    }

    [Fact]
    public void Sparse_values_with_a_short_payload()
    {
        SparseTensor sparse = Sparse([1, 2], [1, 5], [2], [2, 3]);
        sparse.Values!.RawData = new byte[4];
        Only(WithSparse(sparse), CheckCode.TensorPayloadSizeMismatch, "g");
    }

    [Fact]
    public void Constant_with_an_inconsistent_sparse_value()
    {
        var g = new GraphBuilder("g");
        g.AddNode(new Node("Constant", [], ["y"]).With(Attribute.Create("sparse_value", Sparse([1, 2], [3, 1], [2], [2, 3]))));
        g.AddOutput("y", DataType.Float, 2, 3);
        Only(g.ToModel(17), CheckCode.SparseTensorInvalid, "g", 0);
    }
}
