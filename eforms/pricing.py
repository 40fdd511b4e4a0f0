"""What a service costs, as the citizen's pages say it: the manual and the catalogue, each choice of the
field that sets the fee, and the total on the review page.

The fee rules are the payments app's: it registers a pricer at start-up (`register`), so eforms never
imports it and every page says what the payment step will ask. Without one, the fee of the citizen's
manual (`EServicePage.fee_amount`) is the fee. A pricer has four methods, the texts in the active
language:

    has_fee(page) -> bool
        whether the service charges anything
    fee_text(page) -> str
        the fee as the manual and the catalogue write it ("No fee", "40 baht", "1 month 40 baht …")
    choice_prices(page) -> {field key: {choice position ("1", "2" …): "240 baht"}}
        the price of each choice of a field whose answer sets the fee
    total(page, answers) -> str
        what the citizen will owe for these answers ("" when nothing), for the review page

and may have `prepare(pages)`, which loads what the others need for many pages at once (the
catalogue's cards), so that a page listing services costs the same queries however many it lists.
"""

from django.utils.translation import gettext as _


def baht_text(amount) -> str:
    """`1,200 บาท` / `1,200 baht` for an amount in baht (whole amounts without decimals)."""
    if amount in (None, ""):
        return ""
    text = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    return _("%(amount)s baht") % {"amount": text}


class ManualFee:
    """The fee of the citizen's manual, the same whatever the answers."""

    def has_fee(self, page) -> bool:
        return bool(page.fee_amount)

    def fee_text(self, page) -> str:
        return baht_text(page.fee_amount) if page.fee_amount else _("No fee")

    def choice_prices(self, page) -> dict:
        return {}

    def total(self, page, answers) -> str:
        return baht_text(page.fee_amount) if page.fee_amount else ""


_pricer = ManualFee()


def register(pricer):
    global _pricer
    _pricer = pricer


def pricer():
    return _pricer


def prepare(pages) -> None:
    """Load the fees of `pages` in a few queries before their texts are asked for one by one."""
    prepare_pages = getattr(_pricer, "prepare", None)
    if prepare_pages is not None:
        prepare_pages(list(pages))


def has_fee(page) -> bool:
    return _pricer.has_fee(page)


def fee_text(page) -> str:
    return _pricer.fee_text(page)


def choice_prices(page) -> dict:
    return _pricer.choice_prices(page)


def total(page, answers) -> str:
    return _pricer.total(page, answers)
