"""The model services of the shared library, defined once, in the demo's service format.

Eleven of them are the demo's own definitions (`eforms.demo.SERVICES`), taken as they are, with only
what names Doi Ngam or a municipality made general for any local office (`GENERAL`); the two the demo
lacks are in `allowances`. `sync_library` loads them into the database and records a new version of a
model service only when its content changed.

To change a model service: edit its definition (here or in `eforms.demo`, which the demo's Doi Ngam
shows too), run `manage.py sync_library`; offices see what changed and take it when they choose.
"""

from eforms import demo
from eforms.demo import LEGAL_FACILITATION, LEGAL_HEALTH, SUBMIT_STEPS, tr
from library.catalogue.allowances import DISABILITY_ALLOWANCE, NEWBORN_ALLOWANCE

DIVISION_CLERK = ("สำนักปลัด", "Office of the Clerk")
DIVISION_REGISTRY = ("สำนักปลัด งานทะเบียน", "Office of the Clerk, Registration")

#: Library code -> (the demo's slug, what the library says differently: the rest is the demo's).
FROM_THE_DEMO = {
    "building-permit": (
        "building-permit",
        {
            "intro": (
                "สำหรับผู้ที่จะก่อสร้าง ดัดแปลง หรือต่อเติมอาคารในเขตองค์กรปกครองส่วนท้องถิ่น",
                "For anyone who will build, alter or extend a building in the local government's area.",
            ),
            "steps": SUBMIT_STEPS
            + [
                ("นายช่างตรวจสถานที่และตรวจแบบแปลน", "An engineer inspects the site and the plans"),
                ("ผู้บริหารท้องถิ่นพิจารณาออกใบอนุญาต (อ.1)", "The local executive issues the permit (Form Or.1)"),
            ],
        },
    ),
    "food-shop": ("food-shop-licence", {"legal": [LEGAL_HEALTH, LEGAL_FACILITATION]}),
    "health-hazard": ("health-hazard-licence", {}),
    "commercial-registration": ("commercial-registration", {}),
    "garbage-fee": ("garbage-fee", {}),
    "elderly-allowance": (
        "elderly-allowance",
        {
            "intro": (
                "สำหรับผู้ที่จะมีอายุครบ 60 ปีในปีงบประมาณถัดไป และมีภูมิลำเนาในเขตองค์กรปกครองส่วนท้องถิ่น",
                "For people who turn 60 in the next fiscal year and live in the local government's area.",
            )
        },
    ),
    "complaint": ("complaint", {"division": tr(*DIVISION_CLERK)}),
    "water-delivery": ("water-delivery", {"division": tr(*DIVISION_CLERK)}),
    "sewage-suction": ("sewage-suction", {}),
    "mosquito-fogging": ("mosquito-fogging", {}),
    "house-number": ("house-number", {"division": tr(*DIVISION_REGISTRY)}),
}
OWN = {"disability-allowance": DISABILITY_ALLOWANCE, "newborn-allowance": NEWBORN_ALLOWANCE}

#: The library's order: licences and registrations, welfare, then requests and complaints.
ORDER = [
    "building-permit",
    "food-shop",
    "health-hazard",
    "commercial-registration",
    "house-number",
    "garbage-fee",
    "elderly-allowance",
    "disability-allowance",
    "newborn-allowance",
    "water-delivery",
    "sewage-suction",
    "mosquito-fogging",
    "complaint",
]


def definitions() -> dict[str, dict]:
    """Code -> definition (the demo's format: slug, prefix, title, fields …), in the library's order."""
    demo_services = {definition["slug"]: definition for definition in demo.SERVICES}
    found = dict(OWN)
    for code, (slug, general) in FROM_THE_DEMO.items():
        found[code] = {**demo_services[slug], **general}
    return {code: found[code] for code in ORDER}


def english() -> dict[str, str]:
    """Thai -> English of every text the definitions use (the demo's builders record both)."""
    return dict(demo.ENGLISH)
