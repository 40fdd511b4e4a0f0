"""The PromptPay bill-payment payload and its CRC, against payloads published by others, and the QR
image decoded back by a barcode reader (zxing-cpp)."""

import io

import pytest
import zxingcpp
from PIL import Image

from payments.providers.promptpay_qr import payload, qr

# Published payloads, each with its CRC checked by its authors' tests or printed on a live QR code:
PUBLISHED = [
    # ThaiQR/ThaiQR-Go, test/TestMerchantBillpaymentQRGenerate: a bill payment with Ref1, Ref2 and a name.
    "00020101021230710016A00000067701011201150112345678912330212REF1234567890312REF98765432153037645406200.005802TH5906THAIQR6304F528",
    # A shop's bill-payment QR code (tag 30 with Ref1 only, a merchant category and a name "NA").
    "00020101021230540016A0000006770101120115010556207402702021125062781065520412345303764540510.005802TH5902NA6304CE42",
    # A static (tag 01 "11") bill-payment code with Ref1, Ref2 and tag 62.
    "00020101021130750016A00000067701011201150107537000882050219ZY010556UP8013305E80309MDMBEN38J53037645406900.045802TH622407200000yJMlWBD1ltXF6zJf6304858E",
    # ThaiQR/ThaiQR-Go and vocolboy/php-emv-qrcode: PromptPay to a phone number (tag 29), for the CRC.
    "00020101021229370016A0000006770101110113006691234567853037645406100.005802TH6304D803",
    "00020101021229370016A000000677010111011300669123456785802TH53037645406100.8863049DA4",
]


@pytest.mark.parametrize("published", PUBLISHED)
def test_crc_of_published_payloads(published):
    assert payload.crc16(published[:-4]) == published[-4:]
    assert payload.decode(published)["63"] == published[-4:]


def test_the_published_bill_payment_example_is_built_byte_for_byte():
    built = payload.bill_payment(
        biller_id="011234567891233",
        ref1="REF123456789",
        ref2="REF987654321",
        amount_satang=20000,
        name="THAIQR",
    )
    assert built == PUBLISHED[0]


def test_crc_check_value():
    """CRC-16/CCITT-FALSE's catalogued check value: "123456789" → 29B1."""
    assert payload.crc16("123456789") == "29B1"


def test_our_bill_payment_code_for_a_request():
    built = payload.bill_payment(
        biller_id="099400016551001",
        ref1="BS-69-000123",
        ref2="17",
        amount_satang=4050,
        name="Tambon Doi Ngam",
    )
    fields = payload.decode(built)
    assert fields["00"] == "01" and fields["01"] == "12"  # dynamic: the amount is fixed
    assert fields["30"] == {"00": "A000000677010112", "01": "099400016551001", "02": "BS69000123", "03": "17"}
    assert (fields["53"], fields["54"], fields["58"], fields["59"]) == (
        "764",
        "40.50",
        "TH",
        "Tambon Doi Ngam",
    )
    assert built.endswith("6304" + payload.crc16(built[:-4]))
    assert list(fields) == ["00", "01", "30", "53", "54", "58", "59", "63"]


def test_references_keep_only_what_ref1_allows():
    assert payload.reference("bs-69-000123") == "BS69000123"
    with pytest.raises(payload.PayloadError):
        payload.reference("A" * 21)
    with pytest.raises(payload.PayloadError):
        payload.reference("--")


def test_a_thai_name_is_left_out_rather_than_garbled():
    built = payload.bill_payment(
        biller_id="099400016551001", ref1="GF69000001", amount_satang=4000, name="เทศบาล"
    )
    assert "59" not in payload.decode(built)


def test_a_broken_payload_is_refused():
    good = PUBLISHED[0]
    with pytest.raises(payload.PayloadError):
        payload.decode(good[:-1] + ("0" if good[-1] != "0" else "1"))
    with pytest.raises(payload.PayloadError):
        payload.bill_payment(biller_id="12345", ref1="GF69000001", amount_satang=4000)


def test_the_image_decodes_to_the_payload():
    built = payload.bill_payment(
        biller_id="099400016551001", ref1="GF69000001", ref2="5", amount_satang=24000
    )
    image = Image.open(io.BytesIO(qr.png(built)))
    assert image.size == (qr.size(built), qr.size(built))
    [result] = zxingcpp.read_barcodes(image)
    assert result.format == zxingcpp.BarcodeFormat.QRCode
    assert result.text == built
    assert payload.decode(result.text)["54"] == "240.00"
