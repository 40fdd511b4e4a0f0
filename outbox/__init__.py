"""The outbox: every message to a citizen or an officer (email today, LINE next) is written here first,
sent after the change that caused it is committed, retried on failure and listed when it fails.

Other apps call `outbox.services.queue()`; channels and attachments are small registries
(`outbox.channels`, `outbox.attachments`) that the apps fill in at start-up.
"""
