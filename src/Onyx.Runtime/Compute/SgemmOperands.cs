using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Onyx.Runtime.Compute;

/// <summary>op(A) of a <see cref="Sgemm"/> product: a row-major matrix (transposed when <see cref="Trans"/>), and optionally the same matrix packed ahead.</summary>
internal readonly unsafe struct SgemmA
{
    public float* Data { get; init; }
    public int Ld { get; init; }
    public bool Trans { get; init; }

    /// <summary>The packed matrix (<see cref="SgemmPackedMatrix.A"/>) or null to pack on each call.</summary>
    public float* Packed { get; init; }

    /// <summary>Floats per k step of <see cref="Packed"/>: its rows rounded up to whole panels.</summary>
    public int PackedStride { get; init; }

    public static SgemmA Matrix(float* data, int ld, bool trans) => new() { Data = data, Ld = ld, Trans = trans };

    /// <summary>A packed ahead; <paramref name="data"/> may be null when the one-row case needs no plain copy.</summary>
    public static SgemmA Prepacked(SgemmPackedMatrix packed, float* data, int ld) =>
        new() { Data = data, Ld = ld, Packed = packed.Pointer, PackedStride = packed.Stride };
}

/// <summary>
/// op(B) of a <see cref="Sgemm"/> product: a row-major matrix (transposed when <see cref="Trans"/>), a matrix
/// packed ahead (the plain one kept for the one-row case), or the columns of a convolution read through its window.
/// </summary>
internal readonly unsafe struct SgemmB
{
    public float* Data { get; init; }
    public int Ld { get; init; }
    public bool Trans { get; init; }
    public float* Packed { get; init; }
    public int PackedStride { get; init; }
    public WindowColumns Window { get; init; }

    public static SgemmB Matrix(float* data, int ld, bool trans) => new() { Data = data, Ld = ld, Trans = trans };

    public static SgemmB Prepacked(SgemmPackedMatrix packed, float* data, int ld, bool trans) =>
        new() { Data = data, Ld = ld, Trans = trans, Packed = packed.Pointer, PackedStride = packed.Stride };

    public static SgemmB Windowed(WindowColumns window) => new() { Window = window };
}

/// <summary>
/// What a <see cref="Sgemm"/> product adds to C as it stores it: a bias per row and/or per column, a residual matrix
/// (rows <see cref="ResidualStride"/> apart), then a clamp to [min, max] (Relu, Clip), NaN staying NaN; then, on
/// finished rows, an optional function (an activation the store cannot do).
/// </summary>
internal readonly unsafe struct SgemmEpilogue(float* rowBias, float* columnBias, float* residual, int residualStride, float min, float max,
    delegate*<void*, float*, int, void> rowFunction = null, void* rowState = null)
{
    public readonly float* RowBias = rowBias, ColumnBias = columnBias, Residual = residual;
    public readonly int ResidualStride = residualStride;
    public readonly float Min = min, Max = max;
    public readonly bool Clamps = min != float.NegativeInfinity || max != float.PositiveInfinity;

    /// <summary>
    /// Called as RowFunction(RowState, row, length) on each finished span of a row of C, after everything else, by the
    /// thread that computed it (so while it is still in cache, and threaded with the product); null for none.
    /// </summary>
    public readonly delegate*<void*, float*, int, void> RowFunction = rowFunction;
    public readonly void* RowState = rowState;

    public bool Any => RowBias is not null || ColumnBias is not null || Residual is not null || Clamps;

    /// <summary>This epilogue for the tile at (row, column), written into <paramref name="tile"/>.</summary>
    public TileEpilogue* ForTile(TileEpilogue* tile, int row, int column)
    {
        tile->RowBias = RowBias is null ? null : RowBias + row;
        tile->ColumnBias = ColumnBias is null ? null : ColumnBias + column;
        tile->Residual = Residual is null ? null : Residual + (long)row * ResidualStride + column;
        tile->ResidualStride = ResidualStride;
        tile->Min = Min;
        tile->Max = Max;
        tile->Clamps = Clamps;
        return tile;
    }

    /// <summary>The epilogue of one element at (row, column), the same operations in the same order as the tiles.</summary>
    public float Apply(float value, int row, int column)
    {
        if (RowBias is not null)
            value += RowBias[row];
        if (ColumnBias is not null)
            value += ColumnBias[column];
        if (Residual is not null)
            value += Residual[(long)row * ResidualStride + column];
        return Clamps ? MathF.Min(MathF.Max(value, Min), Max) : value;
    }
}

