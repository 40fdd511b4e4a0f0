"""Personal data (PDPA): the access log, retention, erasure and data-subject requests.

privacy/ holds no one's data itself beyond the access log. Each app that does declares it in its own
`privacy.py` (see `privacy.registry`); this app discovers the declarations and runs them together.
"""
