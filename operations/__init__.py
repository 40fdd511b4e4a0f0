"""Running the site in production: `/healthz`, request ids in the logs, optional error reporting,
backup and restore, the worker's heartbeat and the administrators' daily digest.

It reads the other apps and none of them reads it (the top of the layer table in the README).
"""
