"""Admin wiring: attraction categories as a translatable snippet under their own menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from tourism.models import AttractionCategory


class AttractionCategoryViewSet(SnippetViewSet):
    model = AttractionCategory
    icon = "tag"
    menu_label = _("Attraction categories")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(AttractionCategoryViewSet)
