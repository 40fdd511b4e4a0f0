"""The shape's data, made with the stack's own (production) settings in a process of their own:

    python -m tests.shape.seed setup            migrate, then a home page, one e-service with an upload
                                                field, an officer with a TOTP device (prints JSON)
    python -m tests.shape.seed publish <text>   an editor publishes a new hero title on the home page

Small on purpose: the demo (`load_demo`) would cost the CI run more than every test of the shape.
"""

import json
import secrets
import sys

import django


def setup() -> dict:
    from django.contrib.auth.models import Group, User  # noqa: PLC0415 — after django.setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: PLC0415

    from casework.models import ServiceHandler  # noqa: PLC0415
    from eforms.constants import PersonalDataBasis  # noqa: PLC0415
    from eforms.wizard import wizard_prefix  # noqa: PLC0415
    from home.groups import PERMIT_OFFICERS  # noqa: PLC0415
    from operations.heartbeat import heartbeat_task  # noqa: PLC0415
    from tests.conftest import build_thai_home  # noqa: PLC0415
    from tests.eforms.factories import add_catalogue, make_service, three_step_fields  # noqa: PLC0415

    call_command("migrate", "--no-input", verbosity=0)
    home = build_thai_home("เทศบาลตำบลทดสอบ")
    service = make_service(
        add_catalogue(home),
        fields=three_step_fields(),
        reference_prefix="SH",
        fee_amount=None,
        personal_data_basis=PersonalDataBasis.CONSENT,
    )
    officers = Group.objects.get(name=PERMIT_OFFICERS)
    ServiceHandler.objects.create(service=service, group=officers)
    password = secrets.token_urlsafe(18)
    officer = User.objects.create_user("officer", email="officer@example.go.th", password=password)
    officer.groups.add(officers)
    device = TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    heartbeat_task.enqueue()  # the worker's first task: /healthz then knows it is alive
    return {
        "service_url": service.url,
        "wizard_prefix": wizard_prefix(service),
        "officer": {"username": "officer", "password": password, "totp_key": device.key},
    }


def publish(text: str) -> dict:
    from home.models import HomePage  # noqa: PLC0415

    home = HomePage.objects.get(locale__language_code="th", depth=2)
    home.hero_title = text
    home.save_revision().publish()
    return {"published": text}


if __name__ == "__main__":
    django.setup()
    action, *arguments = sys.argv[1:]
    print(json.dumps({"setup": setup, "publish": publish}[action](*arguments), ensure_ascii=False))
