using static Onyx.Tests.Runtime.Optimizer.OptimizedModel;

namespace Onyx.Tests.Runtime.Optimizer;

public sealed class FuseMatMulAddTests
{
    private static Model Linear(Dim[] inputDims, long[] biasDims, bool biasFirst = false)
    {
        var g = new GraphBuilder("g");
        string x = g.AddInput("x", DataType.Float, inputDims);
        string product = g.AddNode("MatMul", [x, g.AddInitializer("w", Constant(3, 5))]);
        string bias = g.AddInitializer("bias", Constant(biasDims));
        string y = g.AddNode("Add", biasFirst ? [bias, product] : [product, bias]);
        AddFloatOutput(g, y, System.Math.Max(inputDims.Length, biasDims.Length));
        return g.ToModel(17);
    }

    [Theory]
    [InlineData(new long[] { 5 }, false)]
    [InlineData(new long[] { 1, 5 }, true)]
    [InlineData(new long[] { 4, 1 }, false)]
    [InlineData(new long[0], false)]
    public void MatMul_of_a_matrix_by_constant_weights_plus_a_constant_bias_becomes_Gemm(long[] biasDims, bool biasFirst)
    {
        Model optimized = AssertSameOutputs(Linear([4, 3], biasDims, biasFirst), Feeds(("x", Floats(4, 3))));

        Node gemm = Assert.Single(optimized.Graph.Nodes);
        Assert.Equal("Gemm", gemm.OpType);
        Assert.Equal(["x", "w", "bias"], gemm.Inputs);
    }

    [Fact]
    public void A_bias_that_would_grow_the_product_stays_an_Add()
    {
        Model optimized = AssertSameOutputs(Linear([4, 3], [2, 4, 5]), Feeds(("x", Floats(4, 3))));

        Assert.Equal(["MatMul", "Add"], OpTypes(optimized));
    }

    [Fact]
    public void A_batched_MatMul_stays()
    {
        Model optimized = AssertSameOutputs(Linear([2, 4, 3], [5]), Feeds(("x", Floats(2, 4, 3))));

        Assert.Equal(["MatMul", "Add"], OpTypes(optimized));
    }

    [Fact]
    public void A_per_row_bias_needs_the_row_count_known()
    {
        Model optimized = AssertSameOutputs(Linear(["M", 3], [4, 5]), Feeds(("x", Floats(4, 3))));

        Assert.Equal(["MatMul", "Add"], OpTypes(optimized));
    }
}
