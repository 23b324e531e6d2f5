using Onyx.Runtime.Compute;

namespace Onyx.Tests.Runtime.Compute;

/// <summary><see cref="BatchedTranspose"/> against the element-by-element definition, whole 8×8 blocks and ragged edges alike.</summary>
public sealed class BatchedTransposeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 9)]
    [InlineData(8, 8)]
    [InlineData(17, 33)]
    [InlineData(129, 64)]
    [InlineData(64, 129)]
    public void Batches_of_matrices_are_transposed_for_4_and_8_byte_elements(int rows, int cols)
    {
        const int batch = 3;
        float[] x = [.. Enumerable.Range(0, batch * rows * cols).Select(i => i * 0.5f - 7)];
        long[] wide = [.. x.Select(v => (long)(v * 2))];
        var y = new float[x.Length];
        var wideY = new long[x.Length];

        BatchedTranspose.Transpose<float>(x, y, batch, rows, cols);
        BatchedTranspose.Transpose<long>(wide, wideY, batch, rows, cols);

        for (int m = 0; m < batch; m++)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    int from = (m * rows + r) * cols + c, to = (m * cols + c) * rows + r;
                    Assert.Equal(x[from], y[to]);
                    Assert.Equal(wide[from], wideY[to]);
                }
            }
        }
    }
}
