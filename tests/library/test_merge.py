"""The rule of library updates, on plain values: a unit the office changed since adopting is kept;
only what it left as it was takes the library's newer value."""

from library.content import PAGE_FIELDS, changes, merge, own_changes


def values(fields=("a", "b", "c"), **page):
    base = dict.fromkeys(PAGE_FIELDS, "")
    base.update(title="บริการ", fee_amount="100.00", processing_days=15)
    base.update(page)
    return {
        "page": base,
        "fields": [f if isinstance(f, dict) else {"key": f, "label": f"คำถาม {f}"} for f in fields],
    }


def keys(result):
    return [field["key"] for field in result["fields"]]


def test_a_field_the_office_left_as_adopted_takes_the_newer_value():
    adopted, newest = values(), values(fee_amount="120.00", processing_days=10)
    result = merge(adopted, newest, values())
    assert result["page"]["fee_amount"] == "120.00" and result["page"]["processing_days"] == 10


def test_a_field_the_office_changed_keeps_the_offices_value_and_is_shown_as_kept():
    adopted, newest, current = (
        values(),
        values(fee_amount="120.00", processing_days=10),
        values(fee_amount="80.00"),
    )
    result = merge(adopted, newest, current)
    assert result["page"]["fee_amount"] == "80.00"  # the office's own
    assert result["page"]["processing_days"] == 10  # the library's
    shown = {change.unit: change.kept for change in changes(adopted, newest, current)}
    assert shown == {"fee_amount": True, "processing_days": False}
    assert own_changes(adopted, current) == ["fee_amount"]


def test_a_change_the_office_made_back_to_the_adopted_value_is_no_change():
    adopted, newest = values(), values(fee_amount="120.00")
    assert merge(adopted, newest, values(fee_amount="100.00"))["page"]["fee_amount"] == "120.00"


def test_form_fields_the_office_left_are_updated_and_its_own_changes_to_fields_stay():
    adopted = values(fields=["a", "b", "c"])
    newest = values(fields=[{"key": "a", "label": "ใหม่ a"}, {"key": "b", "label": "ใหม่ b"}, "c", "d"])
    current = values(fields=[{"key": "a", "label": "ของสำนักงาน a"}, "b", "c"])
    result = merge(adopted, newest, current)
    labels = {field["key"]: field["label"] for field in result["fields"]}
    assert labels == {"a": "ของสำนักงาน a", "b": "ใหม่ b", "c": "คำถาม c", "d": "คำถาม d"}
    assert keys(result) == ["a", "b", "c", "d"]
    kept = {change.unit: change.kept for change in changes(adopted, newest, current)}
    assert kept == {"field:a": True, "field:b": False, "field:d": False}


def test_a_field_the_office_removed_stays_removed_and_its_own_field_stays_in_place():
    adopted = values(fields=["a", "b", "c"])
    newest = values(fields=["a", {"key": "b", "label": "ใหม่ b"}, "c"])
    current = values(fields=["a", "own", "c"])  # removed b, added its own field after a
    result = merge(adopted, newest, current)
    assert keys(result) == ["a", "own", "c"]


def test_a_field_the_library_removed_goes_unless_the_office_changed_it():
    adopted = values(fields=["a", "b", "c"])
    newest = values(fields=["a"])
    assert keys(merge(adopted, newest, values(fields=["a", "b", "c"]))) == ["a"]
    changed = values(fields=["a", {"key": "b", "label": "ของสำนักงาน b"}, "c"])
    assert keys(merge(adopted, newest, changed)) == ["a", "b"]
