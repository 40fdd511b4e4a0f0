"""The citizen's status page: find a request by reference and email, prove the email with a one-time
code (security.citizen_verification), then see its state, messages, reply and rate it."""
