"""Files a message carries, made when it is sent rather than stored with it (a receipt PDF is
rendered again from the receipt). Apps register a maker by kind at start-up:

    from outbox import attachments
    attachments.register("payments.receipt", receipt_attachment)   # (spec dict) -> (name, bytes, mimetype)

A message then lists `{"kind": "payments.receipt", ...}` specs in `Message.attachments`.
"""

_makers = {}


def register(kind, maker):
    _makers[kind] = maker


def render(specs) -> list[tuple[str, bytes, str]]:
    files = []
    for spec in specs or []:
        maker = _makers.get(spec.get("kind"))
        if maker is None:
            raise LookupError(f"No attachment maker for {spec.get('kind')!r}")
        files.append(maker(spec))
    return files
