"""Demo e-services of Doi Ngam Subdistrict Municipality, with their citizen's manuals, in Thai and English.

Called by `load_demo` after the site's pages. Idempotent: what exists is kept.
"""

from wagtail.models import Locale, Site
from wagtail_localize.models import Translation

from eforms.models import EFormField, EServicePage, ServiceCataloguePage
from home.demo.content import ENGLISH as SITE_ENGLISH
from home.demo.translate import translate_page
from home.models import OrganisationSettings
from home.models.site_settings import HeaderMenuItem

ENGLISH: dict[str, str] = {}


def tr(thai, english):
    ENGLISH[thai] = english
    return thai


def lines(*pairs):
    """Several lines in one text field: wagtail-localize offers them as one segment joined by <br/>."""
    thai = [tr(th, en) for th, en in pairs]
    ENGLISH["<br/>".join(thai)] = "<br/>".join(en for _th, en in pairs)
    return "\n".join(thai)


DIVISION_ENGINEERING = tr("กองช่าง", "Engineering Division")
DIVISION_HEALTH = tr("กองสาธารณสุขและสิ่งแวดล้อม", "Public Health and Environment Division")
DIVISION_REGISTRY = tr("สำนักปลัดเทศบาล งานทะเบียน", "Office of the Municipal Clerk, Registration")
DIVISION_FINANCE = tr("กองคลัง", "Finance Division")
DIVISION_WELFARE = tr("กองสวัสดิการสังคม", "Social Welfare Division")
DIVISION_CLERK = tr("สำนักปลัดเทศบาล", "Office of the Municipal Clerk")
PHONE = "053-123-456"
EMAIL = "saraban@doingam.example.go.th"
# The page itself adds what happens when a document is missing, only when it asks for documents.
NEXT = tr(
    "เจ้าหน้าที่จะตรวจสอบคำขอและติดต่อท่านทางโทรศัพท์หรืออีเมล",
    "An officer will check your request and contact you by phone or email.",
)
CONSENT = tr(
    "ข้าพเจ้ายินยอมให้เทศบาลใช้ข้อมูลส่วนบุคคลนี้เพื่อพิจารณาคำขอ ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
    "I agree that the municipality uses these personal data to consider my request, under the Personal Data "
    "Protection Act B.E. 2562 (2019)",
)
ID_COPY = tr("สำเนาบัตรประจำตัวประชาชน", "Copy of national ID card")
HOUSE_COPY = tr("สำเนาทะเบียนบ้าน", "Copy of house registration")


def F(key, field_type, th, en, required=True, **extra):
    return {"key": key, "field_type": field_type, "label": tr(th, en), "required": required, **extra}


def applicant(step_title=("ข้อมูลผู้ยื่นคำขอ", "Applicant"), address=True):
    fields = [
        F("applicant_step", "step", *step_title),
        F("full_name", "singleline", "ชื่อ-นามสกุล", "Full name"),
        F(
            "national_id",
            "national_id",
            "เลขประจำตัวประชาชน",
            "National ID number",
            help_text=tr("13 หลัก ตามบัตรประจำตัวประชาชน", "13 digits, as on your ID card"),
        ),
        F("phone", "phone", "หมายเลขโทรศัพท์", "Phone number"),
        F(
            "email",
            "email",
            "อีเมล",
            "Email",
            required=False,
            help_text=tr("เพื่อรับอีเมลตอบรับและแจ้งผล", "To receive the acknowledgement and the outcome"),
        ),
    ]
    if address:
        fields.append(F("address", "thai_address", "ที่อยู่ตามทะเบียนบ้าน", "Address (house registration)"))
    return fields


def documents(*items, consent=False):
    fields = [F("documents_step", "step", "เอกสารประกอบ", "Documents")]
    for key, th, en, required, max_files in items:
        fields.append(
            F(
                key,
                "file",
                th,
                en,
                required=required,
                max_files=max_files,
                help_text=tr("ถ่ายรูปด้วยโทรศัพท์ได้", "A photo taken with your phone is fine"),
            )
        )
    if consent:
        fields.append({"key": "consent", "field_type": "consent", "label": CONSENT, "required": True})
    return fields


