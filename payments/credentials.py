"""Provider credentials per office, from the server's environment — never from the database.

Each office's secret is an environment variable named after the office's code: a provider's
`<NAME>_SECRET_KEY` becomes `<NAME>_SECRET_KEY__HUAINAMSAI` for the office `huainamsai` (upper case, dashes as underscores:
`office-3` → `OFFICE_3`; codes have no underscores, so two offices never share a name). The default
office (the default site's) falls back to the installation's variable (`<NAME>_SECRET_KEY`), so a
one-office installation keeps its settings unchanged; another office never does, so it can never take
money into the first office's account.

Why the environment and not an encrypted column: secrets stay out of the database, its backups and
its dumps, and out of the admin (nobody can read them back or change them from a stolen staff
session); there is no encryption key to keep beside the database and rotate; and it is how the
installation's keys are kept already. The cost: a new office's keys need the environment file edited
and the services restarted by the platform's operator (`docs/payments.md`).
"""

from payments.conf import setting


def variable(name: str, office) -> str:
    """`<NAME>_SECRET_KEY`, office `huai-nam-sai` → `<NAME>_SECRET_KEY__HUAI_NAM_SAI`."""
    return f"{name}__{office.code.upper().replace('-', '_')}"


def is_default(office) -> bool:
    return bool(office is not None and office.site.is_default_site)


def credential(name: str, office) -> str:
    """The office's value of `name` ("" when it has none)."""
    if office is None:
        return ""
    value = setting(variable(name, office), "") or ""
    if not value and is_default(office):
        value = setting(name, "") or ""
    return str(value)


def variables(name: str, office) -> str:
    """Where an operator sets `name` for this office, for messages: its own variable, and for the
    default office the installation's too."""
    own = variable(name, office)
    return f"{own} (or {name})" if is_default(office) else own
