namespace Onyx.Tests.Operators.RandomOperators;

public sealed class RandomInferenceTests
{
    private static string Output(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes) =>
        OneNodeInference.Outputs(opType, inputs, 22, 1, attributes)[0];

    private static string Problem(string opType, Func<GraphBuilder, IEnumerable<string>> inputs, params Attribute[] attributes) =>
        Assert.Throws<ShapeInferenceException>(() => Output(opType, inputs, attributes)).Problem;

    private static Func<GraphBuilder, IEnumerable<string>> Input(DataType type, params Dim[] dims) => g => [g.AddInput("x", type, dims)];

    private static readonly Func<GraphBuilder, IEnumerable<string>> NoInputs = _ => [];

    private static Attribute Dtype(DataType type) => Attribute.Create("dtype", (long)type);

    [Theory]
    [InlineData("RandomNormal")]
    [InlineData("RandomUniform")]
    public void Generators_take_the_shape_attribute_and_default_to_float(string opType)
    {
        Assert.Equal("tensor(float)[2,3]", Output(opType, NoInputs, Attribute.Create("shape", new[] { 2L, 3L })));
    }

    [Fact]
    public void RandomUniform_dtype_selects_the_element_type()
    {
        Assert.Equal("tensor(double)[4]", Output("RandomUniform", NoInputs, Attribute.Create("shape", new[] { 4L }), Dtype(DataType.Double)));
    }

    [Fact]
    public void RandomUniform_rejects_a_negative_dim()
    {
        Assert.Contains("found -3", Problem("RandomUniform", NoInputs, Attribute.Create("shape", new[] { -3L })));
    }

    [Theory]
    [InlineData("RandomNormalLike")]
    [InlineData("RandomUniformLike")]
    public void Like_generators_keep_the_input_shape_with_dtype(string opType)
    {
        Assert.Equal("tensor(float16)[N,2]", Output(opType, Input(DataType.Int32, "N", 2), Dtype(DataType.Float16)));
    }

    [Fact]
    public void RandomNormalLike_without_dtype_keeps_the_input_type()
    {
        Assert.Equal("tensor(double)[N]", Output("RandomNormalLike", Input(DataType.Double, "N")));
    }

    [Fact]
    public void Multinomial_draws_sample_size_per_batch_row_as_int32_by_default()
    {
        Assert.Equal("tensor(int32)[B,4]", Output("Multinomial", Input(DataType.Float, "B", 10), Attribute.Create("sample_size", 4L)));
    }

    [Fact]
    public void Multinomial_dtype_int64()
    {
        Assert.Equal("tensor(int64)[B,1]", Output("Multinomial", Input(DataType.Float, "B", 10), Dtype(DataType.Int64)));
    }

    [Fact]
    public void Multinomial_rejects_a_1d_input()
    {
        Assert.Contains("[batch_size, class_size], found rank 1", Problem("Multinomial", Input(DataType.Float, 10)));
    }

    [Theory]
    [InlineData(DataType.Bool, "tensor(bool)[N,3]")]
    [InlineData(DataType.Undefined, "tensor(double)[N,3]")]
    public void Bernoulli_output_type_is_dtype_or_the_input_type(DataType dtype, string expected)
    {
        Attribute[] attributes = dtype == DataType.Undefined ? [] : [Dtype(dtype)];
        Assert.Equal(expected, Output("Bernoulli", Input(DataType.Double, "N", 3), attributes));
    }
}
