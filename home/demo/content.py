"""The demo municipality's pages, written in Thai with their English translations side by side.

`tr(thai, english)` returns the Thai text and records the pair; the pairs become the English
translations (see `translate.py`).
"""

import datetime

ENGLISH: dict[str, str] = {}


def tr(thai: str, english: str) -> str:
    ENGLISH[thai] = english
    return thai


def paragraphs(*pairs) -> str:
    return "".join(f"<p>{tr(th, en)}</p>" for th, en in pairs)


def bullet_list(*pairs) -> str:
    return "<ul>" + "".join(f"<li>{tr(th, en)}</li>" for th, en in pairs) + "</ul>"


ORGANISATION = {
    "name_th": "เทศบาลตำบลดอยงาม",
    "name_en": "Doi Ngam Subdistrict Municipality",
    "address_th": "99 หมู่ 1 ตำบลดอยงาม อำเภอแม่ฟ้า\nจังหวัดเชียงราย 57240",
    "address_en": "99 Moo 1, Doi Ngam Subdistrict, Mae Fa District\nChiang Rai 57240",
    "phone": "053-123-456",
    "email": "saraban@doingam.example.go.th",
    "opening_hours_th": "จันทร์–ศุกร์ 08.30–16.30 น. (เว้นวันหยุดราชการ)",
    "opening_hours_en": "Monday–Friday 8:30–16:30 (closed on public holidays)",
    "line_url": "https://line.me/R/ti/p/@doingam.example",
    "facebook_url": "https://www.facebook.com/doingam.example",
    "map_url": "https://www.openstreetmap.org/?mlat=19.9105&mlon=99.8406#map=16/19.9105/99.8406",
}

EMERGENCY_NUMBERS = [
    ("เหตุด่วนเหตุร้าย (ตำรวจ)", "Police emergency", "191"),
    ("แจ้งเหตุเพลิงไหม้", "Fire", "199"),
    ("เจ็บป่วยฉุกเฉิน", "Medical emergency", "1669"),
    ("ศูนย์ป้องกันภัยเทศบาล (24 ชั่วโมง)", "Municipal disaster centre (24 hours)", "053-123-499"),
]

HOME = {
    "title": tr("เทศบาลตำบลดอยงาม", "Doi Ngam Subdistrict Municipality"),
    "hero_title": tr("ยินดีต้อนรับสู่เทศบาลตำบลดอยงาม", "Welcome to Doi Ngam Subdistrict Municipality"),
    "hero_text": tr(
        "ยื่นคำขอ ชำระค่าธรรมเนียม และติดตามสถานะได้ทางออนไลน์ตลอด 24 ชั่วโมง ไม่ต้องเดินทางมาสำนักงาน",
        "Make requests, pay fees and follow their progress online, 24 hours a day, without travelling "
        "to the office.",
    ),
    "search_description": tr(
        "เว็บไซต์ทางการของเทศบาลตำบลดอยงาม ข่าวสาร บริการออนไลน์ และข้อมูลการท่องเที่ยว",
        "Official website of Doi Ngam Subdistrict Municipality: news, online services and tourism.",
    ),
}

