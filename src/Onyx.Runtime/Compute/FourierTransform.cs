using System.Numerics;

namespace Onyx.Runtime.Compute;

/// <summary>
/// The unnormalized discrete Fourier transform of one length, in double: X[k] = Σ x[n] e^(∓2πi kn/N), with the
/// minus sign forward and the plus sign inverse (callers scale the inverse by 1/N). Power-of-two lengths run an
/// iterative radix-2 FFT; other lengths run Bluestein's algorithm, which rewrites the transform as a convolution
/// computed with power-of-two FFTs, so every length costs O(N log N).
/// An instance keeps scratch buffers: build one per run and thread.
/// </summary>
internal sealed class FourierTransform
{
    private readonly int _length;
    private readonly Radix2 _radix2;
    // Bluestein: the chirp w[k] = e^(∓πi k²/N), and the FFT of the zero-padded conjugate chirp it convolves with.
    private readonly Complex[]? _chirp;
    private readonly Complex[]? _chirpSpectrum;
    private readonly Complex[]? _work;

    /// <summary>The longest transform: 2^29 points, whose Bluestein padding (below 2^30 for any length) fits an array.</summary>
    public const int MaxLength = 1 << 29;

    public FourierTransform(int length, bool inverse)
    {
        if (length < 1 || length > MaxLength)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"a transform has 1 to {MaxLength} points");
        _length = length;
        if (BitOperations.IsPow2(length))
        {
            _radix2 = new Radix2(length, inverse);
            return;
        }
        int padded = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * length - 1));
        _radix2 = new Radix2(padded, inverse: false);
        _chirp = new Complex[length];
        double sign = inverse ? 1 : -1;
        for (int k = 0; k < length; k++)
        {
            // k² mod 2N keeps the angle small, so the chirp stays accurate for long transforms.
            long square = (long)k * k % (2L * length);
            _chirp[k] = Complex.FromPolarCoordinates(1, sign * System.Math.PI * square / length);
        }
        _chirpSpectrum = new Complex[padded];
        _chirpSpectrum[0] = Complex.Conjugate(_chirp[0]);
        for (int k = 1; k < length; k++)
            _chirpSpectrum[k] = _chirpSpectrum[padded - k] = Complex.Conjugate(_chirp[k]);
        _radix2.Transform(_chirpSpectrum);
        _work = new Complex[padded];
    }

    public int Length => _length;

    /// <summary>Transforms <paramref name="values"/> (exactly <see cref="Length"/> of them) in place.</summary>
    public void Transform(Span<Complex> values)
    {
        if (values.Length != _length)
            throw new ArgumentException($"expected {_length} values, found {values.Length}", nameof(values));
        if (_chirp is null)
        {
            _radix2.Transform(values);
            return;
        }
        Complex[] work = _work!;
        Array.Clear(work);
        for (int k = 0; k < _length; k++)
            work[k] = values[k] * _chirp[k];
        // The convolution with the conjugate chirp: forward FFT, product, inverse FFT (the conjugate trick keeps
        // one forward plan), scaled by 1/padded.
        _radix2.Transform(work);
        for (int k = 0; k < work.Length; k++)
            work[k] = Complex.Conjugate(work[k] * _chirpSpectrum![k]);
        _radix2.Transform(work);
        double scale = 1.0 / work.Length;
        for (int k = 0; k < _length; k++)
            values[k] = Complex.Conjugate(work[k]) * scale * _chirp[k];
    }

    /// <summary>The in-place iterative radix-2 FFT of a power-of-two length.</summary>
    private readonly struct Radix2
    {
        private readonly Complex[] _twiddles;

        public Radix2(int length, bool inverse)
        {
            _twiddles = new Complex[length / 2];
            double sign = inverse ? 1 : -1;
            for (int k = 0; k < _twiddles.Length; k++)
                _twiddles[k] = Complex.FromPolarCoordinates(1, sign * 2 * System.Math.PI * k / length);
        }

        public void Transform(Span<Complex> values)
        {
            int n = values.Length;
            for (int i = 1, j = 0; i < n; i++)
            {
                int bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1)
                    j ^= bit;
                j |= bit;
                if (i < j)
                    (values[i], values[j]) = (values[j], values[i]);
            }
            for (int size = 2; size <= n; size <<= 1)
            {
                int half = size / 2, stride = n / size;
                for (int start = 0; start < n; start += size)
                {
                    for (int k = 0; k < half; k++)
                    {
                        Complex odd = values[start + k + half] * _twiddles[k * stride];
                        Complex even = values[start + k];
                        values[start + k] = even + odd;
                        values[start + k + half] = even - odd;
                    }
                }
            }
        }
    }
}
