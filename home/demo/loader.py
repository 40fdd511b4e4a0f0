"""Builds the demo municipality. Safe to run again: what exists is kept, nothing is duplicated.

The loader touches only the pages it defines (found by slug under their parent): pages staff add
beside them are neither translated nor counted, so a second run reports what the first did.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from home.demo import content
from home.demo.images import demo_image
from home.demo.translate import translate_page
from home.models import (
    ContactPage,
    EmergencyNumber,
    HomePage,
    InformationPage,
    NewsIndexPage,
    NewsItemPage,
    OrganisationSettings,
)
from home.models.site_settings import FooterMenuItem, HeaderMenuItem


def _child(parent, model, slug, **fields):
    """The live child page with this slug, created and published if it does not exist yet."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


#: Where `runserver` listens on the developer's machine; the site's address, so links in messages work.
DEMO_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def _home_page(port=None):
    thai = Locale.objects.get(language_code="th")
    # Its own home page ("home"), not another office's (the demo's second office has its own).
    homes = HomePage.objects.filter(locale=thai)
    home = homes.filter(slug="home").first() or homes.first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    # Wagtail's "Welcome to your new Wagtail site!" page (and its site) make way for ours.
    for welcome in root.get_children().filter(
        content_type__model="page", content_type__app_label="wagtailcore"
    ):
        welcome.delete()
    home = HomePage(
        title=content.HOME["title"],
        slug="home",
        hero_title=content.HOME["hero_title"],
        hero_text=content.HOME["hero_text"],
        search_description=content.HOME["search_description"],
        hero_image=demo_image("ทุ่งนาและดอยงาม", 1, "dawn"),
        locale=thai,
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=DEMO_HOST,
            port=port or DEFAULT_PORT,
            root_page=home,
            is_default_site=True,
            site_name=content.ORGANISATION["name_en"],
        )
    else:
        site.root_page = home
        site.save()
    return home, True


def _budget_document():
    Document = get_document_model()
    title = "งบประมาณรายจ่ายประจำปี พ.ศ. 2569"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save("budget-2569.csv", ContentFile(content.BUDGET_CSV.encode("utf-8")), save=False)
        document.save()
    return document


def _resolve_body(body, pages_by_slug):
    """Replace the slugs and keys in the content definitions by pages and documents."""
    resolved = []
    for block_type, value in body:
        value = dict(value) if isinstance(value, dict) else value
        if block_type == "call_to_action" and isinstance(value.get("page"), str):
            value["page"] = pages_by_slug[value["page"]]
        if block_type == "document":
            value["document"] = _budget_document()
        resolved.append((block_type, value))
    return resolved


def _demo_site_address(site, port):
    """Point the demo's site at the port the server runs on this time (links in messages use it).

    Only a demo site on this machine: a real site's address, or a demo served under a real name, is kept.
    """
    if port is None or site.hostname not in (DEMO_HOST, "localhost"):
        return
    if not OrganisationSettings.for_site(site).is_demo:
        return
    if (site.hostname, site.port) != (DEMO_HOST, port):
        site.hostname, site.port = DEMO_HOST, port
        site.save()


def _organisation_settings(site, pages_by_slug):
    org = OrganisationSettings.for_site(site)
    if org.name_th:
        return
    for field, value in content.ORGANISATION.items():
        setattr(org, field, value)
    org.is_demo = True
    org.privacy_page = pages_by_slug["privacy"]
    org.save()
    for order, (label_th, label_en, number) in enumerate(content.EMERGENCY_NUMBERS):
        EmergencyNumber.objects.create(
            settings=org, sort_order=order, label_th=label_th, label_en=label_en, number=number
        )
    for order, slug in enumerate(["about", "one-stop-service", "news", "contact"]):
        HeaderMenuItem.objects.create(settings=org, sort_order=order, link_page=pages_by_slug[slug])
    for order, slug in enumerate(["privacy", "official-information", "contact"]):
        FooterMenuItem.objects.create(settings=org, sort_order=order, link_page=pages_by_slug[slug])


def load(stdout=None, port=None):
    """Build (or find) the demo's pages and publish their English; `port`: where the server runs."""
    # Not one transaction: wagtail-localize publishes each translation on commit, and a child's
    # translation needs its parent's to be published first.
    home, created = _home_page(port)
    pages = {}
    pages["contact"] = _child(home, ContactPage, **content.CONTACT)
    for definition in content.INFORMATION_PAGES:
        body = _resolve_body(definition["body"], pages)
        pages[definition["slug"]] = _child(
            home,
            InformationPage,
            slug=definition["slug"],
            title=definition["title"],
            introduction=definition["introduction"],
            body=body,
        )
    news_index = _child(home, NewsIndexPage, **content.NEWS_INDEX)
    pages["news"] = news_index
    news_items = []
    palettes = ["noon", "dusk", "rain", "dawn"]
    for number, (slug, kind, days_ago, title, summary) in enumerate(content.NEWS_ITEMS):
        image = demo_image(title[:100], 10 + number, palettes[number % 4])
        news_items.append(
            _child(
                news_index,
                NewsItemPage,
                slug=slug,
                title=title,
                kind=kind,
                date=content._day(days_ago),
                summary=summary,
                image=image,
                image_alt_text="",
                body=[("paragraph", content.NEWS_BODY)],
            )
        )

    if created or not home.shortcuts:
        home.shortcuts = [
            ("shortcut", {"page": pages[d["slug"]], "title": d["shortcut"], "description": ""})
            for d in content.INFORMATION_PAGES
            if d.get("shortcut")
        ]
        home.save_revision().publish()

    site = Site.objects.get(root_page=home)
    _organisation_settings(site, pages)
    _demo_site_address(site, port)

    # English, parents before children, as wagtail-localize requires; only the demo's own pages
    # (a page staff added has no entry in the demo's word list).
    own = [home, *pages.values(), *news_items]
    for page in sorted(own, key=lambda page: page.path):
        if page.live:
            translate_page(page, content.ENGLISH)
    if stdout:
        stdout.write(f"Demo content ready: {len(own)} Thai pages.")
    return home
