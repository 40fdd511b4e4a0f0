"""StreamField blocks for information pages. One template per block in `templates/blocks/`."""

import copy
import re

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail_localize.segments import StringSegmentValue

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]
_HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.S | re.I)


def outline_headings(html, parent_level):
    """Renumber the headings of rendered HTML so that none skips a level below `parent_level`.

    Editors choose "section" or "subsection", or a heading in rich text, without seeing the page's
    outline; a skipped level (an h3 straight after the page's h1) confuses screen-reader users, who
    move by headings. Returns the HTML and the level of its last heading (or `parent_level`).
    """
    level = parent_level

    def renumber(match):
        nonlocal level
        level = max(2, min(int(match.group(1)), level + 1, 6))
        return f"<h{level}{match.group(2) or ''}>{match.group(3)}</h{level}>"

    return _HEADING.sub(renumber, str(html)), level


class HeadingLevelMixin:
    """A block with a heading whose level follows its place in the stream (`heading_level`, set by
    ContentStreamBlock); rendered anywhere else it uses `default_heading_level`."""

    default_heading_level = 2

    def get_default_heading_level(self, value):
        return self.default_heading_level

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.setdefault("heading_level", self.get_default_heading_level(value))
        return context


class HeadingBlock(HeadingLevelMixin, blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2"
    )

    def get_default_heading_level(self, value):
        return 3 if value["level"] == "h3" else 2

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Leave empty only for decoration."),
        required=False,
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title shown"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document to download")
        template = "blocks/document_block.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class AccordionBlock(HeadingLevelMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "blocks/accordion_block.html"


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Button text"), max_length=100)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"


class ContactCardBlock(HeadingLevelMixin, blocks.StructBlock):
    default_heading_level = 3

    name = blocks.CharBlock(label=_("Name or division"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), max_length=200, required=False)
    phone = blocks.CharBlock(label=_("Phone"), max_length=50, required=False)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    hours = blocks.CharBlock(label=_("Opening hours"), max_length=200, required=False)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "blocks/contact_card_block.html"


class TranslatableTableBlock(TableBlock):
    """A table whose cells wagtail-localize offers for translation (it skips plain TableBlocks)."""

    def get_translatable_segments(self, value):
        segments = [
            StringSegmentValue(f"cell-{row}-{col}", cell)
            for row, cells in enumerate(value.get("data") or [])
            for col, cell in enumerate(cells)
            if cell
        ]
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        return segments

    def restore_translated_segments(self, value, segments):
        value = copy.deepcopy(value)
        for segment in segments:
            if segment.path == "caption":
                value["table_caption"] = segment.render_text()
            else:
                _cell, row, col = segment.path.split("-")
                value["data"][int(row)][int(col)] = segment.render_text()
        return value

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    document = DocumentBlock()
    accordion = AccordionBlock()
    table = TranslatableTableBlock()
    call_to_action = CallToActionBlock()
    contact_card = ContactCardBlock()

    def render_basic(self, value, context=None):
        """The blocks one after another, their headings in outline under the page's h1.

        A heading block starts a section at the level the editor chose, or higher if that would skip
        one; a contact card's or an accordion's heading sits one level under the current section;
        headings inside rich text are renumbered the same way.
        """
        section = 1
        parts = []
        for child in value:
            if child.block_type == "heading":
                level = min(2 if child.value["level"] == "h2" else 3, section + 1)
                html, section = outline_headings(
                    child.render({**(context or {}), "heading_level": level}), section
                )
            elif child.block_type == "paragraph":
                html, section = outline_headings(child.render(context), section)
            else:
                rendered = child.render({**(context or {}), "heading_level": min(section + 1, 6)})
                html, _last = outline_headings(rendered, section)
            parts.append(html)
        return mark_safe("\n".join(parts))  # noqa: S308 — rendered blocks, only heading tags renamed


class ShortcutBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=100, required=False, help_text=_("Leave empty to use the page's title.")
    )
    description = blocks.CharBlock(label=_("Description"), max_length=200, required=False)

    class Meta:
        icon = "link"
        label = _("Shortcut")
