namespace Onyx.Operators;

/// <summary>Output rules of the signal operators (windows, MelWeightMatrix, DFT, STFT).</summary>
internal static class SignalShapes
{
    /// <summary>Blackman/Hamming/HannWindow: a 1-D tensor of `size` elements of output_datatype.</summary>
    public static void Window(InferenceContext context)
    {
        CheckScalar(context, 0, "size");
        context.SetOutput(0, OutputDataType(context), [ScalarValue(context, 0)]);
    }

    /// <summary>MelWeightMatrix: [floor(dft_length / 2) + 1, num_mel_bins].</summary>
    public static void MelWeightMatrix(InferenceContext context)
    {
        Dim dftLength = ScalarValue(context, 1);
        Dim bins = dftLength.Value is { } length ? new Dim(length / 2 + 1) : new Dim();
        context.SetOutput(0, OutputDataType(context), [bins, ScalarValue(context, 0)]);
    }

    /// <summary>
    /// DFT: the transformed axis becomes dft_length (halved plus one for RFFT) and the last dim 2 (complex); IRFFT
    /// (onesided inverse) gives a real signal (last dim 1) of dft_length, by default 2 · (bins − 1).
    /// </summary>
    public static void Dft(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        Shape? input = context.InputShape(0);
        if (input is null)
        {
            context.SetOutput(0, elementType, (Shape?)null);
            return;
        }
        int rank = input.Rank;
        if (rank < 2)
            throw context.Fail($"input 'input' must have rank at least 2 ([..., signal, 1 or 2]), found {rank}");
        if (input.Dims[^1].Value is { } components and not (1 or 2))
            throw context.Fail($"the last dim of 'input' must be 1 (real) or 2 (complex), found {components}");
        bool onesided = context.GetInt("onesided", 0) != 0;
        bool inverse = context.GetInt("inverse", 0) != 0;
        // IRFFT (onesided inverse) turns a half spectrum into a real signal; everything else gives complex values.
        bool irfft = onesided && inverse;
        if (irfft && input.Dims[^1].Value == 1)
            throw context.Fail("an inverse one-sided DFT (IRFFT) needs complex input (last dim 2), found a real input (last dim 1)");
        Dim outputComponents = irfft ? 1 : 2;
        if (!TryAxis(context, rank, out int axis))
        {
            context.SetOutput(0, elementType, [.. ShapeRules.UnknownShape(context, rank - 1).Dims, outputComponents]);
            return;
        }
        Dim length = context.HasInput(1) ? ScalarValue(context, 1)
            : irfft ? FullSpectrum(input.Dims[axis])
            : input.Dims[axis];
        if (length.Value is <= 0)
            throw context.Fail($"the DFT length (input 'dft_length', or by default from the axis dim) must be positive, found {length.Value}");
        Dim[] dims = [.. input.Dims];
        dims[axis] = onesided && !inverse ? HalfSpectrum(length) : length;
        dims[^1] = outputComponents;
        context.SetOutput(0, elementType, dims);
    }

    /// <summary>STFT: [batch, frames, bins, 2] with frames = (signal_length - frame_length) / frame_step + 1.</summary>
    public static void Stft(InferenceContext context)
    {
        DataType elementType = context.InputElementType(0);
        Shape? signal = context.InputShape(0);
        if (signal is not null && signal.Rank != 3)
            throw context.Fail($"input 'signal' must have shape [batch, signal_length, 1 or 2], found rank {signal.Rank}");
        CheckScalar(context, 1, "frame_step");
        Dim frameLength = context.HasInput(3) ? ScalarValue(context, 3)
            : context.HasInput(2) && context.InputShape(2) is { Rank: 1 } window ? window.Dims[0]
            : new Dim();
        Dim step = ScalarValue(context, 1);
        Dim frames = new();
        if (signal?.Dims[1].Value is { } signalLength && frameLength.Value is { } frame && step.Value is { } stepValue)
        {
            if (stepValue <= 0 || frame <= 0 || frame > signalLength)
                throw context.Fail($"frame_step ({stepValue}) and frame_length ({frame}) must be positive and frame_length at most the signal length ({signalLength})");
            frames = (signalLength - frame) / stepValue + 1;
        }
        Dim bins = context.GetInt("onesided", 1) != 0 ? HalfSpectrum(frameLength) : frameLength;
        context.SetOutput(0, elementType, [signal?.Dims[0] ?? new Dim(), frames, bins, 2]);
    }

    private static Dim HalfSpectrum(Dim length) => length.Value is { } value ? new Dim(value / 2 + 1) : new Dim();

    /// <summary>The signal length a half spectrum of <paramref name="bins"/> bins stands for by default: 2 · (bins − 1).</summary>
    private static Dim FullSpectrum(Dim bins) => bins.Value is { } value ? new Dim(2 * (value - 1)) : new Dim();

    // v17 takes the axis as an attribute (default 1); v20 as an optional input (default -2). Negative axes count from the
    // back of the full rank, and the last (complex) axis cannot be transformed.
    private static bool TryAxis(InferenceContext context, int rank, out int axis)
    {
        long value;
        if (context.Schema.SinceVersion >= 20)
        {
            if (!context.HasInput(2))
                value = -2;
            else if (ScalarValue(context, 2).Value is { } given)
                value = given;
            else
            {
                axis = 0;
                return false;
            }
        }
        else
            value = context.GetInt("axis", 1);
        axis = ShapeRules.Axis(context, value, rank);
        if (axis == rank - 1)
            throw context.Fail($"axis {value} selects the last (real/imaginary) dim, which cannot be transformed");
        return true;
    }

    private static DataType OutputDataType(InferenceContext context) => (DataType)context.GetInt("output_datatype", (long)DataType.Float);

    private static void CheckScalar(InferenceContext context, int input, string name)
    {
        if (context.InputRank(input) is { } rank and not 0)
            throw context.Fail($"input '{name}' must be a scalar, found rank {rank}");
    }

    private static Dim ScalarValue(InferenceContext context, int input) =>
        context.InputValues(input) is [var value] ? value : new Dim();
}