/// <summary>
/// The column matrix of a convolution (rows: input channel × kernel position; columns: output positions) read
/// straight from the input through a <see cref="SgemmWindow"/>, so no column matrix is ever written out.
/// </summary>
internal readonly unsafe struct WindowColumns(float* x, int channelSize, int kernelSize, int positions, int width, int* sources, int* runs, uint* lanes)
{
    private readonly float* _x = x;
    private readonly int _channelSize = channelSize, _kernelSize = kernelSize, _positions = positions, _width = width;
    private readonly int* _runs = runs;
    private readonly uint* _lanes = lanes;

    /// <summary>Where output position j reads for kernel position kp within one channel: Sources[kp·positions + j], -1 for padding.</summary>
    public int* Sources { get; } = sources;

    /// <summary>
    /// Packs columns [column, column + count) of rows [pc, pc + kc) as panels of <paramref name="width"/> columns
    /// (zero past count), row by row across the panels. A panel row whose positions read one contiguous run of the
    /// input is copied by vectors (by masked loads where some positions are padding), others are gathered through the offsets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Pack<TLanes, TVector>(int column, int count, int pc, int kc, int width, float* destination)
        where TLanes : ISgemmLanes<TVector> where TVector : unmanaged
    {
        int channel = pc / _kernelSize, kp = pc - channel * _kernelSize;
        float* plane = _x + (long)channel * _channelSize;
        int panels = (_positions + _width - 1) / _width;
        for (int p = 0; p < kc; p++)
        {
            for (int j0 = 0; j0 < count; j0 += width)
            {
                int columns = System.Math.Min(width, count - j0);
                float* to = destination + (long)j0 * kc + p * width;
                int entry = kp * panels + (column + j0) / _width;
                int run = width == _width && columns == width ? _runs[entry] : SgemmWindow.NoRun;
                if (run != SgemmWindow.NoRun)
                {
                    uint lanes = _lanes[entry];
                    if (lanes == SgemmWindow.AllLanes(width))
                    {
                        for (int l = 0; l < width; l += TLanes.Count)
                            TLanes.Store(to + l, TLanes.Load(plane + run + l));
                    }
                    else
                    {
                        for (int l = 0; l < width; l += TLanes.Count)
                            TLanes.Store(to + l, TLanes.LoadOrZero(plane + run + l, lanes >> l));
                    }
                }
                else if (columns == width)
                {
                    // Positions at a stride, over more than one output row or reading padding: gathered by their offsets.
                    int* source = Sources + (long)kp * _positions + column + j0;
                    for (int l = 0; l < width; l += TLanes.Count)
                        TLanes.Store(to + l, TLanes.GatherOrZero(plane, source + l));
                }
                else
                {
                    SoftwareLanes.GatherOrZero(plane, Sources + (long)kp * _positions + column + j0, to, columns);
                    new Span<float>(to + columns, width - columns).Clear();
                }
            }
            if (++kp == _kernelSize)
            {
                kp = 0;
                plane += _channelSize;
            }
        }
    }
}

/// <summary>
/// Where each output position of a convolution reads, for positions [first, first + count): per kernel position,
/// an input offset within one channel (or -1), and per panel of <see cref="Width"/> positions whether those inside the
/// input read one contiguous run (the run's start, else <see cref="NoRun"/>) and which lanes are inside. Built once per
/// input shape; read by any number of products at once.
/// </summary>
internal sealed unsafe class SgemmWindow
{
    /// <summary>In <c>runs</c>: the panel row reads no run (it is gathered).</summary>
    public const int NoRun = int.MinValue;

    private readonly int[] _sources, _runs;
    private readonly uint[] _lanes;
    private readonly int _channelSize, _kernelSize, _positions;

    /// <summary>The window's positions [first, first + count) in panels of <paramref name="width"/>, reading the input as is, or split into <paramref name="phases"/>.</summary>
    public SgemmWindow(WindowGeometry window, int first, int count, int width, WindowPhases? phases = null)
    {
        _channelSize = phases?.ChannelSize ?? window.InputSize;
        _kernelSize = window.KernelSize;
        _positions = count;
        Width = width;
        int panels = (count + width - 1) / width;
        _sources = GC.AllocateUninitializedArray<int>(_kernelSize * count, pinned: true);
        _runs = GC.AllocateUninitializedArray<int>(_kernelSize * panels, pinned: true);
        _lanes = GC.AllocateUninitializedArray<uint>(_kernelSize * panels, pinned: true);
        Span<int> offsets = _kernelSize <= 256 ? stackalloc int[_kernelSize] : new int[_kernelSize];
        for (int j = 0; j < count; j++)
        {
            if (phases is null)
                window.Offsets(first + j, offsets);
            else
                phases.Offsets(first + j, offsets);
            for (int kp = 0; kp < _kernelSize; kp++)
                _sources[kp * count + j] = offsets[kp];
        }
        // With masked loads a run may have lanes in the padding (zero): at stride 1 that is every panel row at the
        // image's border and, for a same-size output, every row crossing from one output row to the next.
        bool masked = Avx.IsSupported && width <= 2 * Vector256<float>.Count;
        uint all = AllLanes(width);
        for (int kp = 0; kp < _kernelSize; kp++)
        {
            for (int panel = 0; panel < panels; panel++)
            {
                int* source = (int*)Unsafe.AsPointer(ref _sources[kp * count + panel * width]);
                (int run, uint lanes) = panel * width + width <= count ? Run(source, width) : (NoRun, 0);
                if (lanes != all && !masked)
                    run = NoRun;
                _runs[kp * panels + panel] = run;
                _lanes[kp * panels + panel] = lanes;
            }
        }
    }

