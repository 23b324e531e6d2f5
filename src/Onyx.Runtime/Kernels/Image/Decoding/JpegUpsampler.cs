namespace Onyx.Runtime.Kernels.Image.Decoding;

/// <summary>Samples of one component plane, row by row, <see cref="Stride"/> bytes apart.</summary>
internal readonly record struct JpegPlane(byte[] Samples, int Stride);

/// <summary>
/// Brings a subsampled component to the full image size the way libjpeg does by default ("fancy upsampling"):
/// a factor of 2 horizontally (when the component is more than 2 samples wide), vertically, or both, interpolates
/// each output sample as 3/4 of the nearest input sample plus 1/4 of the next nearest (edges repeat the outermost
/// sample), with libjpeg's alternating rounding biases; any other integral factor repeats samples.
/// </summary>
internal static class JpegUpsampler
{
    public static JpegPlane Upsample(JpegFrame frame, JpegComponent component, JpegPlane input)
    {
        int horizontal = frame.MaxHorizontal / component.Horizontal, vertical = frame.MaxVertical / component.Vertical;
        if (horizontal == 1 && vertical == 1)
            return input;
        int width = frame.Width, height = frame.Height;
        int lastColumn = component.SampleWidth - 1, lastRow = component.SampleHeight - 1;
        byte[] source = input.Samples, output = new byte[width * height];
        bool wideEnough = component.SampleWidth > 2;
        for (int y = 0; y < height; y++)
        {
            int near = y / vertical;
            int far = System.Math.Clamp(y % 2 == 0 ? near - 1 : near + 1, 0, lastRow);
            ReadOnlySpan<byte> nearRow = source.AsSpan(near * input.Stride), farRow = source.AsSpan(far * input.Stride);
            Span<byte> outputRow = output.AsSpan(y * width, width);
            if (horizontal == 2 && vertical == 2 && wideEnough)
                for (int x = 0; x < width; x++)
                {
                    int column = x / 2, other = System.Math.Clamp(x % 2 == 0 ? column - 1 : column + 1, 0, lastColumn);
                    int nearSum = 3 * nearRow[column] + farRow[column], otherSum = 3 * nearRow[other] + farRow[other];
                    outputRow[x] = (byte)((3 * nearSum + otherSum + (x % 2 == 0 ? 8 : 7)) >> 4);
                }
            else if (horizontal == 2 && vertical == 1 && wideEnough)
                for (int x = 0; x < width; x++)
                {
                    int column = x / 2, other = System.Math.Clamp(x % 2 == 0 ? column - 1 : column + 1, 0, lastColumn);
                    outputRow[x] = (byte)((3 * nearRow[column] + nearRow[other] + (x % 2 == 0 ? 1 : 2)) >> 2);
                }
            else if (horizontal == 1 && vertical == 2)
                for (int x = 0; x < width; x++)
                    outputRow[x] = (byte)((3 * nearRow[x] + farRow[x] + (y % 2 == 0 ? 1 : 2)) >> 2);
            else
                for (int x = 0; x < width; x++)
                    outputRow[x] = nearRow[x / horizontal];
        }
        return new JpegPlane(output, width);
    }
}
