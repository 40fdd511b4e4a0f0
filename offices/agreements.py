"""Shared processing between offices (the Hat Yai case): the rules, apart from the admin views.

An office's administrators record that another office's permit officers may handle one of their
services from a day to a day (or until ended); they end it early by setting its last day. Agreements
are never edited or deleted afterwards: they are the record of who could see whose requests when.
Platform administrators may do this for any office.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from eforms.models import EServicePage
from home.site_pages import in_trees, root_paths
from offices.models import Office, ProcessingAgreement
from offices.scope import administered_offices, is_platform_administrator


def offices_managed_by(user):
    """The offices whose services `user` may share."""
    if is_platform_administrator(user):
        return Office.objects.all()
    if not user.has_perm("offices.add_processingagreement"):
        return Office.objects.none()
    return administered_offices(user)


def shareable_services(user):
    """The Thai e-service pages of the offices `user` manages."""
    condition = Q(pk__in=[])
    for office in offices_managed_by(user).select_related("site__root_page"):
        condition |= in_trees(root_paths(office.site))
    return EServicePage.objects.filter(condition, locale__language_code=settings.LANGUAGE_CODE).order_by(
        "title"
    )


def visible_agreements(user):
    """Agreements on the services `user` manages, and those that let `user`'s offices handle others'."""
    agreements = ProcessingAgreement.objects.select_related("service", "handled_by__site", "recorded_by")
    if is_platform_administrator(user):
        return agreements
    return agreements.filter(
        Q(service__in=shareable_services(user)) | Q(handled_by__in=offices_managed_by(user))
    ).distinct()


def record(*, user, service, handled_by, starts_on, ends_on=None, note=""):
    agreement = ProcessingAgreement(
        service=service,
        handled_by=handled_by,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note,
        recorded_by=user,
    )
    agreement.full_clean()
    agreement.save()
    return agreement


def end(agreement, *, today=None):
    """Stop sharing now: the agreement's last day becomes yesterday. One that has not run a whole day
    yet is removed instead (the access log still records what was opened under it)."""
    today = today or timezone.localdate()
    if agreement.starts_on >= today:
        agreement.delete()
        return None
    yesterday = today - datetime.timedelta(days=1)
    if agreement.ends_on is None or agreement.ends_on > yesterday:
        agreement.ends_on = yesterday
        agreement.save(update_fields=["ends_on"])
    return agreement
