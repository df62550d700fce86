#!/usr/bin/python3
"""Draws the PNG sizes of Kiln's icon (the same picture as resources/icons/io.kiln.Kiln.svg) with
PIL, supersampled. Run once when the icon changes; the PNGs are committed.
usage: packaging/make-icons.py
"""
import os

from PIL import Image, ImageDraw

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "icons")
S = 1024  # drawing size (4x the SVG's 256)


def k(v):
    return int(v * S / 256)


img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
d = ImageDraw.Draw(img)
d.rounded_rectangle([k(8), k(8), k(248), k(248)], radius=k(40), fill="#2b3a55")
for x in (36, 102, 168):
    d.rounded_rectangle([k(x), k(36), k(x + 52), k(76)], radius=k(6), fill="#3f5378")
# the kiln: an arch over a body
d.rectangle([k(40), k(140), k(216), k(220)], fill="#c0583a")
d.pieslice([k(40), k(92), k(216), k(188)], 180, 360, fill="#c0583a")
for y in (140, 180):
    d.line([k(40), k(y), k(216), k(y)], fill="#8e3b25", width=k(6))
for x, y0, y1 in ((72, 140, 180), (128, 140, 180), (184, 140, 180), (100, 180, 220), (156, 180, 220)):
    d.line([k(x), k(y0), k(x), k(y1)], fill="#8e3b25", width=k(6))
# the opening and its fire
d.rectangle([k(88), k(176), k(168), k(220)], fill="#1d2333")
d.pieslice([k(88), k(140), k(168), k(212)], 180, 360, fill="#1d2333")
d.polygon([(k(128), k(214)), (k(108), k(200)), (k(114), k(170)), (k(124), k(180)), (k(140), k(146)), (k(154), k(184)),
           (k(146), k(210))], fill="#ffb02e")
d.ellipse([k(118), k(188), k(138), k(212)], fill="#fff1a8")
for size in (16, 32, 48, 64, 128, 256):
    img.resize((size, size), Image.LANCZOS).save(os.path.join(here, f"kiln-{size}.png"))
