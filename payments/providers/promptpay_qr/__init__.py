"""PromptPay QR straight to the office's bank account (provider id "promptpay_qr").

The citizen scans a Thai QR Payment *bill payment* code (`payload.py`) that carries the office's
biller ID, the amount and the request's reference as Ref1; the bank pays the office's account. No
provider calls back: an officer imports the bank's statement file (`statements.py`), whose lines are
matched by Ref1 and amount, or records a transfer by hand.

Keep this module empty: `payments.models` imports `models.py` from here while models load.
"""
