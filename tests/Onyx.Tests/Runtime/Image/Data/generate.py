"""Writes the ImageDecoder test images and, from Pillow's reading of each, the expected pixels.

Run from this folder with Python 3, numpy and Pillow 9.4: python3 generate.py
Each image NAME.EXT gets NAME.expected: the ASCII line "HEIGHT WIDTH\n", then Pillow's convert("RGB") pixels
(HEIGHT * WIDTH * 3 bytes), then its convert("L") pixels (HEIGHT * WIDTH bytes). The encoders below exist to
reach variants Pillow does not write (filters, bit depths, interlacing, compressions, layouts).
"""

import io
import struct
import zlib

import numpy as np
from PIL import Image

rng = np.random.RandomState(20)
W, H = 13, 11


def pixels(channels, maximum=255, width=W, height=H):
    return rng.randint(0, maximum + 1, (height, width, channels))


def save(name, data):
    image = Image.open(io.BytesIO(data))
    rgb = np.asarray(image.convert("RGB"), dtype=np.uint8)
    gray = np.asarray(image.convert("L"), dtype=np.uint8)
    with open(name, "wb") as f:
        f.write(data)
    with open(name.rsplit(".", 1)[0] + ".expected", "wb") as f:
        f.write(b"%d %d\n" % (rgb.shape[0], rgb.shape[1]) + rgb.tobytes() + gray.tobytes())


def pack_rows(samples, bits):
    """Rows of samples packed big-endian, most significant bits first, each row padded to a byte."""
    rows = []
    for row in samples.reshape(samples.shape[0], -1):
        if bits == 16:
            rows.append(row.astype(">u2").tobytes())
        elif bits == 8:
            rows.append(row.astype(np.uint8).tobytes())
        else:
            value, count, out = 0, 0, bytearray()
            for s in row:
                value, count = (value << bits) | int(s), count + bits
                if count == 8:
                    out.append(value)
                    value, count = 0, 0
            if count:
                out.append(value << (8 - count))
            rows.append(bytes(out))
    return rows


# PNG


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def filter_row(kind, row, above, bpp):
    out = bytearray([kind])
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = above[i]
        c = above[i - bpp] if i >= bpp else 0
        out.append((x - [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]) & 0xFF)
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def png(samples, bits, color_type, interlace=False, extra=()):
    """Rows filtered with types 0 to 4 in turn; the zlib stream split over IDAT chunks of 64 bytes."""
    height, width, channels = samples.shape
    bpp = max(1, channels * bits // 8)
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    raw, turn = b"", 0
    for x0, y0, dx, dy in passes:
        sub = samples[y0::dy, x0::dx]
        if sub.size == 0:
            continue
        rows = pack_rows(sub, bits)
        above = bytes(len(rows[0]))
        for row in rows:
            raw += filter_row(turn % 5, row, above, bpp)
            above, turn = row, turn + 1
    stream = zlib.compress(raw, 9)
    header = struct.pack(">IIBBBBB", width, height, bits, color_type, 0, 0, 1 if interlace else 0)
    body = b"".join(chunk(b"IDAT", stream[i:i + 64]) for i in range(0, len(stream), 64))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + b"".join(chunk(k, v) for k, v in extra)
            + chunk(b"tEXt", b"Comment\0test") + body + chunk(b"IEND", b""))


def palette(entries):
    return rng.randint(0, 256, entries * 3).astype(np.uint8).tobytes()


for bits in (1, 2, 4, 8, 16):
    save(f"png_gray{bits}.png", png(pixels(1, 2 ** bits - 1), bits, 0))
    if bits <= 8:
        save(f"png_palette{bits}.png", png(pixels(1, 2 ** bits - 1), bits, 3, extra=[(b"PLTE", palette(2 ** bits))]))
