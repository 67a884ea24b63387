"""Draws the toolbar icon (a blue rounded square with a white paper plane tick) at each size.

Run once when the design changes; the PNGs in extension/icons/ are committed source assets."""
import struct
import sys
import zlib


def inside_rounded(x, y, n, r):
    cx = min(max(x, r), n - r)
    cy = min(max(y, r), n - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(px, py, ax, ay, bx, by, w):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2 <= w * w


def pixel(x, y, n):
    if not inside_rounded(x, y, n, n * 0.22):
        return (0, 0, 0, 0)
    u, v = x / n, y / n
    w = 0.075
    if near_segment(u, v, 0.26, 0.52, 0.43, 0.68, w) or near_segment(u, v, 0.43, 0.68, 0.75, 0.33, w):
        return (255, 255, 255, 255)
    return (61, 90, 254, 255)


def png(n):
    ss = 4
    rows = []
    for y in range(n):
        row = bytearray([0])
        for x in range(n):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    p = pixel(x + (sx + 0.5) / ss, y + (sy + 0.5) / ss, n)
                    for i in range(4):
                        acc[i] += p[i]
            row += bytes(a // (ss * ss) for a in acc)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    ihdr = struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "extension/icons"
    for size in (16, 32, 48, 128):
        with open(f"{out}/{size}.png", "wb") as f:
            f.write(png(size))
