"""Money as integer satang (1 baht = 100 satang): no floats anywhere near an amount."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _
from pythainlp.util import bahttext


def baht_to_satang(value) -> int:
    """Decimal("40.50") -> 4050. Raises ValueError for anything that is not a non-negative amount."""
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError) as error:
        raise ValueError(f"not an amount: {value!r}") from error
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"not an amount: {value!r}")
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def satang_to_baht(satang: int) -> Decimal:
    return (Decimal(int(satang)) / 100).quantize(Decimal("0.01"))


def format_amount(satang: int) -> str:
    """4000 -> "40.00"; 123450 -> "1,234.50" (receipts always show satang)."""
    return f"{satang_to_baht(satang):,.2f}"


def format_baht(satang) -> str:
    """ "40 บาท" / "40 baht", with satang only when there are some."""
    if satang is None:
        return ""
    baht = satang_to_baht(satang)
    text = f"{baht:,.0f}" if baht == baht.to_integral_value() else f"{baht:,.2f}"
    return _("%(amount)s baht") % {"amount": text}


def in_thai_words(satang: int) -> str:
    """ "หนึ่งร้อยบาทถ้วน": the amount in words, as Thai receipts write it."""
    return bahttext(float(satang_to_baht(satang)))
