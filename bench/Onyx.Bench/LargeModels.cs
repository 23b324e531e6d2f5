namespace Onyx.Bench;

/// <summary>Models with many large initializers, for load benchmarks and allocation tests.</summary>
public static class LargeModels
{
    /// <summary>
    /// A chain of <paramref name="tensorCount"/> Add nodes, each with a FLOAT initializer of <paramref name="tensorBytes"/>
    /// bytes. All initializers are views of one random buffer, so building the model costs one tensor's memory.
    /// </summary>
    public static Model Create(int tensorCount, int tensorBytes)
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
}
