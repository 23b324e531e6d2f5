using Onyx.Runtime;
using static Onyx.Tests.Runtime.OnyxKernels.OnyxNodeModel;

namespace Onyx.Tests.Runtime.OnyxKernels;

public sealed class FusedMatMulKernelTests
{
    private static double Erf(double x)
    {
        // Abramowitz–Stegun 7.1.26 is too coarse for 1e-5; integrate exp(-t²) by Simpson's rule instead.
        int steps = 2000;
        double h = x / steps, sum = 1 + System.Math.Exp(-x * x);
        for (int i = 1; i < steps; i++)
            sum += (i % 2 == 1 ? 4 : 2) * System.Math.Exp(-(i * h) * (i * h));
        return sum * h / 3 * 2 / System.Math.Sqrt(System.Math.PI);
    }

    private static double Activate(string activation, double v, float[] p) => activation switch
    {
        "none" => v,
        "Relu" => System.Math.Max(v, 0),
        "LeakyRelu" => v < 0 ? v * p[0] : v,
        "Clip" => System.Math.Clamp(v, p[0], p[1]),
        "Sigmoid" => 1 / (1 + System.Math.Exp(-v)),
        "Tanh" => System.Math.Tanh(v),
        "HardSigmoid" => System.Math.Clamp(p[0] * v + p[1], 0, 1),
        "Gelu" => 0.5 * v * (1 + Erf(v / System.Math.Sqrt(2))),
        "GeluTanh" => 0.5 * v * (1 + System.Math.Tanh(System.Math.Sqrt(2 / System.Math.PI) * (v + 0.044715 * v * v * v))),
        _ => throw new ArgumentException(activation),
    };

    [Theory]
    [InlineData("none", new float[0])]
    [InlineData("Relu", new float[0])]
    [InlineData("LeakyRelu", new[] { 0.1f })]
    [InlineData("Clip", new[] { -0.5f, 0.75f })]
    [InlineData("Sigmoid", new float[0])]
    [InlineData("Tanh", new float[0])]
    [InlineData("HardSigmoid", new[] { 0.3f, 0.4f })]
    [InlineData("Gelu", new float[0])]
    [InlineData("GeluTanh", new float[0])]
    public void Fused_matmul_applies_bias_then_activation_per_row(string activation, float[] parameters)
    {
        const int batch = 2, m = 3, k = 17, n = 13;
        float[] a = Values(1, batch * m * k), b = Values(2, k * n), bias = Values(3, n);
        Attribute[] attributes = parameters.Length > 0
            ? [Attribute.Create("activation", activation), Attribute.Create("activation_params", parameters)]
            : [Attribute.Create("activation", activation)];

        OnnxValue?[] inputs = [OnnxValue.FromArray(a, batch, m, k), OnnxValue.FromArray(b, k, n), OnnxValue.FromArray(bias, n)];
        float[] y = Run("FusedMatMul", inputs, attributes);
        float[] packed = RunWithConstants("FusedMatMul", inputs, [1, 2], attributes);

        var expected = new double[batch * m * n];
        for (int row = 0; row < batch * m; row++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = bias[j];
                for (int i = 0; i < k; i++)
                    sum += (double)a[row * k + i] * b[i * n + j];
                expected[row * n + j] = Activate(activation, sum, parameters);
            }
        }
        AssertClose(expected, y, 1e-4);
        Assert.Equal(y, packed);
    }

    [Fact]
    public void Fused_matmul_without_bias_is_the_plain_product()
    {
        float[] y = Run("FusedMatMul", [OnnxValue.FromArray([1f, 2, 3, 4], 2, 2), OnnxValue.FromArray([1f, 0, 0, 1], 2, 2)]);

        Assert.Equal([1f, 2, 3, 4], y);
    }

    [Fact]
    public void Fused_matmul_fails_for_inner_dims_that_differ()
    {
        AssertFails(() => Run("FusedMatMul", [OnnxValue.FromArray(new float[6], 2, 3), OnnxValue.FromArray(new float[8], 4, 2)]), "inner dims", "(3 and 4)");
    }

    [Fact]
    public void Fused_matmul_fails_for_a_bias_of_the_wrong_length()
    {
        AssertFails(() => Run("FusedMatMul", [OnnxValue.FromArray(new float[6], 2, 3), OnnxValue.FromArray(new float[6], 3, 2), OnnxValue.FromArray(new float[3], 3)]),
            "input bias", "[3]", "expected [2]");
    }

    [Fact]
    public void Fused_matmul_fails_for_weights_of_rank_three()
    {
        AssertFails(() => Run("FusedMatMul", [OnnxValue.FromArray(new float[6], 2, 3), OnnxValue.FromArray(new float[6], 1, 3, 2)]), "[K, N]");
    }

    [Fact]
    public void Fused_matmul_rejects_an_unknown_activation_and_a_wrong_parameter_count()
    {
        var inputs = new OnnxValue?[] { OnnxValue.FromArray(new float[6], 2, 3), OnnxValue.FromArray(new float[6], 3, 2) };
        AssertFails(() => Run("FusedMatMul", inputs, Attribute.Create("activation", "Swish")), "activation", "Swish");
        AssertFails(() => Run("FusedMatMul", inputs, Attribute.Create("activation", "Clip"), Attribute.Create("activation_params", [1f])), "activation_params", "takes 2");
    }

    [Fact]
    public void Fused_conv_adds_z_before_the_activation()
    {
        float[] x = Values(1, 2 * 3 * 5 * 4), w = Values(2, 2 * 3 * 3 * 3), bias = Values(3, 2), z = Values(4, 2 * 2 * 5 * 4);

        float[] y = Run("FusedConv", [OnnxValue.FromArray(x, 2, 3, 5, 4), OnnxValue.FromArray(w, 2, 3, 3, 3), OnnxValue.FromArray(bias, 2), OnnxValue.FromArray(z, 2, 2, 5, 4)],
            Attribute.Create("pads", [1L, 1L, 1L, 1L]), Attribute.Create("activation", "Relu"));

        var expected = new double[2 * 2 * 5 * 4];
        for (int image = 0; image < 2; image++)
            for (int oc = 0; oc < 2; oc++)
                for (int r = 0; r < 5; r++)
                    for (int c = 0; c < 4; c++)
                    {
                        double sum = bias[oc];
                        for (int ic = 0; ic < 3; ic++)
                            for (int kr = 0; kr < 3; kr++)
                                for (int kc = 0; kc < 3; kc++)
                                {
                                    int rr = r + kr - 1, cc = c + kc - 1;
                                    if (rr >= 0 && rr < 5 && cc >= 0 && cc < 4)
                                        sum += (double)x[((image * 3 + ic) * 5 + rr) * 4 + cc] * w[((oc * 3 + ic) * 3 + kr) * 3 + kc];
                                }
                        int at = ((image * 2 + oc) * 5 + r) * 4 + c;
                        expected[at] = System.Math.Max(0, sum + z[at]);
                    }
        AssertClose(expected, y, 1e-4);
    }

    [Fact]
    public void Fused_conv_fails_for_z_of_another_shape()
    {
        AssertFails(() => Run("FusedConv", [OnnxValue.FromArray(new float[16], 1, 1, 4, 4), OnnxValue.FromArray(new float[1], 1, 1, 1, 1), null, OnnxValue.FromArray(new float[4], 1, 1, 2, 2)]),
            "input Z", "[1,1,2,2]", "[1,1,4,4]");
    }
}
