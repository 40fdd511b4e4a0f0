"""Photos for the demo, drawn with Pillow at load time: the demo ships no third-party images."""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model

SKIES = {
    "morning": ((255, 214, 160), (150, 196, 235)),
    "noon": ((120, 185, 240), (215, 238, 252)),
    "evening": ((250, 150, 100), (95, 70, 140)),
    "night": ((20, 30, 70), (70, 60, 120)),
}
SIZE = (1600, 1000)


def _sky(draw, top, bottom, width, height):
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )


def _hills(draw, rng, width, height, base=0.55, colour=(60, 120, 80), layers=3):
    for layer in range(layers):
        y0 = int(height * (base + 0.08 * layer))
        points = [(0, height)]
        for x in range(0, width + 160, 160):
            points.append((x, y0 - rng.randint(10, 140 - layer * 35)))
        points.append((width, height))
        shade = tuple(max(0, c - 22 * (layers - 1 - layer)) for c in colour)
        draw.polygon(points, fill=shade)


def _chedi(draw, cx, ground, scale=1.0):
    gold, white = (222, 176, 62), (246, 241, 228)
    w = int(260 * scale)
    for step in range(3):
        sw = w - step * int(50 * scale)
        top = ground - (step + 1) * int(40 * scale)
        draw.rectangle([cx - sw // 2, top, cx + sw // 2, top + int(40 * scale)], fill=white)
    bell_top = ground - int(120 * scale) - int(160 * scale)
    draw.ellipse([cx - int(90 * scale), bell_top, cx + int(90 * scale), ground - int(80 * scale)], fill=gold)
    draw.polygon([(cx - int(40 * scale), bell_top + 30), (cx, bell_top - int(230 * scale)),
                  (cx + int(40 * scale), bell_top + 30)], fill=gold)  # fmt: skip


def _temple(draw, rng, width, height):
    _hills(draw, rng, width, height, base=0.5)
    ground = int(height * 0.85)
    draw.rectangle([0, ground, width, height], fill=(196, 180, 150))
    _chedi(draw, width // 2, ground, 1.3)
    for cx in (width // 5, width * 4 // 5):
        _chedi(draw, cx, ground, 0.6)


def _waterfall(draw, rng, width, height):
    draw.rectangle([0, 0, width, height], fill=(46, 102, 70))
    for _ in range(60):
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - 90, y - 60, x + 90, y + 60], fill=(rng.randint(30, 70), rng.randint(90, 140), 60))
    cliff = [(width * 0.3, 0), (width * 0.7, 0), (width * 0.65, height * 0.7), (width * 0.35, height * 0.7)]
    draw.polygon(cliff, fill=(105, 98, 90))
    for i in range(40):
        x = int(width * 0.4 + i * width * 0.2 / 40)
        draw.line([(x, 0), (x + rng.randint(-10, 10), int(height * 0.72))], fill=(235, 245, 250), width=6)
    draw.ellipse([width * 0.15, height * 0.68, width * 0.85, height * 1.05], fill=(70, 150, 170))
    draw.ellipse([width * 0.3, height * 0.66, width * 0.7, height * 0.78], fill=(240, 248, 250))


def _water_market(draw, rng, width, height):
    _hills(draw, rng, width, height, base=0.42, layers=2)
    water = int(height * 0.55)
    draw.rectangle([0, water, width, height], fill=(70, 130, 150))
    for row in range(3):
        for i in range(4):
            x = 80 + i * 400 + rng.randint(-40, 40) + row * 60
            y = water + 80 + row * 130
            draw.polygon([(x, y), (x + 300, y), (x + 260, y + 50), (x + 40, y + 50)], fill=(120, 72, 40))
            for j in range(5):
                colour = rng.choice([(230, 80, 60), (250, 200, 60), (120, 190, 70), (240, 140, 40)])
                draw.ellipse([x + 40 + j * 45, y - 30, x + 80 + j * 45, y + 5], fill=colour)
            draw.polygon([(x + 120, y - 20), (x + 170, y - 80), (x + 220, y - 20)], fill=(215, 190, 120))


def _viewpoint(draw, rng, width, height):
    _hills(draw, rng, width, height, base=0.45, colour=(70, 95, 120), layers=4)
    for band in range(6):
        y = int(height * (0.5 + band * 0.08))
        draw.rectangle([0, y, width, y + 40], fill=(236, 240, 246))
    draw.polygon([(0, height), (0, int(height * 0.78)), (width * 0.45, height * 0.9), (width * 0.5, height)],
                 fill=(50, 70, 45))  # fmt: skip


def _homestay(draw, rng, width, height):
    _hills(draw, rng, width, height, base=0.5, colour=(70, 140, 70))
    for row in range(8):
        y = int(height * 0.72) + row * 36
        draw.arc([-200, y - 60, width + 200, y + 60], 0, 180, fill=(40, 110, 50), width=18)
    x, y = width // 2 - 220, int(height * 0.42)
    for post in range(5):
        draw.rectangle([x + post * 105, y + 170, x + post * 105 + 16, y + 300], fill=(90, 60, 35))
    draw.rectangle([x - 20, y + 60, x + 460, y + 180], fill=(150, 100, 60))
    draw.polygon([(x - 70, y + 70), (x + 220, y - 120), (x + 510, y + 70)], fill=(110, 80, 50))
    draw.rectangle([x + 180, y + 95, x + 260, y + 180], fill=(70, 45, 25))


def _museum(draw, rng, width, height):
    draw.rectangle([0, int(height * 0.8), width, height], fill=(180, 170, 150))
    left, right, top = width * 0.2, width * 0.8, height * 0.35
    draw.polygon([(left - 40, top), (width / 2, top - 180), (right + 40, top)], fill=(170, 60, 45))
    draw.rectangle([left, top, right, height * 0.8], fill=(240, 232, 214))
    for i in range(6):
        cx = left + 50 + i * (right - left - 100) / 5
        draw.rectangle([cx - 18, top + 40, cx + 18, height * 0.8], fill=(214, 204, 186))
    draw.rectangle([width / 2 - 60, height * 0.6, width / 2 + 60, height * 0.8], fill=(95, 60, 35))


def _food(draw, rng, width, height):
    draw.rectangle([0, 0, width, height], fill=(150, 95, 55))
    for i in range(0, width, 80):
        draw.line([(i, 0), (i, height)], fill=(135, 85, 48), width=4)
    cx, cy = width // 2, height // 2 + 40
    draw.ellipse([cx - 420, cy - 260, cx + 420, cy + 300], fill=(245, 245, 240))
    draw.ellipse([cx - 360, cy - 210, cx + 360, cy + 240], fill=(225, 150, 50))
    for _ in range(70):
        a, r = rng.random() * 2 * math.pi, rng.random() * 280
        x, y = cx + r * math.cos(a), cy + 15 + r * 0.6 * math.sin(a)
        draw.arc([x - 40, y - 18, x + 40, y + 18], 200, 340, fill=(250, 220, 140), width=8)
    draw.ellipse([cx - 90, cy - 160, cx + 90, cy - 60], fill=(240, 200, 90))
    draw.rectangle([cx + 150, cy - 170, cx + 260, cy - 120], fill=(80, 170, 70))


def _festival(draw, rng, width, height):
    water = int(height * 0.6)
    draw.rectangle([0, water, width, height], fill=(25, 40, 80))
    for _ in range(14):
        x, y = rng.randint(40, width - 160), rng.randint(water + 30, height - 60)
        draw.polygon([(x, y), (x + 120, y), (x + 100, y + 30), (x + 20, y + 30)], fill=(60, 150, 70))
        draw.polygon([(x + 20, y), (x + 60, y - 60), (x + 100, y)], fill=(240, 120, 160))
        draw.ellipse([x + 52, y - 90, x + 68, y - 60], fill=(255, 220, 120))
    for _ in range(30):
        x, y = rng.randint(0, width), rng.randint(20, water - 120)
        draw.rounded_rectangle([x, y, x + 36, y + 50], radius=12, fill=(255, 170, 70))


SCENES = {
    "temple": _temple,
    "waterfall": _waterfall,
    "water_market": _water_market,
    "viewpoint": _viewpoint,
    "homestay": _homestay,
    "museum": _museum,
    "food": _food,
    "festival": _festival,
}


def draw_scene(kind: str, seed: int, sky: str = "noon") -> bytes:
    rng = random.Random(seed)
    width, height = SIZE
    image = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _sky(draw, *SKIES[sky], width, height)
    sun_x, sun_y = rng.randint(200, width - 200), rng.randint(80, 220)
    draw.ellipse([sun_x - 70, sun_y - 70, sun_x + 70, sun_y + 70], fill=(255, 236, 170))
    SCENES[kind](draw, rng, width, height)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def tourism_image(title: str, kind: str, seed: int, sky: str = "noon"):
    """Get or create the Wagtail image with this title (so loading the demo twice adds none)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(draw_scene(kind, seed, sky)), name=f"tourism-{kind}-{seed}.jpg")
    image.save()
    return image
