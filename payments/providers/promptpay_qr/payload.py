"""The Thai QR Payment code for a bill payment (EMVCo merchant-presented mode, Bank of Thailand's
Thai QR Code standard).

Every field is a TLV: a two-digit tag, a two-digit length, the value. A dynamic bill-payment code:

    00 "01"                 payload format indicator
    01 "12"                 dynamic: the amount is fixed, the code is for one payment
    30 merchant account     00 AID A000000677010112 (PromptPay bill payment)
                            01 biller ID: the office's 13-digit tax ID + a 2-digit suffix
                            02 Ref1: the request's reference, up to 20 of 0-9 A-Z (no dashes)
                            03 Ref2: optional, same alphabet (we put the payment's number)
    53 "764"                currency (baht)
    54 amount               with two decimals
    58 "TH"
    59 merchant name        Latin letters (optional here; banks show their own name for the biller)
    63 CRC                  CRC-16/CCITT-FALSE over everything before it, "6304" included

Tested against published payloads in tests/payments/test_promptpay_qr_payload.py.
"""

import re
from decimal import Decimal

AID_BILL_PAYMENT = "A000000677010112"
CURRENCY_THB = "764"
COUNTRY = "TH"
REFERENCE_PATTERN = re.compile(r"^[0-9A-Z]{1,20}$")
BILLER_ID_PATTERN = re.compile(r"^\d{15}$")


class PayloadError(ValueError):
    pass


def crc16(data: str) -> str:
    """CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF), as four upper-case hex digits."""
    crc = 0xFFFF
    for byte in data.encode("ascii"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def tlv(tag: str, value: str) -> str:
    if not 0 < len(value) <= 99:
        raise PayloadError(f"tag {tag}: a value of {len(value)} characters")
    return f"{tag}{len(value):02d}{value}"


def reference(text: str) -> str:
    """A Ref1/Ref2 from our text: upper case, only 0-9 and A-Z (`BS-69-000123` → `BS69000123`)."""
    cleaned = re.sub(r"[^0-9A-Z]", "", (text or "").upper())
    if not REFERENCE_PATTERN.match(cleaned):
        raise PayloadError(f"{text!r} cannot be a Ref1/Ref2 (1 to 20 of 0-9 A-Z)")
    return cleaned


def merchant_name(text: str) -> str:
    """Tag 59 allows printable ASCII only, 25 at most: anything else is dropped."""
    ascii_only = "".join(ch for ch in (text or "") if " " <= ch <= "~")
    return " ".join(ascii_only.split())[:25].strip()


def format_amount(satang: int) -> str:
    return f"{(Decimal(int(satang)) / 100).quantize(Decimal('0.01'))}"


def bill_payment(*, biller_id: str, ref1: str, amount_satang: int, ref2: str = "", name: str = "") -> str:
    """The payload of a dynamic bill-payment QR code."""
    if not BILLER_ID_PATTERN.match(biller_id or ""):
        raise PayloadError("the biller ID is 15 digits")
    if amount_satang <= 0:
        raise PayloadError("a bill payment code needs an amount")
    account = tlv("00", AID_BILL_PAYMENT) + tlv("01", biller_id) + tlv("02", reference(ref1))
    if ref2:
        account += tlv("03", reference(ref2))
    payload = (
        tlv("00", "01")
        + tlv("01", "12")
        + tlv("30", account)
        + tlv("53", CURRENCY_THB)
        + tlv("54", format_amount(amount_satang))
        + tlv("58", COUNTRY)
    )
    name = merchant_name(name)
    if name:
        payload += tlv("59", name)
    payload += "6304"
    return payload + crc16(payload)


def parse_tlv(text: str) -> dict[str, str]:
    fields = {}
    position = 0
    while position < len(text):
        tag, length = text[position : position + 2], text[position + 2 : position + 4]
        if len(tag) < 2 or not length.isdigit():
            raise PayloadError(f"broken TLV at {position}")
        value = text[position + 4 : position + 4 + int(length)]
        if len(value) != int(length):
            raise PayloadError(f"tag {tag} is cut short")
        fields[tag] = value
        position += 4 + int(length)
    return fields


def decode(payload: str) -> dict:
    """The fields of a payload, with tag 30's sub-fields under "30"; `PayloadError` if the CRC is
    wrong. For tests and for checking a code before it is shown."""
    if len(payload) < 8 or payload[-8:-4] != "6304":
        raise PayloadError("no CRC field at the end")
    if crc16(payload[:-4]) != payload[-4:].upper():
        raise PayloadError("wrong CRC")
    fields = parse_tlv(payload)
    if "30" in fields:
        fields["30"] = parse_tlv(fields["30"])
    return fields
