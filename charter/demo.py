"""The demo's service standards: Doi Ngam promises shorter times than the law for a few services, so the
charter shows both columns. Safe to run again (a promise already set is left as it is)."""

from eforms.models import EServicePage

#: slug -> the office's promise in working days (the law allows 45, 30 and 7).
PROMISES = {"building-permit": 30, "food-shop-licence": 15, "house-number": 3}


def on_demo_loaded(sender, home_page, stdout=None, **kwargs):
    thai = EServicePage.objects.descendant_of(home_page).filter(slug__in=PROMISES, promised_days__isnull=True)
    changed = 0
    for page in thai:
        for version in [
            page,
            *EServicePage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk),
        ]:
            version.promised_days = PROMISES[page.slug]
            version.save_revision().publish()
        changed += 1
    if stdout is not None and changed:
        stdout.write(f"Charter: {changed} service promises.")
