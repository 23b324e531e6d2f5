using Onyx.Runtime;
using Onyx.Runtime.Testing;

namespace Onyx.Cli.Commands;

/// <summary>The <c>--input NAME=FILE</c> arguments of run and bench: each file (.pb test data or .npy) read as the named input.</summary>
internal static class InputArguments
{
    /// <summary>The inputs given, by name; an argument without NAME=FILE or naming no input of the session throws an <see cref="OnyxException"/>.</summary>
    public static Dictionary<string, OnnxValue> Read(InferenceSession session, IEnumerable<string> arguments)
    {
        var inputs = new Dictionary<string, OnnxValue>(StringComparer.Ordinal);
        foreach (string argument in arguments)
        {
            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new OnyxException($"--input '{argument}' must be NAME=FILE");
            string name = argument[..equals], path = argument[(equals + 1)..];
            NodeMetadata input = session.InputMetadata.FirstOrDefault(i => i.Name == name)
                ?? throw new OnyxException($"'{name}' is not an input; the inputs are {string.Join(", ", session.InputMetadata.Select(i => i.Name))}");
            inputs[name] = path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? OnnxValue.FromTensor(NpyFile.Read(path)) : TestData.Read(path, input.Type);
        }
        return inputs;
    }
}
