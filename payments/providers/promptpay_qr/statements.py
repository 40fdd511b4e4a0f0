"""Bank statement files: reading them (`parse`) and applying their lines (`import_statement`,
`import_line`).

Thai banks export CSV in UTF-8 (often with a BOM) or in Windows-874/TIS-620, with Thai or English
headers, Buddhist Era dates (27/11/2569) and amounts with thousands separators. The column names are
the office's choice (*Settings › Payment settings*), several accepted per column. A file with a line
that cannot be read is refused whole, with every problem listed: nothing is applied from it.

Each line is identified by the bank's transaction id when the file has one, else by its date, time,
amount and references; it is recorded once (`ProviderEvent`), so importing the same file twice, or
two statements that overlap, changes nothing the second time.
"""

import csv
import dataclasses
import datetime
import hashlib
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from payments import events
from payments.checkout import settled_payment
from payments.constants import EventOutcome, PaymentStatus
from payments.models import Payment, ProviderEvent
from payments.money import format_baht
from payments.providers.promptpay_qr import conf
from payments.providers.promptpay_qr.models import StatementImport
from payments.providers.promptpay_qr.payload import REFERENCE_PATTERN

PROVIDER_ID = "promptpay_qr"
LINE_EVENT = "statement.line"
REQUIRED = ("date", "amount", "ref1")
OPTIONAL = ("ref2", "transaction")
HEADER_SEARCH_ROWS = 20

THAI_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("ม.ค.", "มกราคม"),
            ("ก.พ.", "กุมภาพันธ์"),
            ("มี.ค.", "มีนาคม"),
            ("เม.ย.", "เมษายน"),
            ("พ.ค.", "พฤษภาคม"),
            ("มิ.ย.", "มิถุนายน"),
            ("ก.ค.", "กรกฎาคม"),
            ("ส.ค.", "สิงหาคม"),
            ("ก.ย.", "กันยายน"),
            ("ต.ค.", "ตุลาคม"),
            ("พ.ย.", "พฤศจิกายน"),
            ("ธ.ค.", "ธันวาคม"),
        ],
        start=1,
    )
    for name in names
}
NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$")


class StatementError(Exception):
    """The file cannot be imported; `messages` say why, in the officer's language."""

    def __init__(self, messages):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


@dataclasses.dataclass(frozen=True)
class Line:
    number: int  # the line in the file (1 = the first line), 0 for one recorded by hand
    paid_on: datetime.date
    time: str  # "10:31" or ""
    amount: int  # satang
    ref1: str
    ref2: str = ""
    transaction_id: str = ""

    @property
    def line_id(self) -> str:
        """Stable across files: the bank's transaction id, else what the line says."""
        if self.transaction_id:
            return f"txn:{self.transaction_id}"
        key = f"{self.paid_on.isoformat()}|{self.time}|{self.amount}|{self.ref1}|{self.ref2}"
        return "line:" + hashlib.sha256(key.encode()).hexdigest()[:32]

    @property
    def payment_reference(self) -> str:
        return self.transaction_id or self.line_id

    def as_payload(self) -> dict:
        return {
            "line": self.number,
            "date": self.paid_on.isoformat(),
            "time": self.time,
            "amount": self.amount,
            "ref1": self.ref1,
            "ref2": self.ref2,
            "transaction_id": self.transaction_id,
        }

    @classmethod
    def from_payload(cls, data) -> "Line":
        return cls(
            number=int(data.get("line") or 0),
            paid_on=datetime.date.fromisoformat(data["date"]),
            time=data.get("time", ""),
            amount=int(data["amount"]),
            ref1=data["ref1"],
            ref2=data.get("ref2", ""),
            transaction_id=data.get("transaction_id", ""),
        )


