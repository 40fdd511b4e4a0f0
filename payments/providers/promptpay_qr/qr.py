"""The QR code image: black on white, error correction M, four modules of quiet zone (as the Thai QR
standard asks), big enough to scan from a phone screen or a printout."""

import io

import segno


def png(payload: str, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def size(payload: str, scale: int = 8) -> int:
    """Width and height of `png()` in pixels."""
    return segno.make(payload, error="m", micro=False).symbol_size(scale=scale, border=4)[0]
