using Onyx.Runtime.Kernels;

namespace Onyx.Runtime.Compute;

/// <summary>
/// Reads and builds the tensors of the ai.onnx.ml encoders, whose elements are strings or numbers alike: one generic
/// element type (string, long, int, short, float, double) per table, so a lookup is written once for all of them.
/// </summary>
internal static class MlTypedTensors
{
    /// <summary>The elements of <paramref name="tensor"/>, whose element type must be that of <typeparamref name="T"/>.</summary>
    public static T[] Read<T>(Tensor tensor)
    {
        if (typeof(T) == typeof(string))
            return (T[])(object)tensor.ToStrings();
        if (typeof(T) == typeof(long))
            return (T[])(object)tensor.ToArray<long>();
        if (typeof(T) == typeof(int))
            return (T[])(object)tensor.ToArray<int>();
        if (typeof(T) == typeof(short))
            return (T[])(object)tensor.ToArray<short>();
        if (typeof(T) == typeof(float))
            return (T[])(object)tensor.ToArray<float>();
        if (typeof(T) == typeof(double))
            return (T[])(object)tensor.ToArray<double>();
        throw new NotSupportedException($"{typeof(T)} is not an ml encoder element type");
    }

    /// <summary>The elements of <paramref name="tensor"/> as an array of their CLR type, or null for another element type.</summary>
    public static Array? ReadAny(Tensor tensor) => tensor.DataType switch
    {
        DataType.String => tensor.ToStrings(),
        DataType.Int64 => tensor.ToArray<long>(),
        DataType.Int32 => tensor.ToArray<int>(),
        DataType.Int16 => tensor.ToArray<short>(),
        DataType.Float => tensor.ToArray<float>(),
        DataType.Double => tensor.ToArray<double>(),
        _ => null,
    };

    /// <summary>A tensor of <paramref name="dims"/> holding <paramref name="values"/>.</summary>
    public static Tensor Create<T>(T[] values, long[] dims) => values switch
    {
        string[] strings => Tensor.FromStrings(strings, dims),
        long[] longs => Tensor.FromArray(longs, dims),
        int[] ints => Tensor.FromArray(ints, dims),
        short[] shorts => Tensor.FromArray(shorts, dims),
        float[] floats => Tensor.FromArray(floats, dims),
        double[] doubles => Tensor.FromArray(doubles, dims),
        _ => throw new NotSupportedException($"{typeof(T)} is not an ml encoder element type"),
    };

    /// <summary>
    /// The values of a float, double, int32 or int64 input as doubles (the numeric ml operators compute in double and
    /// write float); fails naming the input otherwise.
    /// </summary>
    public static double[] ReadReals(KernelContext context, Tensor tensor, int input)
    {
        var values = new double[context.ElementCount(tensor.Dims)];
        switch (tensor.DataType)
        {
            case DataType.Float: Widen(tensor.AsSpan<float>(), values); break;
            case DataType.Double: tensor.AsSpan<double>().CopyTo(values); break;
            case DataType.Int32: Widen(tensor.AsSpan<int>(), values); break;
            case DataType.Int64: Widen(tensor.AsSpan<long>(), values); break;
            default: throw context.Fail($"input {input} ('{InputName(context, input)}') is {tensor.DataType.TypeName()}; expected float, double, int64 or int32");
        }
        return values;
    }

    /// <summary>Input <paramref name="input"/> as a map; fails naming the input when it is absent or another kind of value.</summary>
    public static OnnxValue MapInput(KernelContext context, int input) =>
        context.Input(input) is { Kind: OnnxValueKind.Map } value
            ? value
            : throw context.Fail($"input {input} ('{InputName(context, input)}') must be a map, found {context.Input(input)?.Kind.ToString() ?? "nothing"}");

    /// <summary>The name the node gives input <paramref name="input"/>.</summary>
    public static string InputName(KernelContext context, int input) =>
        input < context.Node.Node.Inputs.Count ? context.Node.Node.Inputs[input] : "";

    private static void Widen<T>(ReadOnlySpan<T> source, Span<double> target) where T : System.Numerics.INumberBase<T>
    {
        for (int i = 0; i < source.Length; i++)
            target[i] = double.CreateTruncating(source[i]);
    }
}