LEGAL_FACILITATION = (
    "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
    "Licensing Facilitation Act B.E. 2558 (2015)",
)
LEGAL_HEALTH = ("พระราชบัญญัติการสาธารณสุข พ.ศ. 2535", "Public Health Act B.E. 2535 (1992)")
SUBMIT_STEPS = [
    ("ยื่นคำขอออนไลน์พร้อมแนบเอกสาร", "Apply online and attach the documents"),
    ("เจ้าหน้าที่ตรวจสอบคำขอและเอกสาร", "An officer checks the request and the documents"),
]
COMMON_DOCS = [
    ("สำเนาบัตรประจำตัวประชาชน", "Copy of national ID card"),
    ("สำเนาทะเบียนบ้าน", "Copy of house registration"),
]

SERVICES = [
    {
        "slug": "building-permit",
        "prefix": "BP",
        "category": "licences",
        "days": 45,
        "fee": 20,
        "title": ("ขออนุญาตก่อสร้างอาคาร", "Building construction permit"),
        "intro": (
            "สำหรับผู้ที่จะก่อสร้าง ดัดแปลง หรือต่อเติมอาคารในเขตเทศบาล",
            "For anyone who will build, alter or extend a building in the municipality.",
        ),
        "fee_note": (
            "ค่าตรวจแบบคิดตามพื้นที่อาคาร ตามกฎกระทรวง",
            "Plan inspection fee by floor area, as set by ministerial regulation",
        ),
        "legal": [
            ("พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522", "Building Control Act B.E. 2522 (1979)"),
            LEGAL_FACILITATION,
        ],
        "steps": SUBMIT_STEPS
        + [
            ("นายช่างตรวจสถานที่และตรวจแบบแปลน", "An engineer inspects the site and the plans"),
            ("นายกเทศมนตรีพิจารณาออกใบอนุญาต (อ.1)", "The mayor issues the permit (Form Or.1)"),
        ],
        "docs": COMMON_DOCS
        + [
            ("แบบแปลนอาคาร 5 ชุด พร้อมรายการคำนวณ", "Building plans (5 sets) with calculations"),
            ("สำเนาโฉนดที่ดิน", "Copy of the land title deed"),
        ],
        "division": DIVISION_ENGINEERING,
        "fields": applicant()
        + [
            F("building_step", "step", "ข้อมูลอาคาร", "The building"),
            F(
                "applicant_type",
                "radio",
                "ยื่นในนาม",
                "Applying as",
                choices=lines(("บุคคลธรรมดา", "Individual"), ("นิติบุคคล", "Company")),
            ),
            F(
                "company_name",
                "singleline",
                "ชื่อนิติบุคคล",
                "Company name",
                condition_field="applicant_type",
                condition_value="นิติบุคคล",
            ),
            F(
                "work",
                "dropdown",
                "ประเภทงาน",
                "Type of work",
                choices=lines(
                    ("ก่อสร้างใหม่", "New building"), ("ต่อเติม", "Extension"), ("ดัดแปลง", "Alteration")
                ),
            ),
            F("floor_area", "number", "พื้นที่อาคาร (ตารางเมตร)", "Floor area (square metres)"),
            F("site_address", "thai_address", "ที่ตั้งอาคาร", "Site of the building"),
            F("start_date", "date", "วันที่คาดว่าจะเริ่มก่อสร้าง", "Expected start of work", required=False),
        ]
        + documents(
            ("plans", "แบบแปลนอาคาร (PDF)", "Building plans (PDF)", True, 5),
            ("title_deed", "สำเนาโฉนดที่ดิน", "Copy of the land title deed", True, 2),
            ("id_copy", ID_COPY, ID_COPY, True, 1),
        ),
    },
    {
        "slug": "food-shop-licence",
        "page": {"fee_due": "after_approval"},
        "prefix": "FS",
        "category": "licences",
        "days": 30,
        "fee": 500,
        "title": ("ขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร", "Food shop licence"),
        "intro": (
            "สำหรับร้านอาหารและสถานที่จำหน่ายอาหารพื้นที่เกิน 200 ตารางเมตร",
            "For restaurants and food shops larger than 200 square metres.",
        ),
        "fee_note": ("ต่ออายุทุกปี", "Renewed every year"),
        "legal": [
            LEGAL_HEALTH,
            (
                "เทศบัญญัติเทศบาลตำบลดอยงาม เรื่อง สถานที่จำหน่ายอาหาร พ.ศ. 2564",
                "Doi Ngam municipal ordinance on food shops B.E. 2564 (2021)",
            ),
        ],
        "steps": SUBMIT_STEPS
        + [
            ("เจ้าพนักงานสาธารณสุขตรวจสถานที่", "A health officer inspects the premises"),
            ("ชำระค่าธรรมเนียมและรับใบอนุญาต", "Pay the fee and receive the licence"),
        ],
        "docs": COMMON_DOCS
        + [
            ("ใบรับรองแพทย์ของผู้ประกอบการและผู้ช่วย", "Medical certificates of the owner and staff"),
            ("แผนที่ตั้งร้าน", "Map of the shop's location"),
        ],
        "division": DIVISION_HEALTH,
        "fields": applicant()
        + [
            F("shop_step", "step", "ข้อมูลร้าน", "The shop"),
            F("shop_name", "singleline", "ชื่อร้าน", "Shop name"),
            F("shop_area", "number", "พื้นที่ร้าน (ตารางเมตร)", "Shop area (square metres)"),
            F(
                "food_type",
                "checkboxes",
                "ประเภทอาหาร",
                "Food served",
                choices=lines(
                    ("อาหารตามสั่ง", "Cooked to order"),
                    ("ก๋วยเตี๋ยว", "Noodles"),
                    ("เครื่องดื่ม", "Drinks"),
                    ("อาหารพื้นเมือง", "Local food"),
                ),
            ),
            F("shop_address", "thai_address", "ที่ตั้งร้าน", "Shop address"),
        ]
        + documents(
            ("medical", "ใบรับรองแพทย์", "Medical certificates", True, 5),
            ("id_copy", ID_COPY, ID_COPY, True, 1),
        ),
    },
    {
        "slug": "health-hazard-licence",
        "page": {"fee_due": "after_approval"},
        "prefix": "HH",
        "category": "licences",
        "days": 30,
        "fee": 1000,
        "title": ("ขอใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ", "Health-hazard business licence"),
        "intro": (
            "สำหรับกิจการที่อาจก่อเหตุรำคาญหรือเป็นอันตรายต่อสุขภาพ เช่น อู่ซ่อมรถ โรงสีข้าว เลี้ยงสัตว์",
            "For businesses that may harm health or be a nuisance, such as garages, rice mills and livestock farms.",
        ),
        "fee_note": ("อัตราตามประเภทกิจการ", "Depends on the type of business"),
        "legal": [LEGAL_HEALTH, LEGAL_FACILITATION],
        "steps": SUBMIT_STEPS
        + [
            ("เจ้าพนักงานสาธารณสุขตรวจสถานประกอบการ", "A health officer inspects the premises"),
            ("ชำระค่าธรรมเนียมและรับใบอนุญาต", "Pay the fee and receive the licence"),
        ],
        "docs": COMMON_DOCS + [("แผนผังสถานประกอบการ", "Plan of the premises")],
        "division": DIVISION_HEALTH,
        "fields": applicant()
        + [
            F("business_step", "step", "ข้อมูลกิจการ", "The business"),
            F(
                "business_type",
                "dropdown",
                "ประเภทกิจการ",
                "Type of business",
                choices=lines(
                    ("อู่ซ่อมรถ", "Garage"),
                    ("โรงสีข้าว", "Rice mill"),
                    ("เลี้ยงสัตว์", "Livestock"),
                    ("อื่น ๆ", "Other"),
                ),
            ),
            F(
                "business_other",
                "singleline",
                "ระบุประเภทกิจการ",
                "Describe the business",
                condition_field="business_type",
                condition_value="อื่น ๆ",
            ),
            F("workers", "number", "จำนวนคนงาน", "Number of workers"),
            F("business_address", "thai_address", "ที่ตั้งสถานประกอบการ", "Address of the premises"),
        ]
        + documents(
            ("site_plan", "แผนผังสถานประกอบการ", "Plan of the premises", True, 3),
            ("id_copy", ID_COPY, ID_COPY, True, 1),
        ),
    },
    {
        "slug": "commercial-registration",
        "prefix": "CR",
        "category": "registrations",
        "days": 1,
        "fee": 50,
        "title": ("จดทะเบียนพาณิชย์", "Commercial registration"),
        "intro": (
            "จดทะเบียนพาณิชย์สำหรับบุคคลธรรมดาที่ประกอบการค้า ภายใน 30 วันนับจากวันเริ่มกิจการ",
            "Commercial registration for individuals who trade, within 30 days of starting.",
        ),
        "fee_note": ("", ""),
        "legal": [("พระราชบัญญัติทะเบียนพาณิชย์ พ.ศ. 2499", "Commercial Registration Act B.E. 2499 (1956)")],
        "steps": SUBMIT_STEPS
        + [("นายทะเบียนรับจดทะเบียนและออกใบทะเบียนพาณิชย์", "The registrar registers and issues the certificate")],
        "docs": COMMON_DOCS,
        "division": DIVISION_FINANCE,
        "fields": applicant()
        + [
            F("trade_step", "step", "ข้อมูลการค้า", "The trade"),
            F("trade_name", "singleline", "ชื่อที่ใช้ในการประกอบพาณิชยกิจ", "Trading name"),
            F("trade_kind", "multiline", "ชนิดแห่งพาณิชยกิจ", "Kind of trade"),
            F("capital", "number", "จำนวนเงินทุน (บาท)", "Capital (baht)"),
            F("start_date", "date", "วันที่เริ่มประกอบพาณิชยกิจ", "Date trading began"),
        ]
        + documents(("id_copy", ID_COPY, ID_COPY, True, 1), ("house_copy", HOUSE_COPY, HOUSE_COPY, True, 1)),
    },
    {
        "slug": "house-number",
        "prefix": "HN",
        "category": "registrations",
        "days": 7,
        "fee": None,
        "title": ("ขอเลขที่บ้าน", "House number request"),
        "intro": (
            "สำหรับเจ้าของบ้านที่สร้างเสร็จแล้วและยังไม่มีเลขที่บ้าน",
            "For owners of a finished house that has no house number yet.",
        ),
        "fee_note": ("", ""),
        "legal": [("พระราชบัญญัติการทะเบียนราษฎร พ.ศ. 2534", "Civil Registration Act B.E. 2534 (1991)")],
        "steps": SUBMIT_STEPS
        + [
            ("เจ้าหน้าที่ตรวจสถานที่", "An officer visits the house"),
            ("นายทะเบียนกำหนดเลขที่บ้าน", "The registrar assigns the number"),
        ],
        "docs": [
            ("สำเนาบัตรประจำตัวประชาชน", "Copy of national ID card"),
            ("ใบอนุญาตก่อสร้างอาคาร (ถ้ามี)", "Building permit (if any)"),
            ("รูปถ่ายบ้าน", "Photos of the house"),
        ],
        "division": DIVISION_REGISTRY,
        "fields": applicant(address=False)
        + [
            F("house_step", "step", "ข้อมูลบ้าน", "The house"),
            F(
                "house_location",
                "thai_address",
                "ที่ตั้งบ้าน",
                "Location of the house",
                help_text=tr("เว้นบ้านเลขที่ว่างไว้ได้", "Leave the house number empty if you have none"),
                required=False,
            ),
            F("permit_number", "singleline", "เลขที่ใบอนุญาตก่อสร้าง", "Building permit number", required=False),
        ]
        + documents(
            ("house_photos", "รูปถ่ายบ้าน", "Photos of the house", True, 4),
            ("id_copy", ID_COPY, ID_COPY, True, 1),
        ),
    },
    {
        "slug": "elderly-allowance",
        "prefix": "EA",
        "category": "welfare",
        "days": 15,
        "fee": None,
        "title": ("ลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุ", "Elderly allowance registration"),
        "intro": (
            "สำหรับผู้ที่จะมีอายุครบ 60 ปีในปีงบประมาณถัดไป และมีภูมิลำเนาในเขตเทศบาล",
            "For people who turn 60 in the next fiscal year and live in the municipality.",
        ),
        "fee_note": ("", ""),
        "legal": [
            (
                "ระเบียบกระทรวงมหาดไทย ว่าด้วยหลักเกณฑ์การจ่ายเงินเบี้ยยังชีพผู้สูงอายุขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2552",
                "Ministry of Interior regulation on elderly allowances paid by local governments B.E. 2552 (2009)",
            )
        ],
        "steps": SUBMIT_STEPS
        + [
            ("ตรวจสอบคุณสมบัติ", "Eligibility is checked"),
            ("ประกาศรายชื่อผู้มีสิทธิ", "The list of eligible people is published"),
        ],
        "docs": COMMON_DOCS + [("สำเนาสมุดบัญชีเงินฝากธนาคาร", "Copy of bank book")],
        "division": DIVISION_WELFARE,
        "fields": applicant()
        + [
            F("allowance_step", "step", "การรับเงิน", "Payment"),
            F("birth_date", "date", "วันเกิด", "Date of birth"),
            F(
                "payment",
                "radio",
                "วิธีรับเงิน",
                "How to receive the allowance",
                choices=lines(("โอนเข้าบัญชีธนาคาร", "Bank transfer"), ("รับเงินสด", "Cash")),
            ),
            F(
                "bank_account",
                "singleline",
                "เลขที่บัญชีธนาคาร",
                "Bank account number",
                condition_field="payment",
                condition_value="โอนเข้าบัญชีธนาคาร",
            ),
        ]
        + documents(
            ("id_copy", ID_COPY, ID_COPY, True, 1),
            ("bank_book", "สำเนาสมุดบัญชีเงินฝาก", "Copy of bank book", False, 1),
        ),
    },
    {
        "slug": "sewage-suction",
        "page": {"fee_due": "after_approval"},
        "prefix": "SS",
        "category": "requests",
        "days": 5,
        "fee": 300,
        "title": ("ขอรับบริการสูบสิ่งปฏิกูล", "Sewage suction request"),
        "intro": ("บริการรถสูบสิ่งปฏิกูลจากบ่อเกรอะหรือบ่อซึม", "Our truck empties septic tanks and cesspits."),
        "fee_note": ("ต่อเที่ยว (ไม่เกิน 2 ลูกบาศก์เมตร)", "Per trip (up to 2 cubic metres)"),
        "legal": [LEGAL_HEALTH],
        "steps": SUBMIT_STEPS
        + [("นัดวันให้บริการ", "A date is agreed"), ("ชำระค่าบริการเมื่อให้บริการ", "Pay when the service is done")],
        "docs": [("ไม่ต้องใช้เอกสาร", "No documents needed")],
        "division": DIVISION_HEALTH,
        "fields": applicant(step_title=("ผู้ขอรับบริการ", "Requester"))
        + [
            F("request_step", "step", "รายละเอียด", "Details"),
            F("preferred_date", "date", "วันที่สะดวก", "Preferred date"),
            F("notes", "multiline", "รายละเอียดเพิ่มเติม", "More details", required=False),
        ],
    },
    {
        "slug": "water-delivery",
        "prefix": "WD",
        "category": "requests",
        "days": 3,
        "fee": None,
        "title": ("ขอรับบริการน้ำอุปโภคบริโภค", "Water delivery request"),
        "intro": ("สำหรับครัวเรือนที่ขาดแคลนน้ำในช่วงภัยแล้ง", "For households short of water during drought."),
        "fee_note": ("", ""),
        "legal": [
            (
                "พระราชบัญญัติป้องกันและบรรเทาสาธารณภัย พ.ศ. 2550",
                "Disaster Prevention and Mitigation Act B.E. 2550 (2007)",
            )
        ],
        "steps": SUBMIT_STEPS + [("จัดรถบรรทุกน้ำไปส่ง", "A water truck is sent")],
        "docs": [("ไม่ต้องใช้เอกสาร", "No documents needed")],
        "division": DIVISION_CLERK,
        "fields": applicant(step_title=("ผู้ขอรับบริการ", "Requester"))
        + [
            F("request_step", "step", "รายละเอียด", "Details"),
            F("people", "number", "จำนวนคนในครัวเรือน", "People in the household"),
            F(
                "litres",
                "dropdown",
                "ปริมาณน้ำที่ต้องการ",
                "Water needed",
                choices=lines(
                    ("1,000 ลิตร", "1,000 litres"),
                    ("2,000 ลิตร", "2,000 litres"),
                    ("6,000 ลิตร", "6,000 litres"),
                ),
            ),
        ],
    },
    {
        "slug": "street-light-repair",
        "prefix": "SL",
        "category": "requests",
        "days": 7,
        "fee": None,
        "title": ("แจ้งซ่อมไฟฟ้าสาธารณะ", "Street-light repair"),
        "intro": ("แจ้งไฟถนนดับหรือชำรุด", "Report a street light that is out or broken."),
        "fee_note": ("", ""),
        "legal": [("พระราชบัญญัติเทศบาล พ.ศ. 2496", "Municipality Act B.E. 2496 (1953)")],
        "steps": [
            ("แจ้งซ่อมออนไลน์", "Report online"),
            ("ช่างไฟฟ้าออกตรวจและซ่อม", "An electrician checks and repairs"),
        ],
        "docs": [("รูปถ่ายเสาไฟ (ถ้ามี)", "Photo of the pole (if you can)")],
        "division": DIVISION_ENGINEERING,
        "fields": [
            F("light_step", "step", "จุดที่ชำรุด", "Where"),
            F(
                "pole_number",
                "singleline",
                "หมายเลขเสาไฟ",
                "Pole number",
                required=False,
                help_text=tr("ตัวเลขที่เขียนไว้บนเสา", "The number painted on the pole"),
            ),
            F(
                "location",
                "multiline",
                "ตำแหน่ง",
                "Location",
                help_text=tr("เช่น หน้าวัด หมู่ 3", "For example, in front of the temple, Moo 3"),
            ),
            F(
                "problem",
                "radio",
                "ปัญหา",
                "Problem",
                choices=lines(
                    ("ไฟไม่ติด", "Not lit"),
                    ("ไฟกะพริบ", "Flickering"),
                    ("ไฟติดตลอดวัน", "On all day"),
                    ("เสาชำรุด", "Damaged pole"),
                ),
            ),
            F("photo", "file", "รูปถ่าย", "Photo", required=False, max_files=3),
            F("contact_step", "step", "ผู้แจ้ง", "Your contact details"),
            F("full_name", "singleline", "ชื่อ-นามสกุล", "Full name"),
            F("phone", "phone", "หมายเลขโทรศัพท์", "Phone number"),
            F("email", "email", "อีเมล", "Email", required=False),
        ],
    },
    {
        "slug": "mosquito-fogging",
        "prefix": "MF",
        "category": "requests",
        "days": 3,
        "fee": None,
        "title": ("ขอรับบริการพ่นหมอกควันกำจัดยุงลาย", "Mosquito fogging request"),
        "intro": (
            "ป้องกันไข้เลือดออก สำหรับบ้าน ชุมชน วัด และโรงเรียน",
            "Against dengue fever, for homes, communities, temples and schools.",
        ),
        "fee_note": ("", ""),
        "legal": [
            LEGAL_HEALTH,
            ("พระราชบัญญัติโรคติดต่อ พ.ศ. 2558", "Communicable Diseases Act B.E. 2558 (2015)"),
        ],
        "steps": SUBMIT_STEPS + [("นัดวันพ่นหมอกควัน", "A date for fogging is agreed")],
        "docs": [("ไม่ต้องใช้เอกสาร", "No documents needed")],
        "division": DIVISION_HEALTH,
        "fields": applicant(step_title=("ผู้ขอรับบริการ", "Requester"))
        + [
            F("request_step", "step", "รายละเอียด", "Details"),
            F(
                "place",
                "radio",
                "สถานที่",
                "Place",
                choices=lines(
                    ("บ้าน", "Home"), ("ชุมชน", "Community"), ("วัด", "Temple"), ("โรงเรียน", "School")
                ),
            ),
            F(
                "dengue_case",
                "radio",
                "มีผู้ป่วยไข้เลือดออกในพื้นที่หรือไม่",
                "Is there a dengue case nearby?",
                choices=lines(("มี", "Yes"), ("ไม่มี", "No")),
            ),
        ],
    },
    {
        "slug": "garbage-fee",
        "page": {"receipt_answers": "house_no moo period"},
        "prefix": "GF",
        "category": "payments",
        "days": 1,
        "fee": 40,
        "title": ("ชำระค่าธรรมเนียมเก็บขยะมูลฝอย", "Garbage fee payment"),
        "intro": (
            "ชำระค่าเก็บขนขยะรายเดือนหรือรายปีของครัวเรือน",
            "Pay your household's monthly or yearly garbage collection fee.",
        ),
        "fee_note": ("ต่อครัวเรือน", "Per household"),
        "legal": [
            (
                "พระราชบัญญัติรักษาความสะอาดและความเป็นระเบียบเรียบร้อยของบ้านเมือง พ.ศ. 2535",
                "Public Cleanliness and Orderliness Act B.E. 2535 (1992)",
            )
        ],
        "steps": [
            ("กรอกเลขที่บ้านและงวดที่ชำระ", "Give the house number and the period"),
            ("ชำระเงินผ่านพร้อมเพย์หรือบัตร", "Pay by PromptPay or card"),
            ("รับใบเสร็จทางอีเมล", "Receive the receipt by email"),
        ],
        "docs": [("ไม่ต้องใช้เอกสาร", "No documents needed")],
        "division": DIVISION_FINANCE,
        "fields": [
            F("payment_step", "step", "รายละเอียดการชำระ", "Payment details"),
            F("house_no", "singleline", "บ้านเลขที่", "House number"),
            F(
                "moo",
                "dropdown",
                "หมู่ที่",
                "Village (Moo)",
                choices=lines(*[(str(n), str(n)) for n in range(1, 15)]),
            ),
            F(
                "period",
                "radio",
                "งวดที่ชำระ",
                "Period",
                choices=lines(("1 เดือน", "1 month"), ("6 เดือน", "6 months"), ("12 เดือน", "12 months")),
            ),
            F("full_name", "singleline", "ชื่อผู้ชำระ", "Payer's name"),
            F("email", "email", "อีเมลสำหรับรับใบเสร็จ", "Email for the receipt"),
        ],
    },
    {
        "slug": "complaint",
        "prefix": "CP",
        "category": "complaints",
        "days": 15,
        "fee": None,
        "title": ("ร้องเรียน ร้องทุกข์", "Complaints"),
        "intro": (
            "แจ้งเรื่องเดือดร้อนรำคาญ การทุจริต หรือความไม่พอใจต่อการให้บริการ",
            "Report a nuisance, corruption, or a service you are unhappy with.",
        ),
        "fee_note": ("", ""),
        "legal": [
            (
                "ระเบียบสำนักนายกรัฐมนตรีว่าด้วยการจัดการเรื่องราวร้องทุกข์ พ.ศ. 2552",
                "Prime Minister's Office regulation on complaints B.E. 2552 (2009)",
            )
        ],
        "steps": [
            ("ยื่นเรื่องร้องเรียน", "Make the complaint"),
            ("ศูนย์รับเรื่องร้องเรียนส่งต่อหน่วยงาน", "The complaints centre forwards it"),
            ("แจ้งผลภายใน 15 วันทำการ", "You are told the outcome within 15 working days"),
        ],
        "docs": [("หลักฐานประกอบ (ถ้ามี)", "Evidence (if any)")],
        "division": DIVISION_CLERK,
        "fields": [
            F("complaint_step", "step", "เรื่องที่ร้องเรียน", "Your complaint"),
            F(
                "topic",
                "dropdown",
                "ประเภทเรื่อง",
                "Topic",
                choices=lines(
                    ("เหตุเดือดร้อนรำคาญ", "Nuisance"),
                    ("ถนนและทางระบายน้ำ", "Roads and drains"),
                    ("การให้บริการของเจ้าหน้าที่", "Staff service"),
                    ("การทุจริต", "Corruption"),
                    ("อื่น ๆ", "Other"),
                ),
            ),
            F("details", "multiline", "รายละเอียด", "Details"),
            F("evidence", "file", "หลักฐาน", "Evidence", required=False, max_files=5),
            F("contact_step", "step", "ผู้ร้องเรียน", "About you"),
            F(
                "anonymous",
                "radio",
                "ต้องการเปิดเผยชื่อหรือไม่",
                "Do you want to give your name?",
                choices=lines(("เปิดเผยชื่อ", "Give my name"), ("ไม่ประสงค์ออกนาม", "Stay anonymous")),
            ),
            F(
                "full_name",
                "singleline",
                "ชื่อ-นามสกุล",
                "Full name",
                condition_field="anonymous",
                condition_value="เปิดเผยชื่อ",
            ),
            F(
                "phone",
                "phone",
                "หมายเลขโทรศัพท์",
                "Phone number",
                condition_field="anonymous",
                condition_value="เปิดเผยชื่อ",
            ),
            F("email", "email", "อีเมล", "Email", required=False),
        ],
    },
]

