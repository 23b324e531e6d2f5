using Onyx.Runtime.Compute;

namespace Onyx.Runtime.Kernels.Ml;

/// <summary>
/// ZipMap (Operators-ml.md): each row of the float X ([N, C], or one row [C]) becomes a map from the class labels
/// (the one 'classlabels_*' attribute set, C distinct labels) to that row's values; the output is the sequence of
/// the N maps.
/// </summary>
internal static class ZipMapKernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [new(OperatorDomains.Ml, "ZipMap", 1, int.MaxValue, Create)];

    private static Kernel Create(KernelNode node)
    {
        NodeAttributes attributes = node.Attributes;
        bool strings = attributes.IsSet("classlabels_strings");
        if (strings == attributes.IsSet("classlabels_int64s"))
            throw node.Fail("exactly one of the attributes 'classlabels_strings' and 'classlabels_int64s' must be set");
        string labelsAttribute = strings ? "classlabels_strings" : "classlabels_int64s";
        string[] stringLabels = [.. attributes.Strings("classlabels_strings") ?? []];
        long[] integerLabels = [.. attributes.Ints("classlabels_int64s") ?? []];
        int classes = strings ? stringLabels.Length : integerLabels.Length;
        // The labels are the keys of every map, so they must be distinct.
        if (strings)
            ListPositions.Of(node, labelsAttribute, stringLabels);
        else
            ListPositions.Of(node, labelsAttribute, integerLabels);
        DataType keyType = strings ? DataType.String : DataType.Int64;
        TypeInfo mapType = TypeInfo.Map(keyType, TypeInfo.Tensor(DataType.Float, []));
        return new DelegateKernel(context =>
        {
            Tensor x = context.Tensor(0);
            string name = MlTypedTensors.InputName(context, 0);
            if (x.DataType != DataType.Float)
                throw context.Fail($"input 0 ('{name}') is {x.DataType.TypeName()}; expected float");
            if (x.Dims.Length is not (1 or 2) || x.Dims[^1] != classes)
                throw context.Fail($"input 0 ('{name}') has shape [{string.Join(",", x.Dims)}]; expected [N, {classes}] or [{classes}], one column per label of '{labelsAttribute}'");
            long rows = x.Dims.Length == 1 ? 1 : x.Dims[0];
            Tensor keys = strings ? Tensor.FromStrings(stringLabels, classes) : Tensor.FromArray(integerLabels, classes);
            ReadOnlySpan<float> scores = x.AsSpan<float>();
            var maps = new OnnxValue[rows];
            for (int row = 0; row < rows; row++)
                maps[row] = OnnxValue.Map(keys, Tensor.FromArray(scores.Slice(row * classes, classes), classes));
            context.SetOutput(0, OnnxValue.Sequence(maps, mapType));
        });
    }
}
