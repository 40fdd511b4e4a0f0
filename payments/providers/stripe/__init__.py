"""Stripe Checkout in THB with card and PromptPay (provider id "stripe"), and the demo checkout that
stands in for it without keys (provider id "demo", `demo.py`). Everything Stripe-shaped lives here:
the client, the session shape and its mapping to the core's updates, the webhook and its signature.

Keep this module empty: `payments.models` imports `models.py` from here while models load.
"""
