using System.Numerics;
using Onyx.Runtime.Compute;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;
using static Onyx.Runtime.Kernels.Tensors.TensorInputs;

namespace Onyx.Runtime.Kernels.Tensors;

/// <summary>
/// The operators whose output is made rather than moved: Constant in all its forms, ConstantOfShape, Shape, Size,
/// EyeLike and Range.
/// </summary>
internal static class ConstantKernels
{
    public static IReadOnlyList<KernelRegistration> Kernels =>
    [
        KernelRegistration.All("Constant", CreateConstant),
        KernelRegistration.All("ConstantOfShape", CreateConstantOfShape),
        KernelRegistration.All("Shape", CreateShape),
        KernelRegistration.All("Size", _ => new DelegateKernel(c => c.Output<long>(0, [])[0] = c.Tensor(0).ElementCount)),
        KernelRegistration.All("EyeLike", CreateEyeLike),
        KernelRegistration.All("Range", _ => new DelegateKernel(Range)),
    ];

    /// <summary>The value is made once, when the session is prepared; every run hands out the same immutable tensor.</summary>
    private static Kernel CreateConstant(KernelNode node)
    {
        Tensor value = ConstantValue(node);
        var output = OnnxValue.FromTensor(value);
        return new DelegateKernel(context => context.SetOutput(0, output));
    }

    private static Tensor ConstantValue(KernelNode node)
    {
        Attribute attribute = node.Node.Attributes.SingleOrDefault()
            ?? throw node.Fail("exactly one of the value attributes must be set");
        Tensor value = attribute.Name switch
        {
            "value" => attribute.Tensor!,
            "sparse_value" => Dense(node, attribute.SparseTensor!),
            "value_float" => Tensor.Scalar(attribute.Float),
            "value_floats" => Tensor.FromArray(attribute.Floats.ToArray(), attribute.Floats.Count),
            "value_int" => Tensor.Scalar(attribute.Int),
            "value_ints" => Tensor.FromArray(attribute.Ints.ToArray(), attribute.Ints.Count),
            "value_string" => StringTensor([attribute.StringBytes ?? []], []),
            "value_strings" => StringTensor(attribute.Strings, [attribute.Strings.Count]),
            _ => throw node.Fail($"attribute '{attribute.Name}' is not a value attribute of Constant"),
        };
        if (!value.HasData)
            throw node.Fail($"attribute '{attribute.Name}' refers to external data, which Onyx does not load for attributes");
        return value;
    }

    private static Tensor StringTensor(IEnumerable<byte[]> values, long[] dims)
    {
        var tensor = new Tensor(DataType.String, dims);
        tensor.Strings.AddRange(values);
        return tensor;
    }

    /// <summary>A sparse tensor made dense: indices are [NNZ] linear positions or [NNZ, rank] coordinates.</summary>
    private static Tensor Dense(KernelNode node, SparseTensor sparse)
    {
        Tensor values = sparse.Values ?? throw node.Fail("attribute 'sparse_value' has no values");
        long[] dims = sparse.Dims;
        long count = TensorShape.ElementCount(dims);
        long nonZero = values.ElementCount;
        long[] indices = sparse.Indices?.ToArray<long>() ?? [];
        long[] strides = IndexingOffsets.Strides(dims);
        bool coordinates = sparse.Indices is { Dims.Length: 2 };
        if (indices.Length != (coordinates ? nonZero * dims.Length : nonZero))
            throw node.Fail($"attribute 'sparse_value' has {nonZero} values but indices of shape {Shape(sparse.Indices?.Dims ?? [])}");
        if (!IndexedTarget.Fits(values.DataType, count))
            throw node.Fail($"attribute 'sparse_value' of shape {Shape(dims)} is larger than one array can hold");
        var target = new IndexedTarget(values.DataType, count);
        var source = new IndexedSource(values);
        for (long i = 0; i < nonZero; i++)
        {
            long position = coordinates ? Enumerable.Range(0, dims.Length).Sum(k => indices[i * dims.Length + k] * strides[k]) : indices[i];
            if (position < 0 || position >= count)
                throw node.Fail($"attribute 'sparse_value' places value {i} outside its shape {Shape(dims)}");
            target.Copy(source, i, position, 1);
        }
        return target.ToTensor(dims);
    }

    private static Kernel CreateConstantOfShape(KernelNode node)
    {
        Tensor value = node.Attributes.Tensor("value") ?? Tensor.FromArray([0f], 1);
        if (value.ElementCount != 1)
            throw node.Fail($"attribute 'value' must hold one element, found shape {Shape(value.Dims)}");
        var fill = new IndexedSource(value);
        return new DelegateKernel(context =>
        {
            long[] dims = Longs(context, 0);
            if (dims.Any(d => d < 0))
                throw context.Fail($"input 0 ('{Name(context, 0)}') {Shape(dims)} holds a negative dim");
            IndexedTarget target = Output(context, value.DataType, dims);
            long count = context.ElementCount(dims);
            for (long i = 0; i < count; i++)
                target.Copy(fill, 0, i, 1);
            SetOutput(context, 0, target, dims);
        });
    }

