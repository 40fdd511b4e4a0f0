"""Illustrations drawn at load time, so the demo ships no third-party images."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTES = {
    "dawn": ((255, 200, 140), (120, 170, 220), (46, 110, 70), (20, 80, 50)),
    "noon": ((150, 205, 245), (230, 245, 255), (70, 140, 60), (40, 100, 45)),
    "dusk": ((250, 150, 110), (90, 70, 140), (60, 90, 80), (30, 55, 50)),
    "rain": ((170, 185, 195), (225, 230, 235), (60, 120, 90), (35, 85, 65)),
}


def draw_scene(seed: int, palette: str, size=(1200, 600)) -> bytes:
    """A landscape: sky gradient, sun, hills, rice terraces, and a small building."""
    rng = random.Random(seed)
    top, bottom, hill, field = PALETTES[palette]
    width, height = size
    image = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    sun_x, sun_y = rng.randint(150, width - 150), rng.randint(60, 200)
    draw.ellipse([sun_x - 60, sun_y - 60, sun_x + 60, sun_y + 60], fill=(255, 236, 170))
    for layer in range(3):
        base = int(height * (0.45 + 0.12 * layer))
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(20, 120 - layer * 30)))
        points.append((width, height))
        shade = tuple(max(0, c - 25 * (2 - layer)) for c in hill)
        draw.polygon(points, fill=shade)
    for row in range(6):
        y = int(height * 0.8) + row * 20
        draw.rectangle([0, y, width, y + 12], fill=tuple(min(255, c + row * 12) for c in field))
    bx = rng.randint(100, width - 300)
    by = int(height * 0.62)
    draw.rectangle([bx, by, bx + 160, by + 90], fill=(245, 240, 225))
    draw.polygon([(bx - 20, by), (bx + 80, by - 60), (bx + 180, by)], fill=(170, 50, 40))
    draw.rectangle([bx + 65, by + 40, bx + 95, by + 90], fill=(110, 70, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_image(title: str, seed: int, palette: str = "noon"):
    """Get or create a Wagtail image with this title."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_scene(seed, palette)
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{seed}.png")
    image.save()
    return image
