"""Migration tests: move this test's database to a state and back to every app's latest.

Going back to an app's old migration also undoes what other apps built on it; going forward to that
app's newer migration would not redo those, so tests end at `latest()` (every app's last migration).
"""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to `targets` ((app, name or None) pairs); the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
