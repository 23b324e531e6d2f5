
namespace Onyx.Tests.Tensors;

public sealed class SubByteElementsTests
{
    [Theory]
    [InlineData(0L, 4, 0L)]
    [InlineData(1L, 4, 1L)]
    [InlineData(3L, 4, 2L)]
    [InlineData(4L, 4, 2L)]
    [InlineData(1L, 2, 1L)]
    [InlineData(5L, 2, 2L)]
    [InlineData(8L, 2, 2L)]
    [InlineData(long.MaxValue, 4, 4611686018427387904L)] // ceil((2^63 - 1) / 2) = 2^62
    [InlineData(long.MaxValue, 2, 2305843009213693952L)] // ceil((2^63 - 1) / 4) = 2^61
    public void PackedByteCount_is_the_ceiling_of_the_bit_count_over_8(long count, int bits, long expected)
    {
        Assert.Equal(expected, SubByteElements.PackedByteCount(count, bits));
    }

    [Fact]
    public void PackedByteCount_rejects_negative_counts_and_unsupported_widths()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SubByteElements.PackedByteCount(-1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubByteElements.PackedByteCount(1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubByteElements.PackedByteCount(1, 8));
    }

    [Fact]
    public void Pack4Bit_puts_element_0_in_the_low_nibble_and_pads_an_odd_count_with_zero()
    {
        byte[] packed = [0xAA, 0xAA, 0xAA];
        SubByteElements.Pack4Bit([0x1, 0x2, 0x3], packed);
        Assert.Equal(new byte[] { 0x21, 0x03, 0xAA }, packed);
    }

    [Fact]
    public void Pack4Bit_keeps_only_the_low_nibble_of_each_code()
    {
        byte[] packed = new byte[1];
        SubByteElements.Pack4Bit([0xF1, 0xE2], packed);
        Assert.Equal(0x21, packed[0]);
    }

    [Fact]
    public void Unpack4Bit_reads_low_nibble_first_and_ignores_the_padding()
    {
        byte[] codes = new byte[3];
        SubByteElements.Unpack4Bit([0x21, 0xF3], codes);
        Assert.Equal(new byte[] { 0x1, 0x2, 0x3 }, codes);
    }

    [Fact]
    public void Pack2Bit_puts_element_0_in_the_lowest_bits_and_pads_with_zero()
    {
        // Element k of a byte sits at bits 2k..2k+1: 1 | 2 << 2 | 3 << 4 | 0 << 6 = 0x39, then 3 alone.
        byte[] packed = [0xAA, 0xAA, 0xAA];
        SubByteElements.Pack2Bit([1, 2, 3, 0, 3], packed);
        Assert.Equal(new byte[] { 0x39, 0x03, 0xAA }, packed);
    }

    [Fact]
    public void Unpack2Bit_reads_lowest_bits_first_and_ignores_the_padding()
    {
        byte[] codes = new byte[5];
        SubByteElements.Unpack2Bit([0x39, 0xFF], codes);
        Assert.Equal(new byte[] { 1, 2, 3, 0, 3 }, codes);
    }

    [Fact]
    public void Packing_rejects_too_small_buffers()
    {
        Assert.Throws<ArgumentException>(() => SubByteElements.Pack4Bit(new byte[3], new byte[1]));
        Assert.Throws<ArgumentException>(() => SubByteElements.Unpack4Bit(new byte[1], new byte[3]));
        Assert.Throws<ArgumentException>(() => SubByteElements.Pack2Bit(new byte[5], new byte[1]));
        Assert.Throws<ArgumentException>(() => SubByteElements.Unpack2Bit(new byte[1], new byte[5]));
        Assert.Throws<ArgumentException>(() => SubByteElements.PackInt4(new Int4[3], new byte[1]));
        Assert.Throws<ArgumentException>(() => SubByteElements.UnpackInt2(new byte[1], new Int2[5]));
    }

    [Fact]
    public void Packing_an_empty_sequence_writes_nothing()
    {
        byte[] packed = [0xAA];
        SubByteElements.Pack4Bit([], packed);
        SubByteElements.Pack2Bit([], packed);
        Assert.Equal(0xAA, packed[0]);
    }

    [Fact]
    public void Int4_packing_matches_the_onnx_cast_test_data_for_minus_9_through_15()
    {
        // Cast FLOAT -> INT4 of -9..15 (25 elements): the ONNX backend test output since onnx 1.19 (ml_dtypes)
        // wraps modulo 16 ...
        var input = new float[25];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = i - 9;
        }

        var elements = new Int4[input.Length];
        Int4.FromSingle(input, elements, saturate: false);
        var packed = new byte[13];
        SubByteElements.PackInt4(elements, packed);
        Assert.Equal(new byte[] { 0x87, 0xA9, 0xCB, 0xED, 0x0F, 0x21, 0x43, 0x65, 0x87, 0xA9, 0xCB, 0xED, 0x0F }, packed);

