namespace Onyx.Runtime.Compute;

/// <summary>
/// The 32-bit Mersenne Twister (MT19937) seeded from one 32-bit integer, with doubles of 53 random bits: the stream
/// numpy's legacy <c>numpy.random.seed(n)</c> then <c>numpy.random.uniform</c> draws, which the ONNX backend tests of
/// seeded random operators (training-mode Dropout) were generated with.
/// </summary>
internal sealed class MersenneTwister
{
    private const int StateSize = 624;
    private const int Shift = 397;
    private readonly uint[] _state = new uint[StateSize];
    private int _next = StateSize;

    public MersenneTwister(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < StateSize; i++)
            _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
    }

    /// <summary>A uniform double in [0, 1) built from two draws (27 and 26 high bits), as genrand_res53 does.</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    public uint NextUInt32()
    {
        if (_next >= StateSize)
            Regenerate();
        uint y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

    private void Regenerate()
    {
        for (int i = 0; i < StateSize; i++)
        {
            uint bits = (_state[i] & 0x80000000u) | (_state[(i + 1) % StateSize] & 0x7fffffffu);
            _state[i] = _state[(i + Shift) % StateSize] ^ (bits >> 1) ^ ((bits & 1) == 0 ? 0u : 0x9908b0dfu);
        }
        _next = 0;
    }
}
