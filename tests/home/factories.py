"""Builders of content pages for tests, on top of the `site_pages` fixture."""

import datetime

from home.models import InformationPage, NewsIndexPage, NewsItemPage
from tests.conftest import publish_translation


def add_information_page(parent, title, slug, introduction="", body=None):
    page = InformationPage(title=title, slug=slug, introduction=introduction, body=body or [])
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_news(parent_index, title, slug, date=datetime.date(2026, 11, 1), kind="news", summary=""):
    page = NewsItemPage(title=title, slug=slug, date=date, kind=kind, summary=summary)
    parent_index.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_news_index(parent, title="ข่าวประชาสัมพันธ์", slug="news"):
    page = NewsIndexPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, english, **fields):
    return publish_translation(page, english, **fields)
