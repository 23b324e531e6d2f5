namespace Onyx.Operators;

/// <summary>The CenterCropPad operator (ai.onnx).</summary>
internal static partial class CenterCropPad
{
    internal static readonly OperatorSchema V18 = new("CenterCropPad", 18)
    {
        Inference = InferCenterCropPad,
        Inputs =
        [
            new("input_data", "T"),
            new("shape", "Tind"),
        ],
        Outputs = [new("output_data", "T")],
        Attributes = [new("axes", AttributeType.Ints)],
        TypeConstraints =
        [
            new("T", "tensor(uint8), tensor(uint16), tensor(uint32), tensor(uint64), tensor(int8), tensor(int16), tensor(int32), tensor(int64), tensor(bfloat16), tensor(float16), tensor(float), tensor(double), tensor(string), tensor(bool), tensor(complex64), tensor(complex128)"),
            new("Tind", "tensor(int32), tensor(int64)"),
        ],
        FunctionBody = CenterCropPad.BodyV18,
    };

    /// <summary>The input's shape with the dims at axes (all by default) replaced by the values of 'shape'.</summary>
    private static void InferCenterCropPad(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        IntegerInputs.CheckInputRank(context, 1, 1, "shape");
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int[] axes = context.GetInts("axes") is { } listed
            ? IntegerInputs.Axes(context, listed, input.Rank, "attribute 'axes'")
            : [.. Enumerable.Range(0, input.Rank)];
        if (IntegerInputs.Length(context, 1) is long length && length != axes.Length)
            throw context.Fail($"input 'shape' has {length} elements, but {axes.Length} axes are cropped or padded");
        if (context.InputValues(1) is not { } sizes)
        {
            context.SetOutput(0, elementType, IntegerInputs.WithUnknownAxes(input, axes));
            return;
        }
        Dim[] dims = [.. input.Dims];
        for (int i = 0; i < axes.Length; i++)
        {
            if (sizes[i].Value < 0)
                throw context.Fail($"input 'shape' element {i} is negative ({sizes[i]})");
            dims[axes[i]] = sizes[i];
        }
        context.SetOutput(0, elementType, dims);
    }

    internal static OperatorSchema[] Versions => [V18];
}