for bits in (8, 16):
    save(f"png_rgb{bits}.png", png(pixels(3, 2 ** bits - 1), bits, 2))
    save(f"png_gray_alpha{bits}.png", png(pixels(2, 2 ** bits - 1), bits, 4))
    save(f"png_rgba{bits}.png", png(pixels(4, 2 ** bits - 1), bits, 6))
save("png_palette_trns.png", png(pixels(1, 15), 8, 3, extra=[(b"PLTE", palette(12)), (b"tRNS", bytes([0, 128, 255]))]))
save("png_gray_trns.png", png(pixels(1, 255), 8, 0, extra=[(b"tRNS", b"\0\x10")]))
save("png_interlaced_gray1.png", png(pixels(1, 1, 17, 19), 1, 0, interlace=True))
save("png_interlaced_palette4.png", png(pixels(1, 15, 17, 19), 4, 3, interlace=True, extra=[(b"PLTE", palette(16))]))
save("png_interlaced_rgb8.png", png(pixels(3, 255, 17, 19), 8, 2, interlace=True))
save("png_interlaced_rgba16.png", png(pixels(4, 65535, 17, 19), 16, 6, interlace=True))
save("png_interlaced_tiny.png", png(pixels(3, 255, 3, 2), 8, 2, interlace=True))

# BMP


def bmp(width, height, bits, rows, compression=0, colors=b"", header_size=40, masks=None, palette_count=0):
    """Rows given top to bottom; written bottom-up unless height is negative."""
    stored = rows if height < 0 else rows[::-1]
    if compression in (1, 2):
        body = rows
    else:
        body = b"".join(r + bytes(-len(r) % 4) for r in stored)
    if header_size == 12:
        info = struct.pack("<IHHHH", 12, width, height, 1, bits)
    else:
        info = struct.pack("<IiiHHIIiiII", header_size, width, height, 1, bits, compression, len(body), 2835, 2835,
                           palette_count, 0)
        if header_size > 40:
            info += struct.pack("<4I", *(masks or (0, 0, 0, 0))) + bytes(header_size - 56)
        elif masks:
            info += struct.pack("<3I", *masks[:3])
    offset = 14 + len(info) + len(colors)
    return b"BM" + struct.pack("<IHHI", offset + len(body), 0, 0, offset) + info + colors + body


def bgr0(rgb_palette):
    p = np.frombuffer(rgb_palette, np.uint8).reshape(-1, 3)
    return np.concatenate([p[:, ::-1], np.zeros((len(p), 1), np.uint8)], 1).tobytes()


for bits in (1, 4, 8):
    save(f"bmp_palette{bits}.bmp", bmp(W, H, bits, pack_rows(pixels(1, 2 ** bits - 1), bits), colors=bgr0(palette(2 ** bits))))
save("bmp_palette8_short.bmp", bmp(W, H, 8, pack_rows(pixels(1, 9), 8), colors=bgr0(palette(5)), palette_count=5))
save("bmp_rgb24.bmp", bmp(W, H, 24, pack_rows(pixels(3), 8)))
save("bmp_rgb24_top_down.bmp", bmp(W, -H, 24, pack_rows(pixels(3), 8)))
save("bmp_rgb32.bmp", bmp(W, H, 32, pack_rows(pixels(4), 8)))
save("bmp_rgb16_555.bmp", bmp(W, H, 16, [r.astype("<u2").tobytes() for r in pixels(1, 0x7FFF)[:, :, 0]]))
save("bmp_rgb16_565_v4.bmp", bmp(W, H, 16, [r.astype("<u2").tobytes() for r in pixels(1, 0xFFFF)[:, :, 0]], 3,
                                 header_size=108, masks=(0xF800, 0x7E0, 0x1F, 0)))
save("bmp_rgb16_565.bmp", bmp(W, H, 16, [r.astype("<u2").tobytes() for r in pixels(1, 0xFFFF)[:, :, 0]], 3,
                              masks=(0xF800, 0x7E0, 0x1F)))
