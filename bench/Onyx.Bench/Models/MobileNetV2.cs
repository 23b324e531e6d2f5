namespace Onyx.Bench.Models;

/// <summary>
/// MobileNetV2 (torchvision's mobilenet_v2, width 1.0) as an eval-mode export without constant folding: Conv +
/// BatchNormalization + Clip(0, 6) with min and max as initializer inputs, depthwise convolutions (group = channels),
/// the inverted residual Add, GlobalAveragePool, Flatten, Gemm. Input "input" float [1,3,224,224], output "logits"
/// float [1,1000].
/// </summary>
internal static class MobileNetV2
{
    public const string Name = "mobilenetv2";

    public static BenchmarkModel Create()
    {
        var n = new NetworkBuilder("mobilenetv2", seed: 2);
        string x = n.Graph.AddInput("input", DataType.Float, 1, 3, 224, 224);
        x = Relu6(n, n.ConvBatchNorm("features.0", x, 3, 32, kernel: 3, stride: 2));
        long channels = 32;
        int index = 1;
        // Expansion t, output channels c, repeats r, first stride s (the paper's Table 2).
        (long T, long C, int R, long S)[] settings = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)];
        foreach (var (t, c, r, s) in settings)
        {
            for (int i = 0; i < r; i++, index++)
            {
                x = InvertedResidual(n, $"features.{index}", x, channels, c, i == 0 ? s : 1, t);
                channels = c;
            }
        }
        x = Relu6(n, n.ConvBatchNorm($"features.{index}", x, channels, 1280, kernel: 1, stride: 1));
        string pooled = n.Node("Flatten", [n.Node("GlobalAveragePool", [x])], Attribute.Create("axis", 1L));
        string weight = n.Weight("classifier.1.weight", MathF.Sqrt(1f / 1280), [1000, 1280]);
        string bias = n.Weight("classifier.1.bias", 0.01f, [1000]);
        n.OutputNode("logits", [1, 1000], "Gemm", [pooled, weight, bias],
            Attribute.Create("alpha", 1f), Attribute.Create("beta", 1f), Attribute.Create("transB", 1L));
        return new BenchmarkModel(Name, n.ToModel("MobileNetV2 with deterministic random weights (Onyx benchmark)."),
            [BenchmarkModel.NormalizedImage("input", new NormalSource(1002), 224)]);
    }

    private static string Relu6(NetworkBuilder n, string x) => n.Node("Clip", [x, n.Scalar(0f), n.Scalar(6f)]);

    /// <summary>1×1 expand (when t ≠ 1) + ReLU6, 3×3 depthwise (strided) + ReLU6, 1×1 linear projection, plus the input where the shape is kept.</summary>
    private static string InvertedResidual(NetworkBuilder n, string prefix, string x, long inChannels, long outChannels, long stride, long expansion)
    {
        long hidden = inChannels * expansion;
        string h = expansion == 1 ? x : Relu6(n, n.ConvBatchNorm(prefix + ".expand", x, inChannels, hidden, kernel: 1, stride: 1));
        h = Relu6(n, n.ConvBatchNorm(prefix + ".depthwise", h, hidden, hidden, kernel: 3, stride: stride, group: hidden));
        bool residual = stride == 1 && inChannels == outChannels;
        h = n.ConvBatchNorm(prefix + ".project", h, hidden, outChannels, kernel: 1, stride: 1, gamma: residual ? 0.4f : 1f);
        return residual ? n.Node("Add", [x, h]) : h;
    }
}
