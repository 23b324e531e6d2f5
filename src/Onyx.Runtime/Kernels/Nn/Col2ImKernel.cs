using Onyx.Runtime.Compute;
using Onyx.Runtime.Kernels.Tensors;
using static Onyx.Runtime.Kernels.Tensors.GatherInputs;

namespace Onyx.Runtime.Kernels.Nn;

/// <summary>
/// Col2Im: the inverse of unfolding an image into sliding blocks. Each column l of the input is the block at the
/// l-th window position (in row-major order of positions); its values add into the image at the positions the
/// dilated block covers there, overlapping blocks summing.
/// </summary>
internal sealed class Col2ImKernel(WindowAttributes window) : Kernel
{
    public static IReadOnlyList<KernelRegistration> Kernels => [KernelRegistration.All("Col2Im", node => new Col2ImKernel(new WindowAttributes(node)))];

    public override void Run(KernelContext context)
    {
        Tensor input = context.Tensor(0);
        long[] image = TensorInputs.Longs(context, 1), block = TensorInputs.Longs(context, 2);
        int rank = image.Length;
        if (block.Length != rank || rank == 0)
            throw context.Fail($"input 1 ('{Name(context, 1)}') and input 2 ('{Name(context, 2)}') must name the same number of spatial dims, found {rank} and {block.Length}");
        (long[] strides, long[] dilations, long[] pads) = window.Explicit(context, rank);
        long blockSize = block.Aggregate(1L, (a, b) => a * b);
        var positions = new long[rank];
        for (int i = 0; i < rank; i++)
            positions[i] = (image[i] + pads[i] + pads[rank + i] - dilations[i] * (block[i] - 1) - 1) / strides[i] + 1;
        long blocks = positions.Aggregate(1L, (a, b) => a * b);
        if (input.Dims is not [long n, long rows, long columns] || rows % blockSize != 0 || columns != blocks)
            throw context.Fail($"input 0 ('{Name(context, 0)}') has shape {Shape(input.Dims)}; expected [N, C·{blockSize}, {blocks}] for these blocks and image");
        long channels = rows / blockSize, imageSize = image.Aggregate(1L, (a, b) => a * b);
        double[] columnValues = RealTensors.Read(context, input, "input");
        var result = new double[checked(n * channels * imageSize)];
        long[] blockStrides = IndexingOffsets.Strides(block), positionStrides = IndexingOffsets.Strides(positions), imageStrides = IndexingOffsets.Strides(image);
        for (long l = 0; l < blocks; l++)
        {
            for (long k = 0; k < blockSize; k++)
            {
                // The image offset of block element k at window position l, or -1 when it falls in the padding.
                long offset = 0;
                for (int i = 0; i < rank && offset >= 0; i++)
                {
                    long at = l / positionStrides[i] % positions[i] * strides[i] - pads[i] + k / blockStrides[i] % block[i] * dilations[i];
                    offset = at >= 0 && at < image[i] ? offset + at * imageStrides[i] : -1;
                }
                if (offset < 0)
                    continue;
                for (long plane = 0; plane < n * channels; plane++)
                    result[plane * imageSize + offset] += columnValues[(plane * blockSize + k) * blocks + l];
            }
        }
        RealTensors.Write(context, 0, input.DataType, [n, channels, .. image], result);
    }
}