save("bmp_bgra32_v5.bmp", bmp(W, H, 32, pack_rows(pixels(4), 8), 3, header_size=124,
                              masks=(0xFF0000, 0xFF00, 0xFF, 0xFF000000)))
save("bmp_xbgr32.bmp", bmp(W, H, 32, pack_rows(pixels(4), 8), 3, masks=(0xFF000000, 0xFF0000, 0xFF00)))
save("bmp_core24.bmp", bmp(W, H, 24, pack_rows(pixels(3), 8), header_size=12))
core_palette = np.frombuffer(palette(256), np.uint8).reshape(-1, 3)[:, ::-1].tobytes()
save("bmp_core8.bmp", bmp(W, H, 8, pack_rows(pixels(1, 255), 8), header_size=12, colors=core_palette))


def rle8(indices):
    """Runs where pixels repeat, even-length literal runs elsewhere, an end-of-line code per row."""
    out = bytearray()
    for row in indices[::-1]:
        row, x = list(row), 0
        while x < len(row):
            run = 1
            while x + run < len(row) and row[x + run] == row[x] and run < 255:
                run += 1
            if run >= 2 or len(row) - x < 4:
                out += bytes([run, row[x]])
                x += run
            else:
                out += bytes([0, 4] + row[x:x + 4])
                x += 4
        out += b"\0\0"
    return bytes(out[:-2]) + b"\0\1"


def rle4(indices):
    """Two-color runs of up to 6 pixels and 4-pixel literal runs, an end-of-line code per row."""
    out = bytearray()
    for row in indices[::-1]:
        row, x = list(row), 0
        while x < len(row):
            if x % 3 == 0 and len(row) - x >= 4:
                out += bytes([0, 4, row[x] << 4 | row[x + 1], row[x + 2] << 4 | row[x + 3]])
                x += 4
            else:
                n = min(6, len(row) - x)
                out += bytes([n, row[x] << 4 | row[x + 1 if x + 1 < len(row) else x]])
                x += n
        out += b"\0\0"
    return bytes(out[:-2]) + b"\0\1"


runs = np.repeat(pixels(1, 7, 5, H)[:, :, 0], 3, axis=1)[:, :W]
save("bmp_rle8.bmp", bmp(W, H, 8, rle8(runs), 1, colors=bgr0(palette(8)), palette_count=8))
save("bmp_rle4.bmp", bmp(W, H, 4, rle4(pixels(1, 15)[:, :, 0]), 2, colors=bgr0(palette(16))))

# PNM


def pnm(kind, samples, maxval=255, comment=True):
    height, width, _ = samples.shape
    head = b"P%d\n" % kind + (b"# written for the Onyx tests\n" if comment else b"") + b"%d %d\n" % (width, height)
    if kind not in (1, 4):
        head += b"%d\n" % maxval
    flat = samples.reshape(height, -1)
    if kind in (1, 2, 3):
        return head + b"\n".join(b" ".join(b"%d" % v for v in row) for row in flat) + b"\n"
    if kind == 4:
        return head + b"".join(pack_rows(samples, 1))
    return head + flat.astype(">u2" if maxval > 255 else np.uint8).tobytes()


save("pnm_p1.pbm", pnm(1, pixels(1, 1)))
save("pnm_p4.pbm", pnm(4, pixels(1, 1)))
for maxval in (255, 7, 1000, 65535):
    save(f"pnm_p2_max{maxval}.pgm", pnm(2, pixels(1, maxval), maxval))
    save(f"pnm_p5_max{maxval}.pgm", pnm(5, pixels(1, maxval), maxval))
    save(f"pnm_p3_max{maxval}.ppm", pnm(3, pixels(3, maxval), maxval))
    save(f"pnm_p6_max{maxval}.ppm", pnm(6, pixels(3, maxval), maxval, comment=False))

# TIFF