# Reading a file ------------------------------------------------------------------------------------
def decode(data: bytes) -> str:
    if not data.strip():
        raise StatementError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise StatementError(
            _(
                "This is an Excel file. Open it in Excel or LibreOffice and save it as CSV, then upload the CSV."
            )
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("cp874")  # Windows-874, which includes TIS-620
        except UnicodeDecodeError:
            pass
    raise StatementError(
        _(
            "The file's characters could not be read. Save the statement as CSV in UTF-8 or "
            "Windows-874 (Thai) and upload it again."
        )
    )


def _header_key(text: str) -> str:
    return " ".join((text or "").replace("\ufeff", "").strip().strip('"').split()).casefold()


def column_names(value: str) -> list[str]:
    """ "วันที่, Date" → ["วันที่", "date"]: the names accepted for one column."""
    return [_header_key(name) for name in (value or "").split(",") if name.strip()]


def parse_date(text: str) -> tuple[datetime.date, str]:
    """(date, time) from what Thai banks write: 27/11/2569, 27-11-2026 10:31, 2026-11-27, 27 พ.ย. 2569,
    27/11/69. Years past 2400 are Buddhist Era; two-digit years are Buddhist Era (69 → 2569)."""
    text = " ".join((text or "").split())
    time = ""
    parts = text.split(" ")
    if len(parts) > 1 and TIME.match(parts[-1]):
        hour, minute, second = TIME.match(parts[-1]).groups()
        time = f"{int(hour):02d}:{minute}" + (f":{second}" if second else "")
        parts = parts[:-1]
    text = " ".join(parts)
    match = NUMERIC_DATE.match(text)
    if match:
        first, second, third = match.groups()
        if len(first) == 4:  # ISO: year first
            year, month, day = int(first), int(second), int(third)
        else:
            day, month, year = int(first), int(second), int(third)
    elif len(parts) == 3 and parts[1] in THAI_MONTHS and parts[0].isdigit() and parts[2].isdigit():
        day, month, year = int(parts[0]), THAI_MONTHS[parts[1]], int(parts[2])
    else:
        raise ValueError(text)
    if year < 100:
        year += 2500
    if year > 2400:
        year -= 543
    return datetime.date(year, month, day), time


def parse_amount(text: str) -> int:
    """ "1,234.50", "฿ 1,234.50", "1234.5 บาท" → satang. Not more than two decimals, more than zero."""
    cleaned = re.sub(r"(฿|บาท|THB|\s|,)", "", text or "", flags=re.IGNORECASE)
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValueError(text)
    return int(amount * 100)


def _rows(text: str) -> list[list[str]]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(text.splitlines(), dialect))
    except csv.Error as error:
        raise StatementError(_("The file is not a valid CSV file: %(error)s") % {"error": error}) from error


