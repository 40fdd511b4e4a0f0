"""StreamField blocks of the tourism pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class GalleryImageBlock(blocks.StructBlock):
    """A photo with its alternative text and caption, both translated with the page."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Photo")


class GalleryBlock(blocks.StreamBlock):
    image = GalleryImageBlock()

    class Meta:
        max_num = 24