CATALOGUE = {
    "title": tr("บริการออนไลน์", "Online services"),
    "introduction": tr(
        "ยื่นคำขอ ขออนุญาต ลงทะเบียน และแจ้งเรื่องได้ทางออนไลน์ตลอด 24 ชั่วโมง พร้อมคู่มือสำหรับประชาชนของทุกบริการ",
        "Apply, register and report online, 24 hours a day. Every service shows its citizen's manual.",
    ),
}
SHORTCUTS = ["garbage-fee", "street-light-repair", "building-permit", "elderly-allowance"]


def page_values(definition):
    """The page's values from a service definition: the demo's pages and the service library's model
    services (`library.catalogue`) are both read through it."""
    return {
        "title": tr(*definition["title"]),
        "introduction": tr(*definition["intro"]),
        "category": definition["category"],
        "reference_prefix": definition["prefix"],
        "legal_basis": lines(*definition["legal"]),
        "procedure_steps": lines(*definition["steps"]),
        "documents_required": lines(*definition["docs"]),
        "fee_amount": definition["fee"],
        "fee_note": tr(*definition["fee_note"]) if definition["fee_note"][0] else "",
        "processing_days": definition["days"],
        "responsible_division": definition["division"],
        "confirmation_text": NEXT,
        **definition.get("page", {}),
    }


