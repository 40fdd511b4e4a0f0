"""The two model services the demo does not have: disability allowance and newborn support grant.

Written in the demo's service format, with its builders (`eforms.demo`), so every model service has the
same shape whichever module it comes from.
"""

from eforms.demo import DIVISION_WELFARE, SERVICES, SUBMIT_STEPS, F, applicant, documents, lines

_ELDERLY = next(definition for definition in SERVICES if definition["slug"] == "elderly-allowance")


def _payment_fields():
    """How the allowance is paid: the elderly allowance's questions (one definition for the three)."""
    return [spec for spec in _ELDERLY["fields"] if spec["key"] in ("payment", "bank_account")]


DISABILITY_ALLOWANCE = {
    "slug": "disability-allowance",
    "prefix": "DA",
    "category": "welfare",
    "days": 15,
    "fee": None,
    "title": ("ลงทะเบียนรับเบี้ยความพิการ", "Disability allowance registration"),
    "intro": (
        "สำหรับคนพิการที่มีบัตรประจำตัวคนพิการและมีภูมิลำเนาในเขตองค์กรปกครองส่วนท้องถิ่น",
        "For people with a disability card who live in the area of the local government.",
    ),
    "fee_note": ("", ""),
    "legal": [
        (
            "ระเบียบกระทรวงมหาดไทย ว่าด้วยการจ่ายเงินเบี้ยความพิการให้คนพิการขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2553",
            "Ministry of Interior regulation on disability allowances paid by local governments B.E. 2553 (2010)",
        ),
        (
            "พระราชบัญญัติส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ พ.ศ. 2550",
            "Persons with Disabilities Empowerment Act B.E. 2550 (2007)",
        ),
    ],
    "steps": SUBMIT_STEPS
    + [
        ("ตรวจสอบคุณสมบัติ", "Eligibility is checked"),
        ("ได้รับเบี้ยความพิการตั้งแต่เดือนถัดไป", "The allowance is paid from the following month"),
    ],
    "docs": [
        ("สำเนาบัตรประจำตัวคนพิการ", "Copy of the disability card"),
        ("สำเนาบัตรประจำตัวประชาชน", "Copy of national ID card"),
        ("สำเนาทะเบียนบ้าน", "Copy of house registration"),
        ("สำเนาสมุดบัญชีเงินฝากธนาคาร", "Copy of bank book"),
    ],
    "division": DIVISION_WELFARE,
    "fields": applicant()
    + [
        F("disability_step", "step", "ข้อมูลความพิการ", "Disability"),
        F("disability_card", "singleline", "เลขที่บัตรประจำตัวคนพิการ", "Disability card number"),
        F(
            "disability_type",
            "dropdown",
            "ประเภทความพิการ",
            "Type of disability",
            choices=lines(
                ("การเห็น", "Seeing"),
                ("การได้ยินหรือสื่อความหมาย", "Hearing or communication"),
                ("การเคลื่อนไหวหรือร่างกาย", "Movement or physical"),
                ("จิตใจหรือพฤติกรรม", "Mental or behavioural"),
                ("สติปัญญา", "Intellectual"),
                ("การเรียนรู้", "Learning"),
                ("ออทิสติก", "Autism"),
            ),
        ),
        F(
            "caregiver",
            "singleline",
            "ชื่อผู้ดูแลคนพิการ (ถ้ามี)",
            "Caregiver's name (if any)",
            required=False,
        ),
        *_payment_fields(),
    ]
    + documents(
        ("disability_card_copy", "สำเนาบัตรประจำตัวคนพิการ", "Copy of the disability card", True, 1),
        ("id_copy", "สำเนาบัตรประจำตัวประชาชน", "Copy of national ID card", True, 1),
        ("bank_book", "สำเนาสมุดบัญชีเงินฝาก", "Copy of bank book", False, 1),
    ),
}

NEWBORN_ALLOWANCE = {
    "slug": "newborn-allowance",
    "prefix": "NB",
    "category": "welfare",
    "days": 30,
    "fee": None,
    "title": ("ลงทะเบียนขอรับเงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด", "Newborn child support grant registration"),
    "intro": (
        "เงินอุดหนุนเดือนละ 600 บาท สำหรับเด็กตั้งแต่แรกเกิดจนอายุครบ 6 ปี ยื่นที่ภูมิลำเนาของผู้ปกครอง",
        "600 baht a month for a child from birth to six years old, applied for where the parent lives.",
    ),
    "fee_note": ("", ""),
    "legal": [
        (
            "ระเบียบกรมกิจการเด็กและเยาวชน ว่าด้วยการจ่ายเงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด พ.ศ. 2562",
            "Department of Children and Youth regulation on the newborn child support grant B.E. 2562 (2019)",
        )
    ],
    "steps": SUBMIT_STEPS
    + [
        ("ประกาศรายชื่อผู้มีสิทธิ 15 วัน", "The list of eligible children is posted for 15 days"),
        ("โอนเงินเข้าบัญชีผู้ปกครองทุกเดือน", "The grant is paid into the parent's account every month"),
    ],
    "docs": [
        ("สำเนาสูติบัตรของเด็ก", "Copy of the child's birth certificate"),
        ("สำเนาบัตรประจำตัวประชาชนของผู้ปกครอง", "Copy of the parent's national ID card"),
        ("สำเนาสมุดบัญชีเงินฝากธนาคารของผู้ปกครอง", "Copy of the parent's bank book"),
    ],
    "division": DIVISION_WELFARE,
    "fields": applicant(step_title=("ผู้ปกครอง", "Parent"))
    + [
        F("child_step", "step", "ข้อมูลเด็ก", "The child"),
        F("child_name", "singleline", "ชื่อ-นามสกุลของเด็ก", "Child's full name"),
        F("child_id", "national_id", "เลขประจำตัวประชาชนของเด็ก", "Child's national ID number"),
        F("child_birth_date", "date", "วันเกิดของเด็ก", "Child's date of birth"),
        F("bank_account", "singleline", "เลขที่บัญชีธนาคารของผู้ปกครอง", "Parent's bank account number"),
    ]
    + documents(
        ("birth_certificate", "สำเนาสูติบัตร", "Copy of the birth certificate", True, 1),
        ("id_copy", "สำเนาบัตรประจำตัวประชาชน", "Copy of national ID card", True, 1),
        ("bank_book", "สำเนาสมุดบัญชีเงินฝาก", "Copy of bank book", True, 1),
    ),
}
