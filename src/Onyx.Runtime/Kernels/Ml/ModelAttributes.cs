namespace Onyx.Runtime.Kernels.Ml;

/// <summary>Reads and cross-checks the list attributes of the ai.onnx.ml predictors when their node is prepared.</summary>
internal static class ModelAttributes
{
    /// <summary>The required ints attribute <paramref name="name"/>.</summary>
    public static long[] Ints(KernelNode node, string name) =>
        [.. node.Attributes.Ints(name) ?? throw node.Fail($"attribute '{name}' is required")];

    /// <summary>The floats attribute <paramref name="name"/> as doubles, empty when absent.</summary>
    public static double[] Floats(KernelNode node, string name) => [.. (node.Attributes.Floats(name) ?? []).Select(v => (double)v)];

    /// <summary>
    /// The values of <paramref name="name"/>, or of its tensor form <paramref name="name"/>_as_tensor (float or
    /// double, from version 3), of which at most one may be set; empty when neither is.
    /// </summary>
    public static double[] FloatsOrTensor(KernelNode node, string name)
    {
        string tensorName = $"{name}_as_tensor";
        if (!node.Attributes.IsSet(tensorName))
            return Floats(node, name);
        return node.Attributes.IsSet(name)
            ? throw node.Fail($"attributes '{name}' and '{tensorName}' must not both be set")
            : TensorReals(node, tensorName);
    }

    /// <summary>The elements of the required float, double or float16 tensor attribute <paramref name="name"/>.</summary>
    public static double[] TensorReals(KernelNode node, string name)
    {
        Tensor tensor = node.Attributes.Tensor(name) ?? throw node.Fail($"attribute '{name}' is required");
        return tensor.DataType switch
        {
            DataType.Float => [.. tensor.ToArray<float>().Select(v => (double)v)],
            DataType.Double => tensor.ToArray<double>(),
            DataType.Float16 => [.. tensor.ToArray<Half>().Select(v => (double)v)],
            _ => throw node.Fail($"attribute '{name}' is a tensor of {tensor.DataType.TypeName()}; expected float, double or float16"),
        };
    }

    /// <summary>The codes of TreeEnsemble's required uint8 tensor 'nodes_modes'.</summary>
    public static long[] Modes(KernelNode node)
    {
        Tensor tensor = node.Attributes.Tensor("nodes_modes") ?? throw node.Fail("attribute 'nodes_modes' is required");
        return tensor.DataType == DataType.UInt8
            ? [.. tensor.ToArray<byte>().Select(m => (long)m)]
            : throw node.Fail($"attribute 'nodes_modes' is a tensor of {tensor.DataType.TypeName()}; expected uint8");
    }

    /// <summary>Fails unless every attribute in <paramref name="others"/> has <paramref name="length"/> values, as <paramref name="first"/> has.</summary>
    public static void SameLength(KernelNode node, string first, int length, params (string Name, int Length)[] others)
    {
        foreach ((string name, int other) in others)
        {
            if (other != length)
                throw node.Fail($"attribute '{name}' has {other} values; expected as many as '{first}' ({length})");
        }
    }
}
