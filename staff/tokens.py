"""The single-use, short-lived link in a staff invitation.

Django's password-reset tokens, with a salt of their own (a password-reset link is no invitation and
the other way round) and a lifetime of `INVITATION_HOURS` instead of `PASSWORD_RESET_TIMEOUT`. A token
is made from the account's password hash, last sign-in, email and active flag: setting the password
(or sending the invitation again, which draws a new unusable password), a change of address or a
deactivation ends every earlier link.
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int

INVITATION_HOURS = 48


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "tambon.staff.invitation"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.email}{int(user.is_active)}"

    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        try:
            made = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        return self._num_seconds(self._now()) - made <= INVITATION_HOURS * 3600


invitation_tokens = InvitationTokenGenerator()
