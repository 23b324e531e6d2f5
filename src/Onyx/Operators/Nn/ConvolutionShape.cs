namespace Onyx.Operators;

/// <summary>
/// The output shape of the convolutions (Conv, ConvInteger, QLinearConv, DeformConv, ConvTranspose): X is
/// (N × C × D1 … Dn), W is (M × C/group × k1 … kn), or (C × M/group × k1 … kn) when transposed.
/// </summary>
internal static class ConvolutionShape
{
    /// <summary>Y is (N × M × out1 … outn), each outi from the sliding window over Di.</summary>
    public static void InferForward(InferenceContext context, int x, int w, int bias, DataType elementType) =>
        context.SetOutput(0, elementType, Forward(context, x, w, bias));

    /// <summary>The forward convolution's output shape; null when no input's rank is known.</summary>
    public static Shape? Forward(InferenceContext context, int x, int w, int bias) => Infer(context, x, w, bias, transposed: false);

    /// <summary>Y is (N × W[1]·group × out1 … outn), outi from output_shape or the transposed window.</summary>
    public static void InferTransposed(InferenceContext context) =>
        context.SetOutput(0, context.InputElementType(0), Infer(context, 0, 1, 2, transposed: true));

    private static Shape? Infer(InferenceContext context, int x, int w, int bias, bool transposed)
    {
        string xName = context.Schema.Inputs[x].Name, wName = context.Schema.Inputs[w].Name;
        Shape? input = context.InputShape(x), weight = context.InputShape(w);
        if (input is not null && input.Rank < 3)
            throw context.Fail($"input {xName} has rank {input.Rank}; expected at least 3 (N × C × D1 …)");
        if (weight is not null && weight.Rank < 3)
            throw context.Fail($"input {wName} has rank {weight.Rank}; expected at least 3 ({(transposed ? "C × M/group" : "M × C/group")} × k1 …)");
        if (input is not null && weight is not null && input.Rank != weight.Rank)
            throw context.Fail($"input {xName} has rank {input.Rank} but {wName} has rank {weight.Rank}");
        long group = context.GetInt("group", 1);
        if (group <= 0)
            throw context.Fail($"attribute 'group' is {group}; expected a positive number");

        Dim channels = Channels(context, input, weight, group, transposed, xName, wName);
        if (bias >= 0 && context.HasInput(bias) && context.InputShape(bias) is { } b)
        {
            if (b.Rank != 1)
                throw context.Fail($"input {context.Schema.Inputs[bias].Name} has rank {b.Rank}; expected 1 (one value per output channel)");
            channels = ShapeRules.Unify(context, channels, b.Dims[0], "the bias length and the number of output channels");
        }

        Shape? reference = input ?? weight;
        if (reference is null)
            return null;
        int spatialRank = reference.Rank - 2;
        SlidingWindow window = SlidingWindow.Read(context, spatialRank, weight?.Dims.GetRange(2, spatialRank), wName);
        long[]? outputShape = transposed ? OutputShape(context, spatialRank) : null;
        long[]? outputPadding = transposed ? SlidingWindow.Ints(context, "output_padding", spatialRank, minimum: 0) : null;

        var dims = new Dim[reference.Rank];
        dims[0] = input is null ? new Dim() : input.Dims[0];
        dims[1] = channels;
        for (int i = 0; i < spatialRank; i++)
        {
            Dim size = input is null ? new Dim() : input.Dims[2 + i];
            dims[2 + i] = !transposed ? window.Output(context, i, size)
                : outputShape is not null ? new Dim(outputShape[i])
                : window.TransposedOutput(context, i, size, outputPadding?[i] ?? 0);
        }
        return new Shape(dims);
    }

    /// <summary>The output channels: W[0] (forward) or W[1] × group (transposed); checks C against W and group.</summary>
    private static Dim Channels(InferenceContext context, Shape? input, Shape? weight, long group, bool transposed, string xName, string wName)
    {
        if (weight is null)
            return new Dim();
        Dim inputChannels = input?.Dims[1] ?? new Dim();
        if (transposed)
        {
            if (inputChannels.Value is long c && c % group != 0)
                throw context.Fail($"input {xName} has {c} channels, which group {group} does not divide");
            ShapeRules.Unify(context, inputChannels, weight.Dims[0], $"the channels of {xName} and the first dim of {wName}");
            return ShapeRules.Multiply(context, weight.Dims[1], new Dim(group));
        }
        Dim outputChannels = weight.Dims[0];
        if (outputChannels.Value is long m && m % group != 0)
            throw context.Fail($"input {wName} has {m} output channels, which group {group} does not divide");
        Dim expected = ShapeRules.Multiply(context, weight.Dims[1], new Dim(group));
        if (inputChannels.Value is long ci && expected.Value is long ce && ci != ce)
            throw context.Fail($"input {xName} has {ci} channels but {wName} expects {weight.Dims[1]} per group × group {group} = {ce}");
        return outputChannels;
    }

    /// <summary>ConvTranspose's output_shape attribute: the spatial sizes, or (N, C, spatial …) as some exporters write it.</summary>
    private static long[]? OutputShape(InferenceContext context, int spatialRank)
    {
        if (context.GetInts("output_shape") is not { } values)
            return null;
        if (values.Count != spatialRank && values.Count != spatialRank + 2)
            throw context.Fail($"attribute 'output_shape' has {values.Count} values; expected {spatialRank} (one per spatial axis)");
        long[] spatial = [.. values.Skip(values.Count - spatialRank)];
        if (Array.Exists(spatial, v => v < 0))
            throw context.Fail($"attribute 'output_shape' is [{string.Join(",", values)}]; sizes must not be negative");
        return spatial;
    }
}
