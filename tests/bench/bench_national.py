"""Many offices on one installation: does a page of one office cost more when 199 others share it?

Builds one office as `create_office` makes it, with 12 e-services (a form of three steps each) and
1,000 requests, and measures the pages its visitors and staff use; then adds the other offices
(`create_office` each, timed; their 12 services copied in bulk from the first office's; 1,000 requests
each with `bulk_create`) and measures the first office's pages again. Reported: query counts and
median times at 1 and at N offices and their ratio (target: the same queries, times within 20 %),
the time to create an office, and the table sizes per office (PostgreSQL's pg_total_relation_size).

Sizes: `BENCH_OFFICES` (default 200 on PostgreSQL, 3 on SQLite) and `BENCH_REQUESTS_PER_OFFICE`
(default 1,000; 100 on SQLite). `python -m tests.bench national` runs this one alone.
"""

import datetime
import os
import pickle
import random
import statistics
import time
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from casework.constants import SubmissionStatus
from casework.models import SatisfactionRating, ServiceHandler, Submission, SubmissionEvent
from eforms.models import EFormField, EServicePage, ServiceCataloguePage
from home.groups import ADMINISTRATORS, PERMIT_OFFICERS
from national.figures import FiscalYear
from offices import root_paths
from offices.groups import group_name
from offices.models import Office
from offices.services import create_office

SERVICES = [
    ("permit", "ขออนุญาตก่อสร้างอาคาร", 45),
    ("food-shop", "ขออนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", 30),
    ("health-hazard", "ขออนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ", 30),
    ("commerce", "จดทะเบียนพาณิชย์", 1),
    ("garbage", "ชำระค่าธรรมเนียมเก็บขนขยะมูลฝอย", 1),
    ("elderly", "ลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ", 15),
    ("disability", "ลงทะเบียนรับเงินเบี้ยความพิการ", 15),
    ("newborn", "ลงทะเบียนขอรับเงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด", 15),
    ("complaint", "ร้องเรียนร้องทุกข์", 15),
    ("water", "ขอรับบริการน้ำอุปโภคบริโภค", 3),
    ("sewage", "ขอรับบริการสูบสิ่งปฏิกูล", 5),
    ("fogging", "ขอรับบริการพ่นหมอกควันกำจัดยุงลาย", 5),
]
STATES = list(SubmissionStatus.values)
DECIDED = {SubmissionStatus.APPROVED, SubmissionStatus.REJECTED, SubmissionStatus.COMPLETED}
REPEAT = 15
TABLES = [
    "casework_submission",
    "casework_submissionevent",
    "casework_satisfactionrating",
    "wagtailcore_page",
    "eforms_eservicepage",
    "eforms_eformfield",
    "wagtailcore_revision",
    "wagtailcore_site",
    "home_organisationsettings",
    "auth_group",
    "auth_group_permissions",
    "wagtailcore_grouppagepermission",
    "wagtailcore_groupcollectionpermission",
    "wagtailcore_collection",
    "wagtailcore_workflow",
    "wagtail_localize_translationsource",
    "wagtail_localize_string",
    "wagtail_localize_stringsegment",
    "wagtail_localize_translation",
    "wagtailsearch_indexentry",
    "offices_office",
    "offices_officegroup",
    "casework_servicehandler",
]


def _sizes():
    """{table: bytes} with indexes and TOAST (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        found = {}
        for table in TABLES:
            cursor.execute("SELECT to_regclass(%s)", [table])
            if cursor.fetchone()[0] is None:
                continue
            cursor.execute("SELECT pg_total_relation_size(%s), (SELECT count(*) FROM " + table + ")", [table])
            found[table] = cursor.fetchone()
        cursor.execute("SELECT pg_database_size(current_database())")
        found["(whole database)"] = (cursor.fetchone()[0], 0)
    return found


def _fields(page):
    order = 0
    for step in range(3):
        page.form_fields.add(
            EFormField(key=f"step_{step}", field_type="step", label=f"ขั้นตอนที่ {step + 1}", sort_order=order)
        )
        order += 1
        for number, kind in enumerate(["singleline", "radio", "number", "email"]):
            page.form_fields.add(
                EFormField(
                    key=f"s{step}_f{number}",
                    field_type=kind,
                    label=f"คำถาม {step + 1}.{number + 1}",
                    choices="ใช่\nไม่ใช่" if kind == "radio" else "",
                    sort_order=order,
                )
            )
            order += 1


def _catalogue(office):
    return ServiceCataloguePage.objects.child_of(office.site.root_page).get()


def _first_services(office):
    """The first office's services, made as an editor makes them (page, form, revision, published)."""
    catalogue = _catalogue(office)
    pages = []
    for slug, title, days in SERVICES:
        page = EServicePage(
            title=title,
            slug=slug,
            reference_prefix="BN",
            processing_days=days,
            introduction=f"{title} สำหรับประชาชนในเขตองค์การ",
            legal_basis="พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
            procedure_steps="ยื่นคำขอ\nเจ้าหน้าที่ตรวจสอบ\nแจ้งผลการพิจารณา",
            documents_required="สำเนาบัตรประจำตัวประชาชน\nสำเนาทะเบียนบ้าน",
            responsible_division="สำนักปลัด",
        )
        catalogue.add_child(instance=page)
        _fields(page)
        page.save_revision().publish()
        pages.append(EServicePage.objects.get(pk=page.pk))
    return pages