    private static Kernel CreateShape(KernelNode node)
    {
        long start = node.Attributes.Int("start", 0);
        long? end = node.Attributes.Int("end");
        return new DelegateKernel(context =>
        {
            long[] dims = context.Tensor(0).Dims;
            // start and end clamp to [0, rank] after negative values count from the end.
            int Clamp(long v) => (int)System.Math.Clamp(v < 0 ? v + dims.Length : v, 0, dims.Length);
            int from = Clamp(start), to = Clamp(end ?? dims.Length);
            long[] kept = dims[from..System.Math.Max(from, to)];
            kept.CopyTo(context.Output<long>(0, [kept.Length]));
        });
    }

    private static Kernel CreateEyeLike(KernelNode node)
    {
        long? dtype = node.Attributes.Int("dtype");
        long k = node.Attributes.Int("k", 0);
        return new DelegateKernel(context =>
        {
            Tensor input = context.Tensor(0);
            if (input.Dims.Length != 2)
                throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(input.Dims)}; expected 2-D");
            DataType type = dtype is { } t ? (DataType)t : input.DataType;
            var one = new byte[System.Math.Max(1, type.BitsPerElement() / 8)];
            Conversion.Convert(DataType.Int64, BitConverter.GetBytes(1L), type, one, 1, ConversionOptions.Default);
            var source = new IndexedSource(new Tensor(type, [], one));
            long rows = input.Dims[0], columns = input.Dims[1];
            IndexedTarget target = Output(context, type, input.Dims);
            for (long i = 0; i < rows; i++)
                if (i + k >= 0 && i + k < columns)
                    target.Copy(source, 0, i * columns + i + k, 1);
            SetOutput(context, 0, target, input.Dims);
        });
    }

    private static void Range(KernelContext context)
    {
        switch (context.Tensor(0).DataType)
        {
            case DataType.Float: Range<float>(context); break;
            case DataType.Double: Range<double>(context); break;
            case DataType.Int16: Range<short>(context); break;
            case DataType.Int32: Range<int>(context); break;
            case DataType.Int64: Range<long>(context); break;
            case DataType.Float16 or DataType.BFloat16: RangeOf16BitFloats(context); break;
            default: throw context.Fail($"input 0 ('{Name(context, 0)}') is {context.Tensor(0).DataType.TypeName()}; Range takes float, double, float16, bfloat16, int16, int32 or int64");
        }
    }

    /// <summary>max(ceil((limit - start) / delta), 0) elements start + i·delta, as the spec's loop adds them.</summary>
    private static void Range<T>(KernelContext context) where T : unmanaged, INumber<T>
    {
        T start = RangeInput<T>(context, 0), limit = RangeInput<T>(context, 1), delta = RangeInput<T>(context, 2);
        Span<T> output = context.Output<T>(0, [RangeCount(context, double.CreateChecked(start), double.CreateChecked(limit), double.CreateChecked(delta))]);
        T value = start;
        for (int i = 0; i < output.Length; i++, value += delta)
            output[i] = value;
    }

    /// <summary>Range over float16 or bfloat16: the values are computed in double and rounded once.</summary>
    private static void RangeOf16BitFloats(KernelContext context)
    {
        DataType type = context.Tensor(0).DataType;
        double Input(int input)
        {
            var value = new double[1];
            Conversion.Convert(type, RangeScalar(context, input).RawData.Span, DataType.Double, System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()), 1, ConversionOptions.Default);
            return value[0];
        }
        double start = Input(0), delta = Input(2);
        long count = RangeCount(context, start, Input(1), delta);
        double[] values = [.. Enumerable.Range(0, (int)count).Select(i => start + i * delta)];
        Conversion.Convert(DataType.Double, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()), type, context.AllocateOutput(0, type, [count]), count, ConversionOptions.Default);
    }

    private static T RangeInput<T>(KernelContext context, int input) where T : unmanaged => RangeScalar(context, input).AsSpan<T>()[0];

    private static Tensor RangeScalar(KernelContext context, int input)
    {
        Tensor t = context.Tensor(input);
        return t.DataType == context.Tensor(0).DataType && t.ElementCount == 1 ? t
            : throw context.Fail($"input {input} ('{Name(context, input)}') must be a scalar of input 0's type {context.Tensor(0).DataType.TypeName()}");
    }

    private static long RangeCount(KernelContext context, double start, double limit, double delta)
    {
        if (delta == 0)
            throw context.Fail($"input 2 ('{Name(context, 2)}') is 0; Range needs a nonzero delta");
        double steps = System.Math.Ceiling((limit - start) / delta);
        return steps > int.MaxValue ? throw context.Fail($"Range would produce {steps} elements, more than one tensor can hold") : (long)System.Math.Max(steps, 0);
    }
}
