"""Demo content: a complete fictional municipality in Thai with English translations.

`python manage.py load_demo` calls `load()` here, then the `demo.load(context)` of every other app
that has one, so each app owns its own demo content.
"""