def packbits(data):
    out, i = bytearray(), 0
    while i < len(data):
        run = 1
        while i + run < len(data) and data[i + run] == data[i] and run < 128:
            run += 1
        if run >= 2:
            out += bytes([(257 - run) & 0xFF, data[i]])
            i += run
            continue
        start = i
        while i < len(data) and i - start < 128 and not (i + 1 < len(data) and data[i + 1] == data[i]):
            i += 1
        i = max(i, start + 1)
        out += bytes([i - start - 1]) + data[start:i]
    return bytes(out)


def lzw(data):
    """TIFF LZW: 9 to 12-bit codes, most significant bit first, the width growing one code early."""
    bits, width, table, free = [], 9, {bytes([i]): i for i in range(256)}, 258

    def put(code):
        bits.extend((code >> (width - 1 - b)) & 1 for b in range(width))

    put(256)
    current = b""
    for byte in data:
        candidate = current + bytes([byte])
        if candidate in table:
            current = candidate
            continue
        put(table[current])
        table[candidate], free = free, free + 1
        if free == 4094:
            put(256)
            width, table, free = 9, {bytes([i]): i for i in range(256)}, 258
        elif free > (1 << width) - 1 and width < 12:
            width += 1
        current = bytes([byte])
    if current:
        put(table[current])
        free += 1
        if free > (1 << width) - 1 and width < 12:
            width += 1
    put(257)
    bits += [0] * (-len(bits) % 8)
    return bytes(int("".join(map(str, bits[i:i + 8])), 2) for i in range(0, len(bits), 8))


def predict(rows, samples, bits, order):
    out = []
    for row in rows:
        values = np.frombuffer(row, order + "u2" if bits == 16 else np.uint8).astype(np.int64)
        diff = values.copy()
        diff[samples:] = values[samples:] - values[:-samples]
        out.append(diff.astype(order + "u2" if bits == 16 else np.uint8).tobytes())
    return out


COMPRESS = {1: lambda d: d, 5: lzw, 8: lambda d: zlib.compress(d, 9), 32946: lambda d: zlib.compress(d, 9),
            32773: packbits}