    /// <summary>The lane bits of a panel row whose positions all lie inside the input.</summary>
    public static uint AllLanes(int width) => width == 32 ? uint.MaxValue : (1u << width) - 1;

    /// <summary>The start of the run the panel row's offsets read (negative when its first lanes are padding) and which lanes read it; <see cref="NoRun"/> when they read no single run.</summary>
    private static (int Run, uint Lanes) Run(int* sources, int width)
    {
        int origin = NoRun;
        uint lanes = 0;
        for (int j = 0; j < width; j++)
        {
            if (sources[j] < 0)
                continue;
            if (origin == NoRun)
                origin = sources[j] - j;
            else if (sources[j] != origin + j)
                return (NoRun, 0);
            lanes |= 1u << j;
        }
        return (origin == NoRun ? 0 : origin, lanes);
    }

    /// <summary>The panel width the runs were found for (<see cref="Sgemm.PanelWidth"/> of the instruction set).</summary>
    public int Width { get; }

    /// <summary>The column matrix of input <paramref name="x"/> (the first of the group's channels) through this window.</summary>
    public WindowColumns Columns(float* x) =>
        new(x, _channelSize, _kernelSize, _positions, Width,
            (int*)Unsafe.AsPointer(ref _sources[0]), (int*)Unsafe.AsPointer(ref _runs[0]), (uint*)Unsafe.AsPointer(ref _lanes[0]));
}

/// <summary>
/// A constant matrix packed once, as <see cref="Sgemm"/> packs per call: op(A) in panels of
/// <see cref="SgemmKernel.Rows"/> rows, or op(B) in panels of <see cref="Sgemm.PanelWidth"/> columns, each
/// k-slice of the product after the other. Its memory is pinned, so products read it by pointer.
/// </summary>
internal sealed unsafe class SgemmPackedMatrix
{
    private const int AlignmentFloats = 16;
    private readonly float[] _data;

    private SgemmPackedMatrix(SgemmIsa isa, int stride, int k)
    {
        Isa = isa;
        Stride = stride;
        _data = GC.AllocateArray<float>(stride * System.Math.Max(k, 1) + AlignmentFloats, pinned: true);
    }

    public SgemmIsa Isa { get; }

    /// <summary>Floats per k step: the rows (A) or columns (B) rounded up to whole panels.</summary>
    public int Stride { get; }

    /// <summary>The first panel (64-byte aligned in a pinned array): valid only while this object is reachable, so the
    /// owner (a kernel's field) must outlive every product that reads it.</summary>
    public float* Pointer
    {
        get
        {
            float* start = (float*)Unsafe.AsPointer(ref _data[0]);
            return (float*)(((nint)start + AlignmentFloats * sizeof(float) - 1) & ~(nint)(AlignmentFloats * sizeof(float) - 1));
        }
    }

    /// <summary>The m×k row-major <paramref name="a"/> (leading dimension <paramref name="lda"/>) packed as A.</summary>
    public static SgemmPackedMatrix A(SgemmIsa isa, ReadOnlySpan<float> a, int m, int k, int lda)
    {
        var packed = new SgemmPackedMatrix(isa, (m + SgemmKernel.Rows - 1) / SgemmKernel.Rows * SgemmKernel.Rows, k);
        fixed (float* source = a)
            Sgemm.PackAhead(isa, packA: true, SgemmA.Matrix(source, lda, false), default, m, k, 1, packed.Pointer, packed.Stride);
        GC.KeepAlive(packed); // its array must outlive the writes through Pointer even when the caller drops the result
        return packed;
    }

    /// <summary>op(<paramref name="b"/>) (k×n; stored n×k when <paramref name="transB"/>) packed as B.</summary>
    public static SgemmPackedMatrix B(SgemmIsa isa, ReadOnlySpan<float> b, int k, int n, int ldb, bool transB)
    {
        int width = Sgemm.PanelWidth(isa);
        var packed = new SgemmPackedMatrix(isa, (n + width - 1) / width * width, k);
        fixed (float* source = b)
            Sgemm.PackAhead(isa, packA: false, default, SgemmB.Matrix(source, ldb, transB), n, k, 1, packed.Pointer, packed.Stride);
        GC.KeepAlive(packed);
        return packed;
    }
}