def _copy_services(templates, offices):
    """Each office's 12 services, copied from `templates` in bulk (pages, their e-service rows, form
    fields): what the service library will do one page at a time, done here for 2,400 pages at once."""
    content_type = ContentType.objects.get_for_model(EServicePage)
    page_fields = [f for f in Page._meta.concrete_fields if f.name not in ("id", "path", "url_path")]
    own_fields = [f for f in EServicePage._meta.local_concrete_fields]
    form_fields = {t.pk: list(t.form_fields.all()) for t in templates}
    catalogues = {o.pk: _catalogue(o) for o in offices}
    new_pages = []
    for office in offices:
        catalogue = catalogues[office.pk]
        for position, template in enumerate(templates, start=1):
            page = Page(**{f.attname: getattr(template, f.attname) for f in page_fields})
            page.content_type = content_type
            page.path = Page._get_path(catalogue.path, catalogue.depth + 1, position)
            page.depth = catalogue.depth + 1
            page.url_path = f"{catalogue.url_path}{template.slug}/"
            page.translation_key = uuid.uuid4()
            page.live_revision = page.latest_revision = None
            new_pages.append((page, template))
    Page.objects.bulk_create([p for p, _ in new_pages], batch_size=1000)
    columns = [f.column for f in own_fields]
    rows = []
    for page, template in new_pages:
        row = []
        for field in own_fields:
            value = page.pk if field.attname == "page_ptr_id" else getattr(template, field.attname)
            row.append(field.get_db_prep_save(value, connection))
        rows.append(row)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {EServicePage._meta.db_table} ({', '.join(columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})",
            rows,
        )
    copies = []
    for page, template in new_pages:
        for field in form_fields[template.pk]:
            copy = EFormField(
                **{
                    f.attname: getattr(field, f.attname)
                    for f in EFormField._meta.concrete_fields
                    if f.name != "id"
                }
            )
            copy.page_id = page.pk
            copy.translation_key = uuid.uuid4()
            copies.append(copy)
    EFormField.objects.bulk_create(copies, batch_size=2000)
    Page.objects.filter(pk__in=[c.pk for c in catalogues.values()]).update(numchild=len(templates))
    by_office = {}
    for index, (page, _template) in enumerate(new_pages):
        by_office.setdefault(offices[index // len(templates)].pk, []).append(page.pk)
    return by_office


def _officers(office, service_ids):
    group = Group.objects.get(name=group_name(office.code, PERMIT_OFFICERS))
    ServiceHandler.objects.bulk_create([ServiceHandler(service_id=pk, group=group) for pk in service_ids])
    return group


_numbers = iter(range(1, 10**8))


def _requests(office, service_ids, count, seed):
    """`count` requests of the office over the last year, in every state; those decided have a
    decision date, some waited for the citizen, completed ones are often rated."""
    rng = random.Random(seed)
    now = timezone.now()
    titles = dict(EServicePage.objects.filter(pk__in=service_ids).values_list("pk", "title"))
    batch = []
    for _ in range(count):
        number = next(_numbers)
        service_id = rng.choice(service_ids)
        submitted = now - datetime.timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        state = rng.choice(STATES)
        decided = submitted + datetime.timedelta(days=rng.randrange(0, 40)) if state in DECIDED else None
        if decided and decided > now:
            decided = now
        batch.append(
            Submission(
                reference=f"BN-69-{number:07d}",
                service_id=service_id,
                service_title=titles[service_id],
                office=office,
                language="th" if number % 4 else "en",
                status=state,
                answers=[
                    {"key": "full_name", "label": "ชื่อ-นามสกุล", "step": "ผู้ยื่น", "value": f"ผู้ยื่น {number}",
                     "display": f"ผู้ยื่น {number}"},
                    {"key": "s0_f0", "label": "คำถาม 1.1", "step": "ขั้นตอนที่ 1", "value": "ข้อความตอบ",
                     "display": "ข้อความตอบ"},
                ],
                applicant_email=f"citizen{number}@example.com",
                applicant_name=f"ผู้ยื่น {number}",
                processing_days=15,
                expected_completion=(submitted + datetime.timedelta(days=21)).date(),
                submitted_at=submitted,
                status_changed_at=decided or submitted,
                decided_at=decided,
                completed_at=decided if state == SubmissionStatus.COMPLETED else None,
                paused_days=rng.choice([0, 0, 0, 2, 5]) if decided else 0,
            )
        )  # fmt: skip
    made = Submission.objects.bulk_create(batch, batch_size=2000)
    SubmissionEvent.objects.bulk_create(
        [
            SubmissionEvent(submission=s, at=s.submitted_at, kind="created", to_status="submitted")
            for s in made
        ]
        + [
            SubmissionEvent(submission=s, at=s.decided_at, kind="status", to_status=s.status)
            for s in made
            if s.decided_at
        ],
        batch_size=5000,
    )
    SatisfactionRating.objects.bulk_create(
        [
            SatisfactionRating(
                submission=s, office=office, score=rng.choice([3, 4, 5, 5, 2]), created_at=s.decided_at
            )
            for s in made
            if s.status == SubmissionStatus.COMPLETED and rng.random() < 0.6
        ],
        batch_size=5000,
    )


def _measure(office, services, officer, admin):
    host = office.site.hostname
    today = timezone.localdate()
    anonymous, staff, platform = Client(), Client(), Client()
    staff.force_login(officer)
    platform.force_login(admin)
    pages = {
        "home /th/": ("/th/", anonymous),
        "service page": (f"/th/services/{services[0].slug}/", anonymous),
        "catalogue /th/services/": ("/th/services/", anonymous),
        "inbox list (officer)": ("/admin/inbox/", staff),
        "office's reports page (officer)": ("/admin/inbox/reports/", staff),
        "national overview (platform administrator)": ("/admin/national/", platform),
        # The requests span the last twelve months: most of them fall in the previous fiscal year.
        "national overview, previous fiscal year": (
            f"/admin/national/?year={FiscalYear.of(today).number - 1}",
            platform,
        ),
    }
    found = {}
    with override_settings(TAMBON_PAGE_CACHE_SECONDS=0):
        for label, (url, client) in pages.items():
            found[label] = _timed(client, url, host)
    return found


def _timed(client, url, host):
    """(median ms, fastest ms, queries) of a warm GET. The fastest is reported beside the median
    because the machine is shared: other work slows single requests, never speeds them up."""
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(REPEAT):
        began = time.perf_counter()
        client.get(url, HTTP_HOST=host)
        timings.append((time.perf_counter() - began) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST=host)
    return statistics.median(timings), min(timings), len(queries)


def _site_root_paths(report, offices):
    """Wagtail keeps every site's root path in one cache entry that every page with links reads (and
    rebuilds, one query per site, after a site or a home page changes)."""
    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        paths = Site.get_site_root_paths()
    report(f"site root paths, {offices} offices: rebuild", (time.perf_counter() - began) * 1000, "ms")
    report(f"site root paths, {offices} offices: rebuild queries", len(queries), "queries")
    report(f"site root paths, {offices} offices: cache entry", len(pickle.dumps(paths)), "bytes")
    timings = []
    for _ in range(50):
        began = time.perf_counter()
        Site.get_site_root_paths()
        timings.append(time.perf_counter() - began)
    report(f"site root paths, {offices} offices: read from cache", statistics.median(timings) * 1000, "ms")
    # What a page reads instead (offices/root_paths.py): its own ancestors' entries.
    page = Site.objects.get(is_default_site=True).root_page
    root_paths.forget()
    began = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        own = root_paths.for_page(page)
    report(f"a page's own root paths, {offices} offices: build", (time.perf_counter() - began) * 1000, "ms")
    report(f"a page's own root paths, {offices} offices: build queries", len(queries), "queries")
    report(f"a page's own root paths, {offices} offices: entries read", len(pickle.dumps(own)), "bytes")
    timings = []
    for _ in range(50):
        began = time.perf_counter()
        root_paths.for_page(page)
        timings.append(time.perf_counter() - began)
    report(f"a page's own root paths, {offices} offices: read", statistics.median(timings) * 1000, "ms")


def _vacuum():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


@override_settings(ALLOWED_HOSTS=["*"])
def run(report):
    postgres = connection.vendor == "postgresql"
    total = int(os.environ.get("BENCH_OFFICES") or (200 if postgres else 3))
    per_office = int(os.environ.get("BENCH_REQUESTS_PER_OFFICE") or (1000 if postgres else 100))
    # One office, as create_office makes it, in place of the migrations' welcome site.
    for site in Site.objects.all():
        site.delete()
    for page in Page.get_first_root_node().get_children():
        page.delete()
    first = create_office(
        hostname="office0001.bench", code="office0001", name_th="อบต. 0001", name_en="SAO 0001"
    )
    first = type(first).objects.select_related("site__root_page").get(pk=first.pk)
    services = _first_services(first)
    officers = _officers(first, [s.pk for s in services])
    officer = get_user_model().objects.create_user("bench-officer", password="a-long-bench-password")
    officer.groups.add(officers)
    admin = get_user_model().objects.create_user("bench-platform", password="a-long-bench-password")
    admin.groups.add(Group.objects.get(name=ADMINISTRATORS))
    _requests(first, [s.pk for s in services], per_office, seed=1)
    _vacuum()
    one = _measure(first, services, officer, admin)
    _site_root_paths(report, 1)
    sizes_one = _sizes()

    # The other offices.
    creation = []
    started = time.perf_counter()
    others = []
    for number in range(2, total + 1):
        began = time.perf_counter()
        others.append(
            create_office(
                hostname=f"office{number:04d}.bench",
                code=f"office{number:04d}",
                name_th=f"อบต. {number:04d}",
                name_en=f"SAO {number:04d}",
            )
        )
        creation.append(time.perf_counter() - began)
    report(f"create_office x{len(creation)}: median", statistics.median(creation) * 1000, "ms")
    report(f"create_office x{len(creation)}: slowest", max(creation) * 1000, "ms")
    report("create_office: all offices", time.perf_counter() - started, "s")
    began = time.perf_counter()
    with transaction.atomic():
        copied = _copy_services(services, others)
    report(f"12 services copied in bulk to {len(others)} offices", time.perf_counter() - began, "s")
    began = time.perf_counter()
    for index, office in enumerate(others, start=2):
        _officers(office, copied[office.pk])
        _requests(office, copied[office.pk], per_office, seed=index)
    _vacuum()
    report(f"{per_office} requests each for {len(others)} offices (bulk)", time.perf_counter() - began, "s")
    many = _measure(first, services, officer, admin)
    _site_root_paths(report, total)
    sizes_many = _sizes()

    report("offices", Office.objects.count(), "")
    report("requests in all", Submission.objects.count(), "")
    for label, (ms_one, fastest_one, queries_one) in one.items():
        ms_many, fastest_many, queries_many = many[label]
        report(f"{label}: median 1 / {total} offices", f"{ms_one:.0f}/{ms_many:.0f}", "ms")
        report(f"{label}: fastest 1 / {total} offices", f"{fastest_one:.0f}/{fastest_many:.0f}", "ms")
        report(
            f"{label}: time ratio (median, fastest)",
            f"{ms_many / ms_one:.2f}, {fastest_many / fastest_one:.2f}",
            "x",
        )
        report(f"{label}: queries 1 / {total}", f"{queries_one}/{queries_many}", "queries")
    for table, (size, rows) in sizes_many.items():
        before, rows_before = sizes_one.get(table, (0, 0))
        added = max(total - 1, 1)
        report(f"{table}: size at 1 / {total} offices", f"{before / 1e6:.2f}/{size / 1e6:.2f}", "MB")
        report(f"{table}: bytes per added office", (size - before) / added / 1e3, "kB")
        if rows:
            report(f"{table}: rows at 1 / {total} offices", f"{rows_before}/{rows}", "rows")
            report(f"{table}: rows per added office", (rows - rows_before) / added, "rows")