def tiff(samples, bits, photometric, compression=1, big_endian=False, predictor=1, rows_per_strip=4, tile=None,
         planar=1, extra_samples=None, colormap=None):
    height, width, channels = samples.shape
    order = ">" if big_endian else "<"
    planes = [samples[:, :, c:c + 1] for c in range(channels)] if planar == 2 else [samples]
    chunks = []
    for plane in planes:
        if tile:
            th, tw = tile
            padded = np.zeros(((height + th - 1) // th * th, (width + tw - 1) // tw * tw, plane.shape[2]), np.int64)
            padded[:height, :width] = plane
            parts = [padded[y:y + th, x:x + tw] for y in range(0, padded.shape[0], th) for x in range(0, padded.shape[1], tw)]
        else:
            parts = [plane[y:y + rows_per_strip] for y in range(0, height, rows_per_strip)]
        for part in parts:
            rows = pack_rows(part, bits)
            if bits == 16 and not big_endian:
                rows = [np.frombuffer(r, ">u2").astype("<u2").tobytes() for r in rows]
            if predictor == 2:
                rows = predict(rows, part.shape[2], bits, order)
            chunks.append(COMPRESS[compression](b"".join(rows)))
    data, offsets, position = b"", [], 8
    for c in chunks:
        offsets.append(position + len(data))
        data += c + bytes(len(c) % 2)
    tags = {256: (4, [width]), 257: (4, [height]), 258: (3, [bits] * channels), 259: (3, [compression]),
            262: (3, [photometric]), 277: (3, [channels]), 284: (3, [planar])}
    if tile:
        tags.update({322: (3, [tile[1]]), 323: (3, [tile[0]]), 324: (4, offsets), 325: (4, [len(c) for c in chunks])})
    else:
        tags.update({273: (4, offsets), 278: (3, [rows_per_strip]), 279: (4, [len(c) for c in chunks])})
    if predictor != 1:
        tags[317] = (3, [predictor])
    if extra_samples is not None:
        tags[338] = (3, [extra_samples])
    if colormap is not None:
        tags[320] = (3, colormap)
    ifd_offset = 8 + len(data)
    out_of_line = ifd_offset + 2 + 12 * len(tags) + 4
    entries, values = b"", b""
    for tag in sorted(tags):
        kind, vals = tags[tag]
        raw = b"".join(struct.pack(order + ("H" if kind == 3 else "I"), v) for v in vals)
        if len(raw) <= 4:
            field = raw + bytes(4 - len(raw))
        else:
            field = struct.pack(order + "I", out_of_line + len(values))
            values += raw
        entries += struct.pack(order + "HHI", tag, kind, len(vals)) + field
    head = (b"MM\0*" if big_endian else b"II*\0") + struct.pack(order + "I", ifd_offset)
    return head + data + struct.pack(order + "H", len(tags)) + entries + b"\0\0\0\0" + values


TW, TH = 37, 21
for name, compression in (("raw", 1), ("packbits", 32773), ("lzw", 5), ("deflate", 8), ("old_deflate", 32946)):
    save(f"tiff_rgb8_{name}.tif", tiff(pixels(3, 255, TW, TH), 8, 2, compression))
save("tiff_rgb8_lzw_predictor_big_endian.tif", tiff(pixels(3, 255, TW, TH), 8, 2, 5, big_endian=True, predictor=2))
save("tiff_rgb8_deflate_predictor.tif", tiff(pixels(3, 255, TW, TH), 8, 2, 8, predictor=2))
save("tiff_rgb8_tiles.tif", tiff(pixels(3, 255, TW, TH), 8, 2, 8, tile=(16, 16)))
save("tiff_rgb8_tiles_big_endian.tif", tiff(pixels(3, 255, TW, TH), 8, 2, 1, big_endian=True, tile=(16, 32)))
save("tiff_rgb8_planar.tif", tiff(pixels(3, 255, TW, TH), 8, 2, 5, planar=2))
save("tiff_rgb8_planar_tiles.tif", tiff(pixels(3, 255, TW, TH), 8, 2, 32773, planar=2, tile=(16, 16)))
save("tiff_rgb16_predictor.tif", tiff(pixels(3, 65535, TW, TH), 16, 2, 8, predictor=2))
save("tiff_rgb16_big_endian.tif", tiff(pixels(3, 65535, TW, TH), 16, 2, 1, big_endian=True))
save("tiff_rgba8.tif", tiff(pixels(4, 255, TW, TH), 8, 2, 5, extra_samples=2))
save("tiff_rgba8_associated.tif", tiff(np.minimum(pixels(4, 255, TW, TH), 255), 8, 2, 1, extra_samples=1))
save("tiff_gray8.tif", tiff(pixels(1, 255, TW, TH), 8, 1, 32773))
save("tiff_gray8_white_is_zero.tif", tiff(pixels(1, 255, TW, TH), 8, 0, 5, big_endian=True))
save("tiff_gray16.tif", tiff(pixels(1, 300, TW, TH), 16, 1, 8, predictor=2))
save("tiff_gray4.tif", tiff(pixels(1, 15, TW, TH), 4, 1, 1))
save("tiff_gray2_white_is_zero.tif", tiff(pixels(1, 3, TW, TH), 2, 0, 5))
save("tiff_bilevel.tif", tiff(pixels(1, 1, TW, TH), 1, 1, 32773))
save("tiff_bilevel_white_is_zero.tif", tiff(pixels(1, 1, TW, TH), 1, 0, 1, big_endian=True))
save("tiff_palette8.tif", tiff(pixels(1, 255, TW, TH), 8, 3, 5, colormap=list(rng.randint(0, 65536, 768))))
save("tiff_palette4.tif", tiff(pixels(1, 15, TW, TH), 4, 3, 8, colormap=list(rng.randint(0, 65536, 48))))
