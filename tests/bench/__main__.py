"""`make bench`: server time and SQL queries of the pages that matter, in a throw-away database.

Each `tests/bench/bench_<name>.py` has `run(report)`; `report(label, value, unit)` prints a row.
Figures are printed, never asserted: speed is measured here, not in timed tests.
"""

import importlib
import os
import pkgutil
import sys
import time

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    # Django must be set up before these are imported.
    from django.core.cache import cache  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import setup_test_environment  # noqa: PLC0415

    setup_test_environment()
    wanted = sys.argv[1:]
    print(f"{'benchmark':<58} {'value':>12}  unit")
    import tests.bench as package  # noqa: PLC0415

    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not module_info.name.startswith("bench_"):
            continue
        if wanted and module_info.name.removeprefix("bench_") not in wanted:
            continue
        # Each benchmark gets a database of its own: one's demo must not meet another's test site.
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        cache.clear()
        try:
            module = importlib.import_module(f"tests.bench.{module_info.name}")
            started = time.perf_counter()
            module.run(report)
            report(f"{module_info.name}: total wall time", time.perf_counter() - started, "s")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def report(label, value, unit=""):
    shown = f"{value:.4f}" if isinstance(value, float) else str(value)
    print(f"{label:<58} {shown:>12}  {unit}", flush=True)


if __name__ == "__main__":
    main()
