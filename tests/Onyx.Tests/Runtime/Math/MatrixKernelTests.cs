using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.MathKernels;

public sealed class MatrixKernelTests
{
    public static TheoryData<DataType> Types =>
        [DataType.Float, DataType.Double, DataType.Float16, DataType.BFloat16, DataType.Int32, DataType.Int64, DataType.UInt32, DataType.UInt64];

    [Theory]
    [MemberData(nameof(Types))]
    public void MatMul_broadcasts_batches_for_every_type(DataType type)
    {
        Tensor a = Make(type, [1, 2, 3, 4, 5, 6, 7, 8], 2, 1, 2, 2);
        Tensor b = Make(type, [1, 0, 0, 1, 2, 0, 0, 2, 1, 1, 1, 1], 3, 2, 2);
        OnnxValue y = RunOne("MatMul", 13, [a, b]);
        Assert.Equal([2L, 3L, 2L, 2L], y.Tensor.Dims);
        Assert.Equal([1, 2, 3, 4, 2, 4, 6, 8, 3, 3, 7, 7, 5, 6, 7, 8, 10, 12, 14, 16, 11, 11, 15, 15], Read(y.Tensor));
    }

    [Fact]
    public void MatMul_promotes_1_d_operands_and_drops_their_dim()
    {
        Tensor v = Make(DataType.Float, [1, 2], 2), m = Make(DataType.Float, [1, 2, 3, 4], 2, 2);
        OnnxValue dot = RunOne("MatMul", 13, [v, v]);
        Assert.Empty(dot.Tensor.Dims);
        Assert.Equal([5], Read(dot.Tensor));
        Assert.Equal([7, 10], Read(RunOne("MatMul", 13, [v, m]).Tensor));
        Assert.Equal([5, 11], Read(RunOne("MatMul", 13, [m, v]).Tensor));
    }

    [Fact]
    public void MatMul_with_an_empty_inner_dim_gives_zeros()
    {
        OnnxValue y = RunOne("MatMul", 13, [Make(DataType.Float, [], 2, 0), Make(DataType.Float, [], 0, 3)]);
        Assert.Equal([0, 0, 0, 0, 0, 0], Read(y.Tensor));
    }

    [Fact]
    public void MatMul_with_mismatched_inner_dims_fails_naming_the_node_and_inputs()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunFed("MatMul", 13, [Make(DataType.Float, [1, 2, 3, 4, 5, 6], 2, 3), Make(DataType.Float, [1, 2, 3, 4], 2, 2)]));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("inner dims of 'A'", e.Message);
    }

    [Theory]
    [InlineData(new long[] { 2, 3, 5, 7 }, new long[] { 7, 9 })]
    [InlineData(new long[] { 1, 5, 7 }, new long[] { 3, 7, 9 })]
    [InlineData(new long[] { 3, 1, 5, 7 }, new long[] { 2, 7, 9 })]
    [InlineData(new long[] { 7 }, new long[] { 2, 7, 9 })]
    [InlineData(new long[] { 4, 5, 7 }, new long[] { 7 })]
    public void MatMul_in_float_matches_the_double_product_for_every_batch_form(long[] aDims, long[] bDims)
    {
        var random = new Random(2);
        double[] aValues = Values(random, aDims), bValues = Values(random, bDims);

        Tensor single = RunOne("MatMul", 13, [Make(DataType.Float, aValues, aDims), Make(DataType.Float, bValues, bDims)]).Tensor;
        Tensor reference = RunOne("MatMul", 13, [Make(DataType.Double, aValues, aDims), Make(DataType.Double, bValues, bDims)]).Tensor;

        Assert.Equal(reference.Dims, single.Dims);
        double[] expected = Read(reference), actual = Read(single);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-5);
    }

    [Fact]
    public void MatMulInteger_subtracts_per_row_and_per_column_zero_points()
    {
        Tensor a = Tensor.FromArray(new byte[] { 3, 4, 5, 6 }, 2, 2), b = Tensor.FromArray(new sbyte[] { 1, -1, 2, 0 }, 2, 2);
        Tensor aZero = Tensor.FromArray(new byte[] { 1, 2 }, 2), bZero = Tensor.FromArray(new sbyte[] { 0, -1 }, 2);
        int[] y = Run("MatMulInteger", 10, [a, b, aZero, bZero], [DataType.Int32])[0].ToArray<int>();
        // (A - [1;2]) = [[2,3],[3,4]]; (B - [0,-1]) = [[1,0],[2,1]].
        Assert.Equal([8, 3, 11, 4], y);
        Assert.Equal([11, -3, 17, -5], Run("MatMulInteger", 10, [a, b], [DataType.Int32])[0].ToArray<int>());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Gemm_transposes_scales_and_adds_a_broadcast_c(DataType type)
    {
        Tensor a = Make(type, [1, 3, 2, 4], 2, 2), b = Make(type, [1, 2, 3, 4], 2, 2), c = Make(type, [1, 2], 1, 2);
        double[] y = Read(RunOne("Gemm", 13, [a, b, c], Attribute.Create("transA", 1L), Attribute.Create("transB", 1L), Attribute.Create("alpha", 2f), Attribute.Create("beta", 3f)).Tensor);
        // A' = [[1,2],[3,4]], B' = [[1,3],[2,4]], A'B' = [[5,11],[11,25]].
        Assert.Equal([13, 28, 25, 56], y);
    }

    [Fact]
    public void Gemm_without_c_is_the_scaled_product()
    {
        Tensor a = Make(DataType.Float, [1, 2, 3, 4, 5, 6], 2, 3), b = Make(DataType.Float, [1, 0, 0, 1, 1, 1], 3, 2);
        Assert.Equal([4, 5, 10, 11], Read(RunOne("Gemm", 11, [a, b]).Tensor));
    }

    [Fact]
    public void Gemm_in_float_with_beta_zero_leaves_c_out()
    {
        Tensor a = Make(DataType.Float, [1, 2, 3, 4], 2, 2), c = Make(DataType.Float, [double.NaN, double.PositiveInfinity], 2);
        double[] y = Read(RunOne("Gemm", 13, [a, a, c], Attribute.Create("beta", 0f)).Tensor);
        Assert.Equal([7, 10, 15, 22], y);
    }

    [Fact]
    public void Gemm_with_a_c_that_does_not_broadcast_fails_naming_the_node()
    {
        Tensor a = Make(DataType.Float, [1, 2, 3, 4], 2, 2), c = Make(DataType.Float, [1, 2, 3], 3);
        var e = Assert.Throws<OnnxRuntimeException>(() => RunFed("Gemm", 13, [a, a, c]));
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains("'C'", e.Message);
    }

    private static double[] Values(Random random, long[] dims)
    {
        var values = new double[dims.Aggregate(1L, (product, dim) => product * dim)];
        for (int i = 0; i < values.Length; i++)
            values[i] = random.Next(-8, 9) / 4.0;
        return values;
    }
}
