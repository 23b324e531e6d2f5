using System.Text;

namespace Onyx.Runtime.Compute;

/// <summary>String tensors built from UTF-8 values or .NET strings, with any dims (a scalar included).</summary>
internal static class StringTensors
{
    /// <summary>A string tensor over <paramref name="values"/>, which are kept, not copied.</summary>
    public static Tensor FromUtf8(IEnumerable<byte[]> values, long[] dims)
    {
        var tensor = new Tensor(DataType.String, dims);
        tensor.Strings.AddRange(values);
        return tensor;
    }

    /// <summary>A string tensor holding <paramref name="values"/> encoded as UTF-8.</summary>
    public static Tensor FromStrings(IEnumerable<string> values, long[] dims) =>
        FromUtf8(values.Select(Encoding.UTF8.GetBytes), dims);
}