def _service_page(catalogue, definition):
    existing = catalogue.get_children().filter(slug=definition["slug"]).first()
    if existing is not None:
        return existing.specific
    page = EServicePage(
        slug=definition["slug"], **{"contact_phone": PHONE, "contact_email": EMAIL, **page_values(definition)}
    )
    catalogue.add_child(instance=page)
    for order, spec in enumerate(definition["fields"]):
        page.form_fields.add(EFormField(sort_order=order, **spec))
    page.save_revision().publish()
    return page


def load(home_page, stdout=None):
    catalogue = home_page.get_children().filter(slug="services").first()
    if catalogue is None:
        catalogue = ServiceCataloguePage(slug="services", **CATALOGUE)
        home_page.add_child(instance=catalogue)
        catalogue.save_revision().publish()
    catalogue = catalogue.specific
    pages = {d["slug"]: _service_page(catalogue, d) for d in SERVICES}

    home_page = home_page.specific
    linked = {block.value["page"].pk for block in home_page.shortcuts if block.value.get("page")}
    wanted = [catalogue] + [pages[slug] for slug in SHORTCUTS]
    missing = [page for page in wanted if page.pk not in linked]
    if missing:
        shortcuts = [(block.block_type, block.value) for block in home_page.shortcuts]
        shortcuts += [
            ("shortcut", {"page": page, "title": page.title, "description": ""}) for page in missing
        ]
        home_page.shortcuts = shortcuts
        home_page.save_revision().publish()

    site = Site.objects.filter(root_page=home_page).first()
    if site is not None:
        organisation = OrganisationSettings.for_site(site)
        if not organisation.header_menu_items.filter(link_page=catalogue).exists():
            HeaderMenuItem.objects.create(settings=organisation, sort_order=1, link_page=catalogue)

    # English, parents before children; the home page's translation is brought up to date by its loader.
    english = {**SITE_ENGLISH, **ENGLISH}
    translate_page(catalogue, english)
    for page in pages.values():
        translate_page(page, english)
    _update_home_translation(home_page, english)
    if stdout:
        stdout.write(f"E-services ready: {len(pages)} services in the catalogue.")
    return catalogue


def _update_home_translation(home_page, english):
    """Re-sync the English home page so its shortcuts point at the English catalogue and services."""
    target = Locale.objects.get(language_code="en")
    translation = Translation.objects.filter(
        source__object_id=home_page.translation_key, target_locale=target
    ).first()
    if translation is None:
        return
    translation.source.update_from_db()
    po = translation.export_po()
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = english.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=True)


def on_demo_loaded(sender, home_page, stdout=None, **kwargs):
    """`home.demo.signals.demo_loaded`: add this app's demo content to the demo site."""
    load(home_page, stdout=stdout)
