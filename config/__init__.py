"""Project configuration: the design card's `site/` package.

Python imports its own standard module called `site` at start-up, so a package of that name can
never be imported; this package takes its place.
"""
