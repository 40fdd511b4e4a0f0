"""Background work (django-tasks): emails are sent outside the citizen's request where a worker runs."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


def _site_context():
    from wagtail.models import Site

    from home.models import OrganisationSettings

    site = Site.objects.filter(is_default_site=True).first()
    organisation = OrganisationSettings.for_site(site) if site else None
    return {"organisation": organisation, "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}


@task()
def send_acknowledgement(submission_id: int):
    """The acknowledgement email, in the language the citizen used."""
    from eforms.models import Submission

    submission = Submission.objects.select_related("service").get(pk=submission_id)
    if not submission.applicant_email:
        return
    with translation.override(submission.language):
        page = submission.service.localized if submission.service else None
        from eforms.notifications import status_url

        context = {
            "submission": submission,
            "page": page,
            "status_url": status_url(submission),
            **_site_context(),
        }
        subject = render_to_string("eforms/email/acknowledgement_subject.txt", context).strip()
        body = render_to_string("eforms/email/acknowledgement.txt", context)
    send_mail(subject, body, None, [submission.applicant_email])


@task()
def send_resume_link(draft_id: int, url: str):
    from eforms.models import Draft

    draft = Draft.objects.select_related("service").get(pk=draft_id)
    with translation.override(draft.language):
        page = draft.service.localized
        context = {"draft": draft, "page": page, "url": url, **_site_context()}
        subject = render_to_string("eforms/email/resume_subject.txt", context).strip()
        body = render_to_string("eforms/email/resume.txt", context)
    send_mail(subject, body, None, [draft.email])


@task()
def deliver_notification(notification_id: int):
    """Send one email of the outbox (eforms.notifications); failures are kept and retried."""
    from eforms.notifications import deliver

    return deliver(notification_id)
