from payments.models.fees import FeeAssessment, FeeOption, ServiceFee
from payments.models.payments import DemoCheckoutSession, Payment, PaymentLog, StripeEvent
from payments.models.receipts import Receipt, ReceiptCounter
from payments.models.refunds import Refund
from payments.models.settings import PaymentSettings

__all__ = [
    "DemoCheckoutSession",
    "FeeAssessment",
    "FeeOption",
    "Payment",
    "PaymentLog",
    "PaymentSettings",
    "Receipt",
    "ReceiptCounter",
    "Refund",
    "ServiceFee",
    "StripeEvent",
]