        // ... while the onnx 1.17 and 1.18 output clamped to [-8, 7].
        Int4.FromSingle(input, elements);
        SubByteElements.PackInt4(elements, packed);
        Assert.Equal(new byte[] { 0x88, 0xA9, 0xCB, 0xED, 0x0F, 0x21, 0x43, 0x65, 0x77, 0x77, 0x77, 0x77, 0x07 }, packed);
    }

    [Fact]
    public void Int4_unpacking_sign_extends_each_nibble()
    {
        var elements = new Int4[3];
        SubByteElements.UnpackInt4([0x7F, 0x08], elements); // codes F, 7, 8
        Assert.Equal(new sbyte[] { -1, 7, -8 }, Array.ConvertAll(elements, e => e.Value));

        var packed = new byte[2];
        SubByteElements.PackInt4(elements, packed);
        Assert.Equal(new byte[] { 0x7F, 0x08 }, packed);
    }

    [Fact]
    public void UInt4_packing_round_trips_an_odd_count()
    {
        UInt4[] elements = [UInt4.FromBits(15), UInt4.FromBits(0), UInt4.FromBits(9)];
        var packed = new byte[2];
        SubByteElements.PackUInt4(elements, packed);
        Assert.Equal(new byte[] { 0x0F, 0x09 }, packed);

        var unpacked = new UInt4[3];
        SubByteElements.UnpackUInt4(packed, unpacked);
        Assert.Equal(elements, unpacked);
    }

    [Fact]
    public void Float4E2M1_packing_round_trips_an_odd_count()
    {
        Float4E2M1[] elements = [Float4E2M1.FromSingle(0.5f), Float4E2M1.FromSingle(-6f), Float4E2M1.FromSingle(1f)];
        var packed = new byte[2];
        SubByteElements.PackFloat4E2M1(elements, packed);
        Assert.Equal(new byte[] { 0xF1, 0x02 }, packed); // codes 1, F, 2

        var unpacked = new Float4E2M1[3];
        SubByteElements.UnpackFloat4E2M1(packed, unpacked);
        Assert.Equal(elements, unpacked);
    }

    [Fact]
    public void Int2_packing_uses_two_bit_twos_complement_and_sign_extends_on_unpack()
    {
        Int2[] elements = [Int2.MinValue, Int2.MaxValue, Int2.FromSingle(-1f)];
        var packed = new byte[1];
        SubByteElements.PackInt2(elements, packed);
        Assert.Equal(0x36, packed[0]); // codes 2, 1, 3: 2 | 1 << 2 | 3 << 4

        var unpacked = new Int2[3];
        SubByteElements.UnpackInt2(packed, unpacked);
        Assert.Equal(new sbyte[] { -2, 1, -1 }, Array.ConvertAll(unpacked, e => e.Value));
    }

    [Fact]
    public void UInt2_packing_round_trips_a_count_not_divisible_by_4()
    {
        UInt2[] elements = Array.ConvertAll(new byte[] { 3, 1, 0, 2, 1, 3 }, UInt2.FromBits);
        var packed = new byte[2];
        SubByteElements.PackUInt2(elements, packed);
        Assert.Equal(new byte[] { 0x87, 0x0D }, packed); // 3 | 1 << 2 | 0 << 4 | 2 << 6 = 0x87; 1 | 3 << 2 = 0x0D

        var unpacked = new UInt2[6];
        SubByteElements.UnpackUInt2(packed, unpacked);
        Assert.Equal(elements, unpacked);
    }

    [Fact]
    public void Every_4_bit_and_2_bit_sequence_of_random_codes_round_trips()
    {
        var random = new Random(23);
        for (int count = 0; count < 40; count++)
        {
            var codes4 = new byte[count];
            var codes2 = new byte[count];
            for (int i = 0; i < count; i++)
            {
                codes4[i] = (byte)random.Next(16);
                codes2[i] = (byte)random.Next(4);
            }

            var packed4 = new byte[SubByteElements.PackedByteCount(count, 4)];
            var packed2 = new byte[SubByteElements.PackedByteCount(count, 2)];
            SubByteElements.Pack4Bit(codes4, packed4);
            SubByteElements.Pack2Bit(codes2, packed2);
            var unpacked4 = new byte[count];
            var unpacked2 = new byte[count];
            SubByteElements.Unpack4Bit(packed4, unpacked4);
            SubByteElements.Unpack2Bit(packed2, unpacked2);
            Assert.Equal(codes4, unpacked4);
            Assert.Equal(codes2, unpacked2);
        }
    }
}
