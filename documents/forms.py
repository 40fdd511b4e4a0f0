"""Admin forms of the templates and links: an office's staff choose among their own offices only."""

from wagtail.admin.forms import WagtailAdminModelForm

from offices.scope import is_platform_administrator, offices_of


class DocumentTemplateForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is not None and not is_platform_administrator(user) and "office" in self.fields:
            self.fields["office"].queryset = offices_of(user)
