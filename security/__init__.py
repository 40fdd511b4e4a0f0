"""Project-wide security: staff two-factor login, login throttling, staff sessions, HTTP headers."""