def _find_header(rows, columns):
    """(row index, {column: index}) of the first row that names every required column."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [_header_key(cell) for cell in row]
        found = {}
        for column, names in columns.items():
            position = next((i for i, key in enumerate(keys) if key and key in names), None)
            if position is not None:
                found[column] = position
        if all(column in found for column in REQUIRED):
            return index, found
    return None, None


def parse(data: bytes, columns: dict[str, list[str]]) -> tuple[list[Line], int]:
    """(the lines with a Ref1, the number of lines without one). `columns` maps date, amount, ref1,
    ref2 and transaction to the header names accepted for each. Raises `StatementError`."""
    if len(data) > conf.max_statement_bytes():
        raise StatementError(
            _("The file is too large (at most %(size)s MB).") % {"size": conf.max_statement_bytes() // 2**20}
        )
    rows = _rows(decode(data))
    header_row, positions = _find_header(rows, columns)
    if header_row is None:
        first = next((row for row in rows if any(cell.strip() for cell in row)), [])
        missing = [", ".join(columns[column]) or column for column in REQUIRED]
        raise StatementError(
            [
                _("The columns for the date, the amount and Ref1 were not found."),
                _("Looked for: %(names)s.") % {"names": " / ".join(missing)},
                _("The file's first line has: %(headers)s.") % {"headers": ", ".join(first) or "-"},
                _("Check the column names in Settings › Payment settings › PromptPay QR."),
            ]
        )
    if len(rows) - header_row - 1 > conf.max_statement_lines():
        raise StatementError(
            _("The file has too many lines (at most %(count)s).") % {"count": conf.max_statement_lines()}
        )
    lines, without_ref1, errors = [], 0, []
    for number, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(column, row=row):
            position = positions.get(column)
            return row[position].strip() if position is not None and position < len(row) else ""

        ref1_text = cell("ref1")
        if not ref1_text:
            without_ref1 += 1  # another kind of transaction on the account: not ours
            continue
        ref1 = re.sub(r"[^0-9A-Z]", "", ref1_text.upper())
        ref2 = re.sub(r"[^0-9A-Z]", "", cell("ref2").upper())
        problems = []
        if not REFERENCE_PATTERN.match(ref1):
            problems.append(_("Ref1 “%(value)s” is not a reference") % {"value": ref1_text})
        try:
            paid_on, time = parse_date(cell("date"))
        except ValueError:
            problems.append(_("the date “%(value)s” cannot be read") % {"value": cell("date")})
        try:
            amount = parse_amount(cell("amount"))
        except ValueError:
            problems.append(_("the amount “%(value)s” is not an amount received") % {"value": cell("amount")})
        if problems:
            errors.append(
                _("Line %(number)s: %(problems)s.") % {"number": number, "problems": "; ".join(problems)}
            )
            continue
        lines.append(Line(number, paid_on, time, amount, ref1, ref2[:20], cell("transaction")[:100]))
    if errors:
        raise StatementError(
            [
                ngettext(
                    "%(count)s line cannot be read, so nothing was imported. Correct the file and upload it again.",
                    "%(count)s lines cannot be read, so nothing was imported. Correct the file and upload it again.",
                    len(errors),
                )
                % {"count": len(errors)},
                *errors[:20],
            ]
        )
    return lines, without_ref1


# Applying lines ------------------------------------------------------------------------------------
DUPLICATE = "duplicate"
SKIPPED = "skipped"


@dataclasses.dataclass
class LineResult:
    line: Line
    outcome: str  # an EventOutcome, DUPLICATE or SKIPPED
    message: str
    payment: Payment | None = None


def candidates(ref1: str, office):
    """The PromptPay QR payments of `office` whose QR code carried this Ref1. A statement is of one
    office's bank account: another office's request is not looked at (a line naming it is money with
    no request of this office, flagged as such, and the officer learns nothing of the other office)."""
    if office is None:
        return Payment.objects.none()
    return Payment.objects.filter(
        provider=PROVIDER_ID, provider_reference__startswith=f"{ref1}/", submission__office=office
    )


def event_id(line: Line, office) -> str:
    """A line's id kept per office: two offices' banks may use the same transaction id."""
    return f"{office.code}:{line.line_id}"


def import_line(line: Line, *, office, officer, visible_submissions, statement_id=None) -> LineResult:
    """Apply one line of `office`'s account, once. A line of a request the officer does not handle is
    left unrecorded, so that the officers who handle it apply it when they import the same statement."""
    if ProviderEvent.objects.filter(provider=PROVIDER_ID, event_id=event_id(line, office)).exists():
        return LineResult(line, DUPLICATE, _("Already imported: ignored."))
    matching = candidates(line.ref1, office)
    if matching.exists() and not matching.filter(submission__in=visible_submissions).exists():
        return LineResult(line, SKIPPED, _("For a request you do not handle: left for its officers."))
    payload = {**line.as_payload(), "import": statement_id, "officer": getattr(officer, "pk", None)}
    row, made = events.record(
        PROVIDER_ID, event_id(line, office), type=LINE_EVENT, payload=payload, office=office
    )
    if not made:  # another officer imported it a moment ago
        return LineResult(line, DUPLICATE, _("Already imported: ignored."))
    events.process(row.pk)
    row.refresh_from_db()
    payment = row.payment
    if payment is not None:
        payment.refresh_from_db()
    return LineResult(line, row.outcome, describe(row.outcome, payment, line), payment)


def describe(outcome, payment, line) -> str:
    """What happened to a line, for the officer."""
    if payment is None:
        return _("No request has this Ref1: check the transfer with the bank.")
    if outcome == EventOutcome.APPLIED:
        return _("Paid: the receipt was issued.")
    if payment.status == PaymentStatus.NEEDS_REVIEW:
        if payment.amount_received != payment.amount:
            return _("Wrong amount: %(received)s received, %(due)s due. Held for review.") % {
                "received": format_baht(payment.amount_received),
                "due": format_baht(payment.amount),
            }
        other = settled_payment(payment.submission)
        if other is not None and other.pk != payment.pk:
            return _("The fee was already paid: a second transfer, held for review (refund one of them).")
        return _("Held for review.")
    return _("Nothing to change.")


@dataclasses.dataclass
class ImportResult:
    statement: object
    results: list[LineResult]
    without_ref1: int

    def count(self, *outcomes) -> int:
        return sum(1 for result in self.results if result.outcome in outcomes)


def import_statement(
    data: bytes, *, office, file_name, officer, visible_submissions, columns
) -> ImportResult:
    """Read the whole file of `office`'s account first (`StatementError` if any line is unreadable),
    then apply each line."""
    lines, without_ref1 = parse(data, columns)
    statement = StatementImport.objects.create(
        office=office,
        file_name=(file_name or "")[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=officer,
    )
    results = [
        import_line(
            line,
            office=office,
            officer=officer,
            visible_submissions=visible_submissions,
            statement_id=statement.pk,
        )
        for line in lines
    ]
    result = ImportResult(statement, results, without_ref1)
    statement.lines = len(lines)
    statement.paid = result.count(EventOutcome.APPLIED)
    statement.flagged = result.count(EventOutcome.FLAGGED)
    statement.duplicates = result.count(DUPLICATE, EventOutcome.IGNORED)
    statement.skipped = result.count(SKIPPED)
    statement.save()
    return result
