using Onyx.Bench;

namespace Onyx.Tests.Serialization;

public sealed class LargeModelLoadTests
{
    [Fact]
    public void Loading_500_MiB_of_weights_allocates_under_5_percent_of_them()
    {
        using var folder = new TempFolder();
        string path = folder.File("large.onnx");
        LargeModels.Create(100, 5 << 20).Save(path);
        long weightBytes = 100L * (5 << 20);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Model model = Model.Load(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < weightBytes / 20, $"loading allocated {allocated} bytes for {weightBytes} bytes of weights");
        Assert.Equal(100, model.Graph.Initializers.Count);
        Tensor last = model.Graph.Initializers[^1];
        Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(last.RawData, out _), "weights must point into the mapped file");
        Assert.Equal(LargeModels.Create(1, 5 << 20).Graph.Initializers[0].RawData.Span[..4096].ToArray(), last.RawData.Span[..4096].ToArray());
    }
}
