#!/usr/bin/env python3
"""Draws the PWA's PNG icons into wwwroot/icons from the same design as icons/icon.svg.

Standard library only (no Pillow, no ImageMagick on the build machines): shapes are drawn with signed distance
functions and one pixel of anti-aliasing, then written as 8-bit RGBA PNGs with zlib. The PNGs are committed;
run this again only when the design changes:  python3 tools/generate-icons.py
"""

import math
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "wwwroot", "icons")

PURPLE = (0x7E, 0x6F, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF)
GREEN = (0x22, 0xC5, 0x5E)
AMBER = (0xF5, 0x9E, 0x0B)


def rounded_rect(x, y, w, h, r):
    cx, cy, hx, hy = x + w / 2, y + h / 2, w / 2, h / 2

    def sd(px, py):
        qx, qy = abs(px - cx) - hx + r, abs(py - cy) - hy + r
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - r

    return sd, (x, y, x + w, y + h)


def circle(cx, cy, r):
    return (lambda px, py: math.hypot(px - cx, py - cy) - r), (cx - r, cy - r, cx + r, cy + r)


def polygon(points):
    """A convex polygon (clockwise or not): the distance is the largest signed distance to its edges' lines."""
    n = len(points)
    area = sum(points[i][0] * points[(i + 1) % n][1] - points[(i + 1) % n][0] * points[i][1] for i in range(n))
    sign = 1.0 if area > 0 else -1.0
    edges = []
    for i in range(n):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % n]
        length = math.hypot(x2 - x1, y2 - y1)
        edges.append((x1, y1, (y2 - y1) / length * sign, -(x2 - x1) / length * sign))

    def sd(px, py):
        return max((px - x1) * nx + (py - y1) * ny for x1, y1, nx, ny in edges)

    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return sd, (min(xs), min(ys), max(xs), max(ys))


class Canvas:
    """Shapes in a 64 x 64 design space, drawn onto a size x size RGBA image."""

    def __init__(self, size):
        self.size = size
        self.scale = size / 64.0
        self.pixels = [[0.0, 0.0, 0.0, 0.0] for _ in range(size * size)]

    def fill(self, shape, colour, opacity=1.0):
        sd, (x0, y0, x1, y1) = shape
        s = self.scale
        lo_x, lo_y = max(int(x0 * s) - 2, 0), max(int(y0 * s) - 2, 0)
        hi_x, hi_y = min(int(x1 * s) + 3, self.size), min(int(y1 * s) + 3, self.size)
        r, g, b = (c / 255.0 for c in colour)
        for py in range(lo_y, hi_y):
            for px in range(lo_x, hi_x):
                # Distance in pixels from the pixel's centre; half a pixel either side of the edge blends.
                d = sd((px + 0.5) / s, (py + 0.5) / s) * s
                a = min(max(0.5 - d, 0.0), 1.0) * opacity
                if a <= 0.0:
                    continue
                p = self.pixels[py * self.size + px]
                out_a = a + p[3] * (1 - a)
                for i, c in enumerate((r, g, b)):
                    p[i] = (c * a + p[i] * p[3] * (1 - a)) / out_a
                p[3] = out_a

    def png(self, path):
        rows = bytearray()
        for y in range(self.size):
            rows.append(0)
            for x in range(self.size):
                rows.extend(round(v * 255) for v in self.pixels[y * self.size + x])

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.size, self.size, 8, 6, 0, 0, 0)
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def scaled(shape_fn, factor, *args):
    """A shape whose coordinates shrink by factor around the design's centre (32, 32)."""
    k = lambda v: 32 + (v - 32) * factor
    if shape_fn is rounded_rect:
        x, y, w, h, r = args
        return rounded_rect(k(x), k(y), w * factor, h * factor, r * factor)
    if shape_fn is circle:
        cx, cy, r = args
        return circle(k(cx), k(cy), r * factor)
    return polygon([(k(x), k(y)) for x, y in args[0]])


def server_rack(canvas, factor):
    """The dashboard's mark: three server units with status lights, as in icon.svg."""
    for i, (opacity, light) in enumerate(((1.0, GREEN), (0.85, GREEN), (0.7, AMBER))):
        canvas.fill(scaled(rounded_rect, factor, 14, 14 + 13 * i, 36, 10, 3), WHITE, opacity)
        canvas.fill(scaled(circle, factor, 20, 19 + 13 * i, 2), light)


def app_icon(size, maskable):
    canvas = Canvas(size)
    if maskable:
        # Full bleed, the mark inside the 80 % safe circle the launcher may crop to.
        canvas.fill(rounded_rect(0, 0, 64, 64, 0), PURPLE)
        server_rack(canvas, 0.72)
    else:
        canvas.fill(rounded_rect(0, 0, 64, 64, 14), PURPLE)
        server_rack(canvas, 1.0)
    return canvas


def shortcut_icon(kind):
    canvas = Canvas(96)
    canvas.fill(rounded_rect(0, 0, 64, 64, 14), PURPLE)
    if kind == "containers":
        for x, y in ((15, 15), (34, 15), (15, 34), (34, 34)):
            canvas.fill(rounded_rect(x, y, 15, 15, 3), WHITE)
    elif kind == "torrents":
        canvas.fill(rounded_rect(27, 12, 10, 22, 2), WHITE)
        canvas.fill(polygon([(16, 30), (48, 30), (32, 46)]), WHITE)
        canvas.fill(rounded_rect(14, 48, 36, 5, 2.5), WHITE)
    elif kind == "chat":
        canvas.fill(rounded_rect(12, 14, 40, 28, 7), WHITE)
        canvas.fill(polygon([(20, 38), (32, 38), (18, 52)]), WHITE)
        for x in (22, 32, 42):
            canvas.fill(circle(x, 28, 3), PURPLE)
    return canvas


def main():
    os.makedirs(OUT, exist_ok=True)
    outputs = {
        "icon-192.png": lambda: app_icon(192, False),
        "icon-512.png": lambda: app_icon(512, False),
        "icon-maskable-192.png": lambda: app_icon(192, True),
        "icon-maskable-512.png": lambda: app_icon(512, True),
        # iOS ignores the manifest's icons and rounds the corners itself, so it gets a full-bleed square.
        "apple-touch-icon.png": lambda: app_icon(180, True),
        "shortcut-containers.png": lambda: shortcut_icon("containers"),
        "shortcut-torrents.png": lambda: shortcut_icon("torrents"),
        "shortcut-chat.png": lambda: shortcut_icon("chat"),
    }
    for name, draw in outputs.items():
        draw().png(os.path.join(OUT, name))
        print(name)


if __name__ == "__main__":
    main()
