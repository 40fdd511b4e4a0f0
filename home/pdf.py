"""PDFs in Thai: HTML rendered by WeasyPrint with the Sarabun font in `home/fonts/`, whose text
copies out of the PDF as Thai (see `home/fonts/README.md`). Templates declare the fonts with
`{{ fonts_url }}/SarabunReceipt-Regular.ttf`."""

from pathlib import Path

FONTS = Path(__file__).resolve().parent / "fonts"


def html_to_pdf(html: str, **options) -> bytes:
    """`options` go to WeasyPrint's `write_pdf` (e.g. `pdf_variant="pdf/a-3b"`)."""
    from weasyprint import HTML  # noqa: PLC0415 — heavy (Pango, cairo): loaded only when a PDF is made

    return HTML(string=html, base_url=str(FONTS)).write_pdf(**options)