# slug → page definition; "kind" picks the page type, "shortcut" puts it on the home page.
INFORMATION_PAGES = [
    {
        "slug": "about",
        "title": tr("เกี่ยวกับเทศบาล", "About the municipality"),
        "introduction": tr(
            "เทศบาลตำบลดอยงามดูแลประชาชนกว่า 12,000 คนใน 14 หมู่บ้าน บนพื้นที่ 86 ตารางกิโลเมตร",
            "Doi Ngam Subdistrict Municipality serves more than 12,000 people in 14 villages over 86 "
            "square kilometres.",
        ),
        "body": [
            ("heading", {"text": tr("ประวัติความเป็นมา", "History"), "level": "h2"}),
            (
                "paragraph",
                paragraphs(
                    (
                        "เทศบาลตำบลดอยงามยกฐานะจากองค์การบริหารส่วนตำบลเมื่อปี พ.ศ. 2555 "
                        "ชุมชนตั้งอยู่บนที่ราบเชิงเขา ประชาชนส่วนใหญ่ทำเกษตร ปลูกข้าว ชา และกาแฟ",
                        "Doi Ngam became a subdistrict municipality in 2012, having been a Tambon Administrative "
                        "Organisation. The community lies on the plain below the hills; most people farm rice, "
                        "tea and coffee.",
                    ),
                    (
                        "วิสัยทัศน์ของเทศบาล คือ ชุมชนน่าอยู่ เศรษฐกิจพอเพียง บริการโปร่งใสและตรวจสอบได้",
                        "The municipality's vision: a good place to live, a sufficiency economy, and services "
                        "that are transparent and can be checked.",
                    ),
                ),
            ),
            (
                "table",
                {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": tr(
                        "จำนวนประชากรแยกตามหมู่บ้าน (ธันวาคม 2568)", "Population by village (December 2025)"
                    ),
                    "data": [
                        [
                            tr("หมู่ที่", "Moo"),
                            tr("ชื่อหมู่บ้าน", "Village"),
                            tr("ครัวเรือน", "Households"),
                            tr("ประชากร", "People"),
                        ],
                        ["1", tr("บ้านดอยงาม", "Ban Doi Ngam"), "412", "1,208"],
                        ["2", tr("บ้านห้วยน้ำใส", "Ban Huai Nam Sai"), "356", "1,034"],
                        ["3", tr("บ้านป่าเหมี้ยง", "Ban Pa Miang"), "298", "887"],
                        ["4", tr("บ้านแม่ฟ้าหลวง", "Ban Mae Fa Luang"), "341", "1,012"],
                    ],
                },
            ),
            ("heading", {"text": tr("ผู้บริหาร", "Executives"), "level": "h2"}),
            (
                "contact_card",
                {
                    "name": tr("นายสมชาย ใจดี", "Mr Somchai Jaidee"),
                    "role": tr("นายกเทศมนตรีตำบลดอยงาม", "Mayor of Doi Ngam"),
                    "phone": "053-123-401",
                    "email": "mayor@doingam.example.go.th",
                    "hours": "",
                },
            ),
            (
                "contact_card",
                {
                    "name": tr("นางสาวมาลี ศรีสุข", "Ms Malee Srisuk"),
                    "role": tr("ปลัดเทศบาล", "Municipal Clerk"),
                    "phone": "053-123-402",
                    "email": "clerk@doingam.example.go.th",
                    "hours": "",
                },
            ),
        ],
    },
    {
        "slug": "taxes-and-fees",
        "shortcut": tr("ภาษีและค่าธรรมเนียม", "Taxes and fees"),
        "title": tr("การชำระภาษีและค่าธรรมเนียม", "Paying taxes and fees"),
        "introduction": tr(
            "ภาษีที่ดินและสิ่งปลูกสร้าง ภาษีป้าย และค่าธรรมเนียมเก็บขยะมูลฝอย ชำระได้ที่สำนักงานหรือทางออนไลน์",
            "Land and building tax, signboard tax and the garbage collection fee can be paid at the office "
            "or online.",
        ),
        "body": [
            ("heading", {"text": tr("อัตราค่าธรรมเนียมเก็บขยะมูลฝอย", "Garbage collection fees"), "level": "h2"}),
            (
                "table",
                {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": tr("ค่าธรรมเนียมเก็บขยะรายเดือน", "Monthly garbage collection fee"),
                    "data": [
                        [tr("ประเภท", "Type"), tr("บาทต่อเดือน", "Baht a month")],
                        [tr("บ้านพักอาศัย", "Home"), "20"],
                        [tr("ร้านค้า", "Shop"), "60"],
                        [tr("ร้านอาหาร", "Restaurant"), "150"],
                    ],
                },
            ),
            (
                "paragraph",
                paragraphs(
                    (
                        "ค่าธรรมเนียมเก็บขยะชำระเป็นรายปีได้ โดยเทศบาลจะออกใบเสร็จรับเงินให้ทุกครั้ง",
                        "The garbage fee can be paid for a whole year; the municipality issues a receipt every "
                        "time.",
                    ),
                ),
            ),
            (
                "accordion",
                {
                    "title": tr("คำถามที่พบบ่อย", "Frequently asked questions"),
                    "items": [
                        {
                            "question": tr(
                                "ชำระภาษีที่ดินและสิ่งปลูกสร้างได้เมื่อใด", "When is land and building tax due?"
                            ),
                            "answer": paragraphs(
                                (
                                    "ภายในเดือนเมษายนของทุกปี หากชำระล่าช้าจะมีเงินเพิ่มตามกฎหมาย",
                                    "By the end of April each year. Late payment adds a surcharge set "
                                    "by law.",
                                )
                            ),
                        },
                        {
                            "question": tr("ชำระด้วยพร้อมเพย์ได้หรือไม่", "Can I pay with PromptPay?"),
                            "answer": paragraphs(
                                (
                                    "ได้ ทั้งที่เคาน์เตอร์และในบริการออนไลน์",
                                    "Yes, both at the counter and in the online services.",
                                )
                            ),
                        },
                    ],
                },
            ),
        ],
    },
    {
        "slug": "waste-collection",
        "shortcut": tr("ตารางเก็บขยะ", "Waste collection days"),
        "title": tr("การเก็บขยะมูลฝอยและการคัดแยกขยะ", "Waste collection and sorting"),
        "introduction": tr(
            "รถเก็บขยะของเทศบาลออกให้บริการทุกหมู่บ้านสัปดาห์ละสองครั้ง",
            "The municipality's refuse trucks call at every village twice a week.",
        ),
        "body": [
            (
                "table",
                {
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": tr("วันเก็บขยะ", "Collection days"),
                    "data": [
                        [tr("หมู่บ้าน", "Villages"), tr("วัน", "Days")],
                        [tr("หมู่ 1–4", "Moo 1–4"), tr("จันทร์และพฤหัสบดี", "Monday and Thursday")],
                        [tr("หมู่ 5–9", "Moo 5–9"), tr("อังคารและศุกร์", "Tuesday and Friday")],
                        [tr("หมู่ 10–14", "Moo 10–14"), tr("พุธและเสาร์", "Wednesday and Saturday")],
                    ],
                },
            ),
            ("heading", {"text": tr("คัดแยกขยะก่อนทิ้ง", "Sort your waste"), "level": "h2"}),
            (
                "paragraph",
                bullet_list(
                    ("ขยะอินทรีย์ เช่น เศษอาหาร ใส่ถังสีเขียว", "Organic waste such as food scraps: green bin"),
                    (
                        "ขยะรีไซเคิล เช่น ขวดพลาสติก กระดาษ ใส่ถังสีเหลือง",
                        "Recyclables such as plastic bottles and paper: yellow bin",
                    ),
                    (
                        "ขยะอันตราย เช่น ถ่านไฟฉาย หลอดไฟ นำมาที่จุดรับของเทศบาล",
                        "Hazardous waste such as batteries "
                        "and bulbs: bring it to the municipal drop-off point",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "welfare",
        "shortcut": tr("เบี้ยยังชีพ", "Allowances"),
        "title": tr("เบี้ยยังชีพผู้สูงอายุ ผู้พิการ และเงินอุดหนุนเด็กแรกเกิด", "Elderly, disability and newborn allowances"),
        "introduction": tr(
            "ผู้ที่จะมีอายุครบ 60 ปีในปีงบประมาณถัดไป ลงทะเบียนรับเบี้ยยังชีพได้ตั้งแต่เดือนตุลาคมถึงพฤศจิกายน",
            "People who will turn 60 in the next fiscal year can register for the elderly allowance from "
            "October to November.",
        ),
        "body": [
            (
                "accordion",
                {
                    "title": tr("เอกสารที่ต้องใช้", "Documents you need"),
                    "items": [
                        {
                            "question": tr("เบี้ยยังชีพผู้สูงอายุ", "Elderly allowance"),
                            "answer": bullet_list(
                                ("บัตรประจำตัวประชาชน", "National ID card"),
                                ("ทะเบียนบ้าน", "House registration"),
                                ("สมุดบัญชีเงินฝากธนาคาร", "Bank passbook"),
                            ),
                        },
                        {
                            "question": tr("เบี้ยความพิการ", "Disability allowance"),
                            "answer": bullet_list(
                                ("บัตรประจำตัวคนพิการ", "Disability ID card"),
                                ("ทะเบียนบ้าน", "House registration"),
                                ("สมุดบัญชีเงินฝากธนาคาร", "Bank passbook"),
                            ),
                        },
                    ],
                },
            ),
            (
                "call_to_action",
                {"label": tr("ติดต่อเจ้าหน้าที่", "Contact an officer"), "page": "contact", "url": ""},
            ),
        ],
    },
    {
        "slug": "one-stop-service",
        "shortcut": tr("ศูนย์บริการร่วม", "One Stop Service"),
        "title": tr("ศูนย์บริการร่วม (One Stop Service)", "One Stop Service centre"),
        "introduction": tr(
            "ยื่นคำขอทุกเรื่องได้ที่จุดเดียว ทั้งที่สำนักงานและทางออนไลน์ เจ้าหน้าที่ช่วยกรอกแบบฟอร์มให้ได้",
            "Every request in one place, at the office or online. Officers can fill in the form with you.",
        ),
        "body": [
            (
                "paragraph",
                paragraphs(
                    (
                        "ทุกบริการมีคู่มือสำหรับประชาชนตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ "
                        "พ.ศ. 2558 ระบุขั้นตอน เอกสาร ค่าธรรมเนียม และระยะเวลาดำเนินการ",
                        "Every service has a citizen's manual under the Licensing Facilitation Act B.E. 2558 (2015), "
                        "setting out its steps, documents, fee and processing time.",
                    ),
                ),
            ),
            (
                "contact_card",
                {
                    "name": tr("ศูนย์บริการร่วม", "One Stop Service centre"),
                    "role": tr("ชั้น 1 อาคารสำนักงานเทศบาล", "Ground floor, municipal office"),
                    "phone": "053-123-456",
                    "email": "saraban@doingam.example.go.th",
                    "hours": tr("จันทร์–ศุกร์ 08.30–16.30 น.", "Monday–Friday 8:30–16:30"),
                },
            ),
        ],
    },
    {
        "slug": "disaster-prevention",
        "title": tr("การป้องกันและบรรเทาสาธารณภัย", "Disaster prevention and relief"),
        "introduction": tr(
            "ในฤดูฝนให้ติดตามประกาศเตือนภัยน้ำป่าและดินโคลนถล่มจากเทศบาลทางเว็บไซต์และไลน์",
            "In the rainy season, follow the municipality's flash flood and landslide warnings on the "
            "website and on LINE.",
        ),
        "body": [
            (
                "paragraph",
                bullet_list(
                    (
                        "เตรียมกระเป๋ายังชีพ ยา เอกสารสำคัญ และไฟฉาย",
                        "Keep a go-bag: medicine, important papers and a torch",
                    ),
                    (
                        "รู้เส้นทางอพยพและจุดรวมพลของหมู่บ้าน",
                        "Know your village's evacuation route and assembly point",
                    ),
                    (
                        "แจ้งเหตุได้ตลอด 24 ชั่วโมงที่ 053-123-499",
                        "Report an emergency 24 hours a day on 053-123-499",
                    ),
                ),
            ),
        ],
    },
    {
        "slug": "official-information",
        "title": tr("ข้อมูลข่าวสารของราชการ", "Official information"),
        "introduction": tr(
            "แผนพัฒนาท้องถิ่น งบประมาณ และรายงานผลการดำเนินงาน เปิดเผยตามพระราชบัญญัติข้อมูลข่าวสารของราชการ",
            "Local development plan, budget and performance reports, published under the Official "
            "Information Act.",
        ),
        "body": [
            (
                "document",
                {
                    "document": "budget",
                    "title": tr("งบประมาณรายจ่ายประจำปี พ.ศ. 2569 (CSV)", "Budget for fiscal year 2026 (CSV)"),
                },
            ),
        ],
    },
    {
        "slug": "privacy",
        "footer": True,
        "title": tr("ประกาศความเป็นส่วนตัว", "Privacy notice"),
        "introduction": tr(
            "เทศบาลเก็บและใช้ข้อมูลส่วนบุคคลเท่าที่จำเป็นตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
            "The municipality collects and uses personal data only as needed, under the Personal Data "
            "Protection Act B.E. 2562 (2019).",
        ),
        "body": [
            ("heading", {"text": tr("ข้อมูลที่เราเก็บ", "What we collect"), "level": "h2"}),
            (
                "paragraph",
                paragraphs(
                    (
                        "ข้อมูลที่ท่านกรอกในคำขอ เช่น ชื่อ เลขประจำตัวประชาชน ที่อยู่ และเอกสารแนบ "
                        "ใช้เพื่อพิจารณาคำขอตามอำนาจหน้าที่ตามกฎหมาย",
                        "What you enter in a request, such as your name, national ID number, address and attached "
                        "documents, is used to decide the request under the municipality's legal duties.",
                    ),
                    (
                        "ท่านมีสิทธิขอเข้าถึง แก้ไข หรือลบข้อมูลของท่านได้ โดยติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคลของเทศบาล",
                        "You may ask to see, correct or erase your data by contacting the municipality's data "
                        "protection officer.",
                    ),
                ),
            ),
        ],
    },
]

NEWS_INDEX = {
    "slug": "news",
    "title": tr("ข่าวประชาสัมพันธ์", "News and announcements"),
    "introduction": tr(
        "ข่าวสาร ประกาศ และประกาศจัดซื้อจัดจ้างของเทศบาล",
        "The municipality's news, announcements and procurement notices.",
    ),
}


def _day(days_ago: int) -> datetime.date:
    return datetime.date(2026, 11, 20) - datetime.timedelta(days=days_ago)


NEWS_ITEMS = [
    (
        "loy-krathong-2569",
        "news",
        10,
        tr(
            "ขอเชิญร่วมงานประเพณีลอยกระทงเทศบาลตำบลดอยงาม ประจำปี 2569",
            "Join the Doi Ngam Loy Krathong festival 2026",
        ),
        tr(
            "ขบวนแห่กระทง การประกวดนางนพมาศ และตลาดอาหารพื้นเมืองริมอ่างเก็บน้ำห้วยน้ำใส",
            "A krathong parade, the Noppamas contest and a local food market by the Huai Nam Sai reservoir.",
        ),
    ),
    (
        "garbage-fee-online",
        "announcement",
        14,
        tr("ชำระค่าธรรมเนียมเก็บขยะออนไลน์ได้แล้ว", "Pay your garbage collection fee online"),
        tr(
            "ประชาชนชำระค่าธรรมเนียมเก็บขยะผ่านพร้อมเพย์หรือบัตรได้ทางเว็บไซต์ และรับใบเสร็จทางอีเมล",
            "Residents can now pay the garbage fee by PromptPay or card on the website and receive the "
            "receipt by email.",
        ),
    ),
    (
        "road-repair-moo-3",
        "procurement",
        20,
        tr(
            "ประกาศประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
            "Invitation to bid: reinforced concrete road, Moo 3",
        ),
        tr(
            "ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ ราคากลาง 1,250,000 บาท ยื่นข้อเสนอภายในวันที่ 15 ธันวาคม 2569",
            "By electronic bidding; reference price 1,250,000 baht; bids by 15 December 2026.",
        ),
    ),
    (
        "dengue-fogging",
        "announcement",
        25,
        tr("กำหนดการพ่นหมอกควันป้องกันไข้เลือดออก", "Mosquito fogging schedule against dengue fever"),
        tr(
            "เจ้าหน้าที่จะพ่นหมอกควันในหมู่ที่ 1 ถึง 7 ระหว่างวันที่ 1–5 ธันวาคม ขอให้ปิดภาชนะใส่น้ำและเก็บอาหาร",
            "Officers will fog Moo 1 to 7 from 1 to 5 December. Please cover water containers and put food "
            "away.",
        ),
    ),
    (
        "elderly-allowance-registration",
        "announcement",
        40,
        tr(
            "เปิดลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุ ปีงบประมาณ 2570",
            "Registration open for the elderly allowance, fiscal year 2027",
        ),
        tr(
            "ผู้ที่เกิดก่อนวันที่ 2 กันยายน 2510 ลงทะเบียนได้ที่ศูนย์บริการร่วมหรือทางออนไลน์",
            "People born before 2 September 1967 can register at the One Stop Service centre or online.",
        ),
    ),
    (
        "water-pipe-maintenance",
        "news",
        48,
        tr("ปิดซ่อมท่อประปาหมู่บ้าน หมู่ที่ 5 ชั่วคราว", "Village water supply in Moo 5 closed for repairs"),
        tr(
            "น้ำประปาจะหยุดไหลชั่วคราวตั้งแต่เวลา 09.00 ถึง 15.00 น. เทศบาลจัดรถน้ำบริการให้",
            "Water will be off from 9:00 to 15:00. The municipality will send a water truck.",
        ),
    ),
    (
        "computer-procurement",
        "procurement",
        60,
        tr(
            "ประกาศผู้ชนะการเสนอราคาซื้อเครื่องคอมพิวเตอร์ ศูนย์พัฒนาเด็กเล็ก",
            "Winning bid: computers for the child development centre",
        ),
        tr(
            "ผู้ชนะการเสนอราคา ได้แก่ ห้างหุ้นส่วนจำกัดดอยงามคอมพิวเตอร์ ในราคา 96,000 บาท",
            "The winning bid is from Doi Ngam Computer Limited Partnership at 96,000 baht.",
        ),
    ),
    (
        "community-forest-day",
        "news",
        75,
        tr("ชาวดอยงามร่วมปลูกป่าชุมชนกว่า 2,000 ต้น", "Doi Ngam residents plant over 2,000 trees"),
        tr(
            "นักเรียน ผู้สูงอายุ และอาสาสมัครร่วมกันปลูกต้นไม้ในป่าชุมชนบ้านป่าเหมี้ยง",
            "Pupils, elders and volunteers planted trees in the Ban Pa Miang community forest.",
        ),
    ),
]

NEWS_BODY = paragraphs(
    (
        "สอบถามรายละเอียดเพิ่มเติมได้ที่ศูนย์บริการร่วม โทร 053-123-456 ในวันและเวลาราชการ",
        "For more information, call the One Stop Service centre on 053-123-456 during office hours.",
    ),
)

CONTACT = {
    "slug": "contact",
    "title": tr("ติดต่อเรา", "Contact us"),
    "introduction": tr("สำนักงานเทศบาลตำบลดอยงามยินดีให้บริการ", "The municipal office is here to help."),
    "address": tr(
        "99 หมู่ 1 ตำบลดอยงาม อำเภอแม่ฟ้า จังหวัดเชียงราย 57240",
        "99 Moo 1, Doi Ngam Subdistrict, Mae Fa District, Chiang Rai 57240",
    ),
    "opening_hours": bullet_list(
        ("จันทร์–ศุกร์ 08.30–16.30 น.", "Monday–Friday 8:30–16:30"),
        ("ปิดวันเสาร์ อาทิตย์ และวันหยุดราชการ", "Closed at weekends and on public holidays"),
    ),
    "phones": bullet_list(
        ("สำนักงาน 053-123-456", "Office 053-123-456"),
        ("ศูนย์ป้องกันภัย 053-123-499", "Disaster centre 053-123-499"),
    ),
    "email": "saraban@doingam.example.go.th",
    "map_url": ORGANISATION["map_url"],
}

BUDGET_CSV = (
    "แผนงาน,งบประมาณ (บาท)\nบริหารงานทั่วไป,18500000\nการศึกษา,9200000\nสาธารณสุข,4800000\nเคหะและชุมชน,12600000\n"
)
