namespace Onyx.Tests.Serialization;

/// <summary>
/// Randomly damaged models (bytes flipped, truncated, spliced; fixed seeds) either load or raise an
/// <see cref="OnyxException"/>: never another exception type, a hang or an outsized allocation.
/// </summary>
public sealed class MutationFuzzTests
{
    public static TheoryData<string> Models() =>
    [
        "node/test_if_seq/model.onnx",
        "node/test_loop11/model.onnx",
        "node/test_conv_with_strides_padding/model.onnx",
        "light/light_squeezenet.onnx",
        "simple/test_sequence_model1/model.onnx",
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void Damaged_models_fail_only_with_onyx_exceptions(string file)
    {
        byte[] original = File.ReadAllBytes(Path.Combine(BackendTestData.Root, file));
        var random = new Random(file.Length);
        for (int round = 0; round < 1000; round++)
        {
            byte[] damaged = Damage(original, random);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                Model.Parse(damaged);
            }
            catch (OnyxException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 64L * damaged.Length + (1 << 20), $"round {round}: allocated {allocated} bytes for {damaged.Length} bytes");
        }
    }

    private static byte[] Damage(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (int i = random.Next(1, 8); i > 0; i--)
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                int at = random.Next(bytes.Length);
                bytes[at] = (byte)(0x80 | random.Next(128));
                return bytes;
            default:
                int from = random.Next(bytes.Length), to = random.Next(bytes.Length), length = random.Next(1, 16);
                for (int i = 0; i < length && from + i < bytes.Length && to + i < bytes.Length; i++)
                    bytes[to + i] = original[from + i];
                return bytes;
        }
    }
}
