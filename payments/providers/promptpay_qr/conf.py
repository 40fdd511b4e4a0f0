"""PromptPay QR's settings from the server's environment. What the office decides (biller ID,
statement columns) is in *Settings › Payment settings*, see `provider.PromptPayQRProvider`."""

from payments.conf import setting


def lifetime_hours() -> int:
    """A QR code stays payable this long (a week by default: statements may come a few days late,
    and a transfer found after that still counts)."""
    return int(setting("PAYMENTS_PROMPTPAY_QR_LIFETIME_HOURS", 7 * 24))


def max_statement_bytes() -> int:
    return int(setting("PAYMENTS_STATEMENT_MAX_BYTES", 5 * 1024 * 1024))


def max_statement_lines() -> int:
    return int(setting("PAYMENTS_STATEMENT_MAX_LINES", 20000))
