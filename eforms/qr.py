"""QR codes of e-service pages, for stickers and notice boards."""

import io

import segno


def qr_svg(url: str, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True, title=url
    )
    return buffer.getvalue()


def qr_png(url: str, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def short_url(url: str) -> str:
    """The URL as printed under the code: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")
