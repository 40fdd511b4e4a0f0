"""The shape of the code: every module imports, and no two apps depend on each other.

The apps form layers (home; outbox, privacy; security; eforms; casework; payments; tourism beside
them): an app may import from those below it, never from those above. Where a lower app must reach a
higher one it offers a hook (a registry or a signal) that the higher app fills in at start-up, so the
import graph stays one-way and grep finds every caller.
"""

import ast
import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = sorted(p.parent.name for p in ROOT.glob("*/apps.py"))


def modules():
    for app in APPS:
        package = importlib.import_module(app)
        yield app
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations." not in info.name and not info.name.endswith(".migrations"):
                yield info.name


@pytest.mark.parametrize("name", list(modules()))
def test_every_module_imports(name):
    importlib.import_module(name)


def imported_apps(app):
    """The other apps `app` imports, anywhere in its modules (also inside functions and through
    `import_module("literal")`), with one place each is imported from."""
    found = {}
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names = [node.args[0].value]
            for name in names:
                top = name.split(".")[0]
                if top in APPS and top != app:
                    found.setdefault(top, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_import_cycle_between_apps():
    graph = {app: imported_apps(app) for app in APPS}

    def cycle_from(start):
        stack = [(start, [start])]
        while stack:
            app, path = stack.pop()
            for other in graph[app]:
                if other == start:
                    return path + [start]
                if other not in path:
                    stack.append((other, path + [other]))
        return None

    for app in APPS:
        cycle = cycle_from(app)
        assert cycle is None, (
            " -> ".join(f"{a} ({graph[a][b]})" for a, b in zip(cycle, cycle[1:], strict=False))
            + f" -> {cycle[-1]}"
        )


def test_the_checker_finds_a_cycle(tmp_path, monkeypatch):
    """The cycle test must be able to fail: two apps importing each other are reported."""
    for app, other in (("alpha", "beta"), ("beta", "alpha")):
        (tmp_path / app).mkdir()
        (tmp_path / app / "apps.py").write_text("")
        (tmp_path / app / "views.py").write_text(f"def f():\n    from {other}.models import X\n")
    module = sys.modules[__name__]
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "APPS", ["alpha", "beta"])
    with pytest.raises(AssertionError, match="alpha .* -> beta"):
        test_no_import_cycle_between_apps()
