namespace Onyx.Bench.Models;

/// <summary>
/// ResNet-50 v1.5 (torchvision's resnet50: the stride of a downsampling bottleneck sits on its 3×3 convolution) as
/// an eval-mode export without constant folding: Conv without bias + BatchNormalization, Relu, MaxPool, Add,
/// GlobalAveragePool, Flatten, Gemm. Input "input" float [1,3,224,224], output "logits" float [1,1000].
/// </summary>
internal static class ResNet50
{
    public const string Name = "resnet50";

    public static BenchmarkModel Create()
    {
        var n = new NetworkBuilder("resnet50", seed: 50);
        string x = n.Graph.AddInput("input", DataType.Float, 1, 3, 224, 224);
        x = n.Node("Relu", [n.ConvBatchNorm("conv1", x, 3, 64, kernel: 7, stride: 2)]);
        x = n.Node("MaxPool", [x],
            Attribute.Create("kernel_shape", [3L, 3L]), Attribute.Create("pads", [1L, 1L, 1L, 1L]), Attribute.Create("strides", [2L, 2L]));
        long channels = 64;
        (int Blocks, long Width, long Stride)[] stages = [(3, 64, 1), (4, 128, 2), (6, 256, 2), (3, 512, 2)];
        for (int s = 0; s < stages.Length; s++)
        {
            for (int b = 0; b < stages[s].Blocks; b++)
            {
                long stride = b == 0 ? stages[s].Stride : 1;
                x = Bottleneck(n, $"layer{s + 1}.{b}", x, channels, stages[s].Width, stride);
                channels = stages[s].Width * 4;
            }
        }
        string pooled = n.Node("Flatten", [n.Node("GlobalAveragePool", [x])], Attribute.Create("axis", 1L));
        string fcWeight = n.Weight("fc.weight", MathF.Sqrt(1f / channels), [1000, channels]);
        string fcBias = n.Weight("fc.bias", 0.01f, [1000]);
        n.OutputNode("logits", [1, 1000], "Gemm", [pooled, fcWeight, fcBias],
            Attribute.Create("alpha", 1f), Attribute.Create("beta", 1f), Attribute.Create("transB", 1L));
        return new BenchmarkModel(Name, n.ToModel("ResNet-50 v1.5 with deterministic random weights (Onyx benchmark)."),
            [BenchmarkModel.NormalizedImage("input", new NormalSource(1050), 224)]);
    }

    /// <summary>1×1 reduce, 3×3 (strided), 1×1 expand ×4, plus the shortcut (1×1 strided conv + BN where the shape changes).</summary>
    private static string Bottleneck(NetworkBuilder n, string prefix, string x, long inChannels, long width, long stride)
    {
        string h = n.Node("Relu", [n.ConvBatchNorm(prefix + ".conv1", x, inChannels, width, kernel: 1, stride: 1)]);
        h = n.Node("Relu", [n.ConvBatchNorm(prefix + ".conv2", h, width, width, kernel: 3, stride: stride)]);
        // The last BN of a residual branch scaled down keeps the sum's variance from doubling block after block.
        h = n.ConvBatchNorm(prefix + ".conv3", h, width, width * 4, kernel: 1, stride: 1, gamma: 0.4f);
        string shortcut = stride != 1 || inChannels != width * 4
            ? n.ConvBatchNorm(prefix + ".downsample", x, inChannels, width * 4, kernel: 1, stride: stride)
            : x;
        return n.Node("Relu", [n.Node("Add", [h, shortcut])]);
    }
}
