"""Wagtail's sign-in form with a translated password label (Wagtail 8.0 leaves it to Django's default,
the field name "Password", which no catalogue translates). Used via WAGTAILADMIN_USER_LOGIN_FORM."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
