using Onyx.Runtime;
using static Onyx.Tests.Runtime.TensorKernels.IndexingTestModel;

namespace Onyx.Tests.Runtime.NnKernels;

public sealed class NnKernelTests
{
    private static OnnxValue Ones(DataType type, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, b) => a * b);
        return type switch
        {
            DataType.Double => OnnxValue.FromArray(Enumerable.Repeat(1.0, (int)count).ToArray(), dims),
            DataType.Float16 => OnnxValue.FromArray(Enumerable.Repeat((Half)1, (int)count).ToArray(), dims),
            _ => OnnxValue.FromArray(Enumerable.Repeat(1f, (int)count).ToArray(), dims),
        };
    }

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Conv_sums_each_window_in_every_float_type(DataType type)
    {
        OnnxValue y = Run("Conv", 11, [Ones(type, 1, 1, 3, 3), Ones(type, 1, 1, 2, 2)], Ints("pads", 1, 1, 0, 0));

        Assert.Equal(type, y.ElementType);
        Assert.Equal([1L, 1, 3, 3], y.Dims);
        double[] values = type switch
        {
            DataType.Double => y.ToArray<double>(),
            DataType.Float16 => [.. y.ToArray<Half>().Select(v => (double)v)],
            _ => [.. y.ToArray<float>().Select(v => (double)v)],
        };
        Assert.Equal([1.0, 2, 2, 2, 4, 4, 2, 4, 4], values);
    }

    [Fact]
    public void Conv_gives_the_same_result_on_one_thread_and_on_several()
    {
        var g = new GraphBuilder("g");
        string y = g.AddNode("Conv", [g.AddInput("x", DataType.Float, 1, 2, 9, 9), g.AddInput("w", DataType.Float, 3, 2, 3, 3)], Attribute.Create("pads", [1L, 1, 1, 1]));
        g.AddOutput(y, DataType.Float, 1, 3, 9, 9);
        Model model = g.ToModel(11);
        var feeds = new Dictionary<string, OnnxValue>
        {
            ["x"] = OnnxValue.FromArray(Enumerable.Range(0, 162).Select(i => MathF.Sin(i)).ToArray(), 1, 2, 9, 9),
            ["w"] = OnnxValue.FromArray(Enumerable.Range(0, 54).Select(i => MathF.Cos(i)).ToArray(), 3, 2, 3, 3),
        };

        float[] one = new InferenceSession(model, new SessionOptions { IntraOpThreads = 1 }).Run(feeds).Values.Single().ToArray<float>();
        float[] several = new InferenceSession(model, new SessionOptions { IntraOpThreads = 4 }).Run(feeds).Values.Single().ToArray<float>();

        Assert.Equal(one, several);
    }

    [Fact]
    public void Conv_with_an_empty_batch_gives_an_empty_output()
    {
        OnnxValue y = Run("Conv", 11, [Ones(DataType.Float, 0, 1, 3, 3), Ones(DataType.Float, 2, 1, 3, 3)]);

        Assert.Equal([0L, 2, 1, 1], y.Dims);
    }

    [Fact]
    public void Conv_whose_weight_channels_do_not_match_the_group_names_the_node()
    {
        var e = Assert.Throws<OnnxRuntimeException>(() => RunDynamic("Conv", 11, [Ones(DataType.Float, 1, 4, 3, 3), Ones(DataType.Float, 2, 3, 1, 1)], Int("group", 2)));

        Assert.Contains("'node'", e.Message);
        Assert.Contains("channels", e.Message);
    }

    [Fact]
    public void MaxPool_reports_the_flat_indices_of_the_maxima()
    {
        OnnxValue x = OnnxValue.FromArray([1f, 5, 2, 3, 4, 9, 8, 7, 6, 0, 1, 2, 3, 4, 5, 6], 1, 1, 4, 4);

        OnnxValue[] y = Run("MaxPool", 12, [x], 2, Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));

        Assert.Equal([9f, 8, 6, 6], y[0].ToArray<float>());
        Assert.Equal([5L, 6, 8, 15], y[1].ToArray<long>());
    }

    [Fact]
    public void MaxUnpool_puts_values_back_and_rejects_an_index_outside_the_output()
    {
        OnnxValue y = Run("MaxUnpool", 11, [OnnxValue.FromArray([5f, 9], 1, 1, 1, 2), OnnxValue.FromArray([1L, 7], 1, 1, 1, 2)], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2));

        Assert.Equal([0f, 5, 0, 0, 0, 0, 0, 9], y.ToArray<float>());
        var e = Assert.Throws<OnnxRuntimeException>(() =>
            Run("MaxUnpool", 11, [OnnxValue.FromArray([5f], 1, 1, 1, 1), OnnxValue.FromArray([4L], 1, 1, 1, 1)], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2)));
        Assert.Contains("index 4", e.Message);
    }

    [Fact]
    public void Seeded_training_dropout_matches_numpy_and_is_repeatable()
    {
        OnnxValue x = Ones(DataType.Float, 3);
        OnnxValue ratio = OnnxValue.FromTensor(Tensor.Scalar(0.6f)), training = OnnxValue.FromTensor(Tensor.Scalar(true));

        OnnxValue[] first = Run("Dropout", 13, [x, ratio, training], 2, Int("seed", 0));
        OnnxValue[] second = Run("Dropout", 13, [x, ratio, training], 2, Int("seed", 0));

        // numpy.random.seed(0); numpy.random.uniform(0, 1, 3) = [0.549, 0.715, 0.603]: only the second is kept.
        Assert.Equal([false, true, true], first[1].ToArray<bool>());
        Assert.Equal([0f, 2.5f, 2.5f], first[0].ToArray<float>(), (a, b) => System.Math.Abs(a - b) < 1e-6f);
        Assert.Equal(first[0].ToArray<float>(), second[0].ToArray<float>());
    }

    [Fact]
    public void Col2Im_adds_overlapping_blocks()
    {
        // Two 1×2 blocks over a 1×3 image with stride 1: the middle pixel receives from both.
        OnnxValue columns = OnnxValue.FromArray([1f, 10, 2, 20], 1, 2, 2);

        OnnxValue y = Run("Col2Im", 18, [columns, OnnxValue.FromArray([1L, 3], 2), OnnxValue.FromArray([1L, 2], 2)]);

        Assert.Equal([1L, 1, 1, 3], y.Dims);
        Assert.Equal([1f, 12, 20], y.ToArray<float>());
    }

    [Fact]
    public void LpNormalization_scales_to_unit_norm_and_keeps_zero_vectors()
    {
        OnnxValue y = Run("LpNormalization", 1, [OnnxValue.FromArray([3.0, 4, 0, 0], 2, 2)], Int("axis", -1));

        Assert.Equal([0.6, 0.8, 0, 0], y.ToArray<double>());
    }

    [Fact]
    public void BatchNormalization_in_inference_uses_the_running_statistics()
    {
        OnnxValue x = OnnxValue.FromArray([1f, 2, 3, 4], 1, 2, 2);
        OnnxValue scale = OnnxValue.FromArray([1f, 2], 2), bias = OnnxValue.FromArray([0f, 1], 2);
        OnnxValue mean = OnnxValue.FromArray([1f, 3], 2), variance = OnnxValue.FromArray([1f, 4], 2);

        OnnxValue y = Run("BatchNormalization", 15, [x, scale, bias, mean, variance], Attribute.Create("epsilon", 0f));

        Assert.Equal([0f, 1, 1, 2], y.ToArray<float>());
    }
}
