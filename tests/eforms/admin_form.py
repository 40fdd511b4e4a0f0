"""Posts a Wagtail edit form as a browser without JavaScript would: what the page shows, changed."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """The values a browser would submit from the form with `form_id` (templates left out)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.template_depth = 0
        self.data = []
        self.select = None
        self.select_first = None
        self.select_chosen = None
        self.option_value = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        if tag == "template":
            self.template_depth += 1
        if self.template_depth:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select, self.select_first, self.select_chosen = name, None, None
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in attrs:
                self.select_chosen = value
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None and not self.template_depth:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if not self.in_form:
            return
        if tag == "template":
            self.template_depth -= 1
        elif self.template_depth:
            return
        elif tag == "select" and self.select:
            chosen = self.select_chosen if self.select_chosen is not None else self.select_first
            self.data.append((self.select, chosen or ""))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.data.append((name, text.removeprefix("\n")))
            self.textarea = None
        elif tag == "form":
            self.in_form = False


def form_values(html: str, form_id: str = "page-edit-form") -> dict:
    """{name: value} (or a list for repeated names) of the form, as the browser would post it."""
    reader = _FormReader(form_id)
    reader.feed(html)
    values = {}
    for name, value in reader.data:
        if name in values:
            previous = values[name]
            values[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            values[name] = value
    return values


def add_inline(values: dict, prefix: str, **fields) -> dict:
    """One more row of an inline panel (`prefix` like "form_fields"), at the end."""
    number = int(values[f"{prefix}-TOTAL_FORMS"])
    values[f"{prefix}-TOTAL_FORMS"] = str(number + 1)
    values[f"{prefix}-{number}-ORDER"] = str(number + 1)
    for name, value in fields.items():
        values[f"{prefix}-{number}-{name}"] = value
    return values
