from django.db import migrations, models

# The inbox searches by "reference or name" with a case-insensitive substring match
# (UPPER(column) LIKE '%…%'). On PostgreSQL trigram indexes answer it without reading every row;
# pg_trgm is a trusted extension, so the database owner may create it. SQLite scans, as before.
TRIGRAM_INDEXES = {
    "casework_sub_name_trgm": "applicant_name",
    "casework_sub_reference_trgm": "reference",
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON casework_submission USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="submission",
            index=models.Index(
                fields=["service", "status", "expected_completion"], name="casework_sub_service_state"
            ),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
