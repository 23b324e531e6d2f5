using System.Numerics;
using Onyx.Runtime;
using static Onyx.Tests.Runtime.ReduceKernels.OneNodeRuns;
using static Onyx.Tests.Runtime.ReduceKernels.TestTensors;

namespace Onyx.Tests.Runtime.SignalKernels;

public sealed class SignalKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(1000)]
    public void DFT_of_a_complex_signal_matches_the_naive_sum(int length)
    {
        Complex[] signal = Signal(length, 1);
        OnnxValue y = RunOne("DFT", 20, [Make(DataType.Double, Interleave(signal), 1, length, 2)]);
        Assert.Equal([1L, length, 2], y.Tensor.Dims);
        Close(Interleave(NaiveDft(signal, length, inverse: false)), Read(y.Tensor), 1e-9);
    }

    [Fact]
    public void DFT_of_an_empty_batch_is_empty()
    {
        OnnxValue y = RunOne("DFT", 20, [Make(DataType.Float, [], 0, 6, 1)], Attribute.Create("onesided", 1L));
        Assert.Equal([0L, 4, 2], y.Tensor.Dims);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(16)]
    public void Inverse_DFT_recovers_the_signal(int length)
    {
        Complex[] signal = Signal(length, 2);
        Tensor x = Make(DataType.Double, Interleave(signal), 1, length, 2);
        Tensor spectrum = RunOne("DFT", 20, [x]).Tensor;
        OnnxValue back = RunOne("DFT", 20, [spectrum], Attribute.Create("inverse", 1L));
        Close(Interleave(signal), Read(back.Tensor), 1e-9);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    public void One_sided_DFT_of_a_real_signal_keeps_the_first_half_of_the_spectrum(int length)
    {
        Complex[] signal = Signal(length, 3, real: true);
        OnnxValue y = RunOne("DFT", 20, [Make(DataType.Double, [.. signal.Select(c => c.Real)], 1, length, 1)], Attribute.Create("onesided", 1L));
        Assert.Equal([1L, length / 2 + 1, 2], y.Tensor.Dims);
        Close(Interleave(NaiveDft(signal, length, inverse: false)[..(length / 2 + 1)]), Read(y.Tensor), 1e-9);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    public void Inverse_one_sided_DFT_gives_back_the_real_signal(int length)
    {
        Complex[] signal = Signal(length, 4, real: true);
        Complex[] half = NaiveDft(signal, length, inverse: false)[..(length / 2 + 1)];
        OnnxValue y = RunOne("DFT", 20, [Make(DataType.Double, Interleave(half), 1, half.Length, 2), Tensor.Scalar((long)length)],
            Attribute.Create("onesided", 1L), Attribute.Create("inverse", 1L));
        Assert.Equal([1L, length, 1], y.Tensor.Dims);
        Close([.. signal.Select(c => c.Real)], Read(y.Tensor), 1e-9);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(4)]
    public void DFT_length_pads_or_truncates_the_signal(long dftLength)
    {
        Complex[] signal = Signal(7, 5);
        OnnxValue y = RunOne("DFT", 17, [Make(DataType.Double, Interleave(signal), 1, 7, 2), Tensor.Scalar((int)dftLength)]);
        Assert.Equal([1L, dftLength, 2], y.Tensor.Dims);
        Close(Interleave(NaiveDft(signal, (int)dftLength, inverse: false)), Read(y.Tensor), 1e-9);
    }

    [Fact]
    public void A_negative_axis_counts_from_the_back_as_attribute_and_as_input()
    {
        // [3, 2, 2]: transform along axis 0 (-3) for each of the 2 positions of axis 1.
        Complex[] signal = Signal(6, 6);
        Tensor x = Make(DataType.Double, Interleave(signal), 3, 2, 2);
        double[] expected = new double[12];
        for (int column = 0; column < 2; column++)
        {
            Complex[] line = [signal[column], signal[2 + column], signal[4 + column]];
            Complex[] transformed = NaiveDft(line, 3, inverse: false);
            for (int k = 0; k < 3; k++)
                (expected[(k * 2 + column) * 2], expected[(k * 2 + column) * 2 + 1]) = (transformed[k].Real, transformed[k].Imaginary);
        }
        Close(expected, Read(RunOne("DFT", 17, [x], Attribute.Create("axis", -3L)).Tensor), 1e-9);
        Close(expected, Read(RunOne("DFT", 20, [x, null, Tensor.Scalar(-3L)]).Tensor), 1e-9);
    }

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void DFT_computes_every_float_type_in_its_own_type(DataType type)
    {
        double[] values = [1, 0.5, -2, 0.25, 3, -1];
        OnnxValue y = RunOne("DFT", 20, [Make(type, values, 1, 6, 1)]);
        Assert.Equal(type, y.Tensor.DataType);
        Close(Interleave(NaiveDft([.. values.Select(v => new Complex(v, 0))], 6, inverse: false)), Read(y.Tensor), 2e-2);
    }

    [Fact]
    public void STFT_without_a_window_transforms_frames_of_frame_length()
    {
        Complex[] signal = Signal(10, 7, real: true);
        OnnxValue y = RunOne("STFT", 17, [Make(DataType.Double, [.. signal.Select(c => c.Real)], 1, 10, 1), Tensor.Scalar(2L), null, Tensor.Scalar(4L)]);
        Assert.Equal([1L, 4, 3, 2], y.Tensor.Dims);
        var expected = new List<double>();
        for (int frame = 0; frame < 4; frame++)
            expected.AddRange(Interleave(NaiveDft(signal[(2 * frame)..(2 * frame + 4)], 4, inverse: false)[..3]));
        Close([.. expected], Read(y.Tensor), 1e-9);
    }

    [Fact]
    public void Two_sided_STFT_of_a_complex_signal_weighs_frames_by_the_window()
    {
        Complex[] signal = Signal(8, 8);
        double[] window = [0.25, 1, 0.5];
        OnnxValue y = RunOne("STFT", 17, [Make(DataType.Double, Interleave(signal), 1, 8, 2), Tensor.Scalar(3), Make(DataType.Double, window, 3)],
            Attribute.Create("onesided", 0L));
        Assert.Equal([1L, 2, 3, 2], y.Tensor.Dims);
        var expected = new List<double>();
        for (int frame = 0; frame < 2; frame++)
            expected.AddRange(Interleave(NaiveDft([.. window.Select((w, k) => w * signal[3 * frame + k])], 3, inverse: false)));
        Close([.. expected], Read(y.Tensor), 1e-9);
    }

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.UInt8)]
    public void MelWeightMatrix_places_triangles_on_the_spectrogram_bins(DataType type)
    {
        // mel(4000 Hz) / 3 spaces the edges at 0, 620.8 and 1792.1 Hz: bins floor(9 f / 8000) = 0, 0 and 2.
        Tensor?[] inputs = [Tensor.Scalar(1L), Tensor.Scalar(8L), Tensor.Scalar(8000L), Tensor.Scalar(0f), Tensor.Scalar(4000f)];
        OnnxValue y = Run("MelWeightMatrix", 17, inputs, [type], Attribute.Create("output_datatype", (long)type))[0];
        Assert.Equal(type, y.Tensor.DataType);
        Assert.Equal([5L, 1], y.Tensor.Dims);
        double[] expected = type is DataType.Int32 or DataType.UInt8 ? [1, 0, 0, 0, 0] : [1, 0.5, 0, 0, 0];
        Close(expected, Read(y.Tensor));
    }

    [Fact]
    public void MelWeightMatrix_cuts_off_bands_above_the_Nyquist_frequency()
    {
        Tensor?[] inputs = [Tensor.Scalar(4L), Tensor.Scalar(8L), Tensor.Scalar(8000L), Tensor.Scalar(0.0), Tensor.Scalar(20000.0)];
        OnnxValue y = Run("MelWeightMatrix", 17, inputs, [DataType.Float])[0];
        Assert.Equal([5L, 4], y.Tensor.Dims);
        Assert.All(Read(y.Tensor), w => Assert.InRange(w, 0, 1));
    }

    [Theory]
    [InlineData("HannWindow", 1L, DataType.Float, new[] { 0, 0.5, 1, 0.5 })]
    [InlineData("HannWindow", 0L, DataType.Double, new[] { 0, 0.75, 0.75, 0 })]
    [InlineData("HammingWindow", 0L, DataType.Float16, new[] { 4.0 / 46, 1, 4.0 / 46 })]
    [InlineData("BlackmanWindow", 1L, DataType.Double, new[] { 0, 0.63, 0.63 })]
    [InlineData("HannWindow", 1L, DataType.Int32, new[] { 0.0, 0, 1, 0 })]
    public void Cosine_sum_windows_are_periodic_or_symmetric_in_output_datatype(string op, long periodic, DataType type, double[] expected)
    {
        Tensor size = Tensor.Scalar((long)expected.Length);
        OnnxValue y = Run(op, 17, [size], [type], Attribute.Create("periodic", periodic), Attribute.Create("output_datatype", (long)type))[0];
        Assert.Equal(type, y.Tensor.DataType);
        Close(expected, Read(y.Tensor), 1e-3);
    }

    [Fact]
    public void Bad_DFT_inputs_fail_naming_the_node_and_input()
    {
        Tensor complex = Make(DataType.Float, [1, 2, 3, 4], 1, 2, 2);
        AssertFails("'dft_length'", () => RunFed("DFT", 20, [complex, Tensor.Scalar(0L)]));
        AssertFails("'axis'", () => RunFed("DFT", 20, [complex, null, Tensor.Scalar(3L)]));
        AssertFails("'input'", () => RunFed("DFT", 20, [complex, null, Tensor.Scalar(-1L)]));
        AssertFails("'input'", () => RunFed("DFT", 20, [complex], Attribute.Create("onesided", 1L)));
        AssertFails("'input'", () => RunFed("DFT", 20, [Make(DataType.Float, [1, 2, 3], 1, 3)]));
    }

    [Fact]
    public void Bad_STFT_inputs_fail_naming_the_node_and_input()
    {
        Tensor signal = Make(DataType.Float, [1, 2, 3, 4, 5, 6], 1, 6, 1);
        AssertFails("'frame_step'", () => RunFed("STFT", 17, [signal, Tensor.Scalar(0L), null, Tensor.Scalar(2L)]));
        AssertFails("'window'", () => RunFed("STFT", 17, [signal, Tensor.Scalar(1L), Make(DataType.Float, [1, 1, 1], 3), Tensor.Scalar(2L)]));
        AssertFails("'frame_length'", () => RunFed("STFT", 17, [signal, Tensor.Scalar(1L), null, Tensor.Scalar(7L)]));
        AssertFails("'signal'", () => RunFed("STFT", 17, [Make(DataType.Float, [1, 2, 3, 4], 1, 2, 2), Tensor.Scalar(1L)]));
    }

    [Fact]
    public void Bad_MelWeightMatrix_inputs_fail_naming_the_node_and_input()
    {
        AssertFails("'upper_edge_hertz'", () => RunFed("MelWeightMatrix", 17,
            [Tensor.Scalar(2L), Tensor.Scalar(8L), Tensor.Scalar(8000L), Tensor.Scalar(100f), Tensor.Scalar(100f)], [DataType.Float]));
        AssertFails("'num_mel_bins'", () => RunFed("MelWeightMatrix", 17,
            [Tensor.Scalar(0L), Tensor.Scalar(8L), Tensor.Scalar(8000L), Tensor.Scalar(0f), Tensor.Scalar(100f)], [DataType.Float]));
        AssertFails("'size'", () => RunFed("HannWindow", 17, [Tensor.Scalar(-1L)], [DataType.Float]));
    }

    private static void AssertFails(string input, Action run)
    {
        var e = Assert.Throws<OnnxRuntimeException>(run);
        Assert.Contains("node_under_test", e.Message);
        Assert.Contains(input, e.Message);
    }

    /// <summary>Deterministic test values; imaginary parts 0 when <paramref name="real"/>.</summary>
    private static Complex[] Signal(int length, int seed, bool real = false)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => new Complex(random.NextDouble() * 2 - 1, real ? 0 : random.NextDouble() * 2 - 1))];
    }

    private static double[] Interleave(Complex[] values) => [.. values.SelectMany(c => new[] { c.Real, c.Imaginary })];

    /// <summary>The definition: X[k] = Σ x[n] e^(∓2πi kn/N) over the signal cut or zero-padded to N, scaled by 1/N when inverse.</summary>
    private static Complex[] NaiveDft(Complex[] signal, int length, bool inverse)
    {
        var result = new Complex[length];
        double sign = inverse ? 1 : -1;
        for (int k = 0; k < length; k++)
        {
            for (int n = 0; n < System.Math.Min(length, signal.Length); n++)
                result[k] += signal[n] * Complex.FromPolarCoordinates(1, sign * 2 * System.Math.PI * k * n / length);
            if (inverse)
                result[k] /= length;
        }
        return result;
    }
}
