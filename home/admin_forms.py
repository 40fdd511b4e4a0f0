"""Admin forms: the sign-in form, and the base of every page type's edit form (Latin slugs)."""

from django.core.validators import validate_slug, validate_unicode_slug
from django.utils.translation import gettext as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.pages import WagtailAdminPageForm

from home.slugs import available_slug, is_usable, latin_slug


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form with a translated password label (Wagtail 8.0 leaves it to Django's
    default, the field name "Password", which no catalogue translates). Used via
    WAGTAILADMIN_USER_LOGIN_FORM."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class LatinSlugFormMixin:
    """Makes the slug from the title when the editor leaves it empty, unusable (only dashes) or in
    Thai, and shows a slug error on the title too: the slug sits on the Promote tab, the editor on
    the Content tab.

    Mix into the `base_form_class` of a page type that has its own (see `home.models.LatinSlugMixin`).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            field = self.fields["slug"]
            field.required = False  # made from the title; Wagtail's script leaves it empty for Thai
            # A Thai or spaced slug is repaired in clean(), not refused (its length is still checked).
            field.validators = [
                v for v in field.validators if v not in (validate_slug, validate_unicode_slug)
            ]
            field.help_text = _(
                "The page's name in its address: Latin letters, digits and dashes. Left empty, it is "
                "made from the title."
            )

    def clean(self):
        self._make_slug()
        cleaned_data = super().clean()
        slug_errors = self._errors.get("slug") if self._errors else None
        if slug_errors and "title" in self.fields:
            self.add_error(
                "title",
                _("Check the slug on the “%(tab)s” tab: %(error)s")
                % {"tab": _("Promote"), "error": slug_errors[0]},
            )
        return cleaned_data

    def _make_slug(self):
        if "slug" not in self.fields or "slug" in self._errors:
            return
        typed = (self.cleaned_data.get("slug") or "").strip()
        if is_usable(typed):
            self.cleaned_data["slug"] = typed
            return
        base = latin_slug(typed) or latin_slug(self.cleaned_data.get("title", ""))
        if not base:
            self.add_error(
                "slug",
                _("Write the page's name in its address in Latin letters or digits, e.g. “news-2569”."),
            )
            return
        parent = getattr(self, "parent_page", None) or (
            self.instance.get_parent() if self.instance.pk else None
        )
        self.cleaned_data["slug"] = available_slug(base, parent, self.instance)


class PageForm(LatinSlugFormMixin, WagtailAdminPageForm):
    """The edit form of every page type without a form of its own."""


class NewsItemPageForm(PageForm):
    """A procurement notice needs its method and budget (the yearly summary counts them); the model
    refuses facts that contradict each other."""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("kind") == "procurement":
            if not cleaned_data.get("procurement_method"):
                self.add_error("procurement_method", _("A procurement notice needs its method."))
            if cleaned_data.get("procurement_budget") is None and "procurement_budget" not in self.errors:
                self.add_error("procurement_budget", _("A procurement notice needs its budget."))
        return cleaned_data
