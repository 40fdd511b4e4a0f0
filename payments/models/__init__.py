from payments.models.fees import FeeAssessment, FeeOption, ServiceFee
from payments.models.payments import Payment, PaymentLog, ProviderEvent
from payments.models.receipts import Receipt, ReceiptCounter
from payments.models.refunds import Refund
from payments.models.settings import PaymentSettings
from payments.providers import import_modules

# Each provider package may keep tables of its own (`providers/<name>/models.py`); they belong to this
# app, so they load with it.
import_modules("models")

__all__ = [
    "FeeAssessment",
    "FeeOption",
    "Payment",
    "PaymentLog",
    "PaymentSettings",
    "ProviderEvent",
    "Receipt",
    "ReceiptCounter",
    "Refund",
    "ServiceFee",
]
