namespace Onyx.Tests.Serialization;

public sealed class LargeModelLoadTests
{
    /// <summary>A model of 100 FLOAT tensors of 5 MiB each (500 MiB of weights), all views of one buffer.</summary>
    internal static Model LargeModel(int tensorCount = 100, int tensorBytes = 5 << 20)
    {
        var buffer = new byte[tensorBytes];
        new Random(7).NextBytes(buffer);
        var g = new GraphBuilder("large");
        string sum = g.AddInput("x", DataType.Float, tensorBytes / 4);
        for (int i = 0; i < tensorCount; i++)
            sum = g.AddNode("Add", [sum, g.AddInitializer($"w{i}", new Tensor(DataType.Float, [tensorBytes / 4], buffer))]);
        g.AddOutput(sum, DataType.Float, tensorBytes / 4);
        return g.ToModel(21);
    }

    [Fact]
    public void Loading_500_MiB_of_weights_allocates_under_5_percent_of_them()
    {
        using var folder = new TempFolder();
        string path = folder.File("large.onnx");
        LargeModel().Save(path);
        long weightBytes = 100L * (5 << 20);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Model model = Model.Load(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < weightBytes / 20, $"loading allocated {allocated} bytes for {weightBytes} bytes of weights");
        Assert.Equal(100, model.Graph.Initializers.Count);
        Tensor last = model.Graph.Initializers[^1];
        Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(last.RawData, out _), "weights must point into the mapped file");
        Assert.Equal(LargeModel(1, 5 << 20).Graph.Initializers[0].RawData.Span[..4096].ToArray(), last.RawData.Span[..4096].ToArray());
    }
}
