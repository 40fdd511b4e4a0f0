"""The demo area's attractions and events around Doi Ngam (fictional), in Thai with English beside it.

`tr(thai, english)` returns the Thai text and records the English, which becomes the translation.
"""

import datetime

ENGLISH: dict[str, str] = {}


def tr(thai: str, english: str) -> str:
    ENGLISH[thai] = english
    return thai


def paragraph(thai: str, english: str) -> list:
    return [("paragraph", f"<p>{tr(thai, english)}</p>")]


INDEX = {
    "slug": "tourism",
    "title": tr("ท่องเที่ยวดอยงาม", "Visit Doi Ngam"),
    "introduction": tr(
        "วัดเก่าแก่ น้ำตก ทะเลหมอก ตลาดน้ำ และวิถีชุมชนชาวเขา ทั้งหมดอยู่ในระยะไม่เกิน 10 กิโลเมตรจากตัวเทศบาล",
        "Old temples, a waterfall, a sea of mist, a floating market and hill-village life, all within "
        "10 kilometres of the town.",
    ),
    "map_introduction": tr(
        "แตะหมุดเพื่อดูชื่อสถานที่ หรือใช้รายการด้านล่างเพื่อเปิดเส้นทางในแอปแผนที่ของท่าน",
        "Tap a pin to see the place's name, or use the list below to open directions in your map app.",
    ),
    "search_description": tr(
        "สถานที่ท่องเที่ยวและเทศกาลของตำบลดอยงาม จังหวัดเชียงราย พร้อมเวลาเปิด-ปิดและแผนที่",
        "Attractions and festivals of Doi Ngam, Chiang Rai, with opening hours and a map.",
    ),
}

# (slug, Thai name, English name, order)
CATEGORIES = [
    ("temple", "วัด", "Temple", 10),
    ("nature", "ธรรมชาติ", "Nature", 20),
    ("viewpoint", "จุดชมวิว", "Viewpoint", 30),
    ("market", "ตลาด", "Market", 40),
    ("museum", "พิพิธภัณฑ์", "Museum", 50),
    ("community", "ท่องเที่ยวโดยชุมชน", "Community tourism", 60),
    ("food", "อาหารพื้นเมือง", "Local food", 70),
]

EVERY_DAY = range(7)
WEEKEND = (5, 6)
T = datetime.time

ATTRACTIONS = [
    {
        "slug": "wat-phra-that-doi-ngam",
        "category": "temple",
        "scene": ("temple", 101, "morning"),
        "title": tr("วัดพระธาตุดอยงาม", "Wat Phra That Doi Ngam"),
        "summary": tr(
            "วัดบนยอดดอยอายุกว่า 600 ปี องค์พระธาตุสีทองมองเห็นได้จากทุกหมู่บ้านในตำบล",
            "A hilltop temple over 600 years old; its golden chedi can be seen from every village.",
        ),
        "alt": tr(
            "เจดีย์สีทององค์ใหญ่ตั้งอยู่บนฐานสีขาว มีเจดีย์องค์เล็กสององค์ขนาบข้าง",
            "A large golden chedi on a white base between two smaller chedis",
        ),
        "caption": tr("พระธาตุดอยงามยามเช้า", "Phra That Doi Ngam in the morning"),
        "body": paragraph(
            "ตามตำนานเล่าว่าพระธาตุบรรจุพระบรมสารีริกธาตุที่พระเจ้าเม็งรายอัญเชิญมา บันได 309 ขั้นนำขึ้นสู่ลานพระธาตุ "
            "หรือขึ้นรถสองแถวจากตลาดได้ กรุณาแต่งกายสุภาพ",
            "Legend says the chedi holds a relic brought by King Mengrai. A stairway of 309 steps leads to the "
            "terrace, or take a songthaew from the market. Please dress modestly.",
        ),
        "lat": "19.918200",
        "lon": "99.835100",
        "address": tr("หมู่ 1 ตำบลดอยงาม อำเภอแม่ฟ้า จังหวัดเชียงราย", "Moo 1, Doi Ngam, Mae Fa, Chiang Rai"),
        "periods": [(day, T(6), T(18)) for day in EVERY_DAY],
        "free_entry": True,
        "entry_fee": "",
        "best_season": tr("ตลอดปี งานประจำปีช่วงวันวิสาขบูชา", "All year; the temple fair is at Visakha Bucha"),
        "wheelchair_access": "partly",
        "accessible_toilet": "yes",
        "parking": "yes",
        "accessibility_notes": tr(
            "รถยนต์ขึ้นถึงลานจอดด้านหลังวิหาร จากลานจอดมีทางลาดถึงวิหาร แต่ไม่ถึงลานพระธาตุ",
            "Cars can drive up to the car park behind the hall; a ramp leads to the hall but not to the "
            "chedi terrace.",
        ),
        "phone": "053-123-470",
    },
    {
        "slug": "wat-pa-miang",
        "category": "temple",
        "scene": ("temple", 102, "evening"),
        "title": tr("วัดป่าเหมี้ยง", "Wat Pa Miang"),
        "summary": tr(
            "วัดไม้สักแบบล้านนากลางสวนเหมี้ยง มีจิตรกรรมฝาผนังเล่าวิถีชีวิตคนเก็บใบชา",
            "A Lanna teak temple among the tea gardens, with murals of the tea-leaf pickers' life.",
        ),
        "alt": tr("เจดีย์สีทองยามเย็น ท้องฟ้าสีส้ม", "Golden chedis at dusk under an orange sky"),
        "caption": tr("วัดป่าเหมี้ยงยามเย็น", "Wat Pa Miang at dusk"),
        "body": paragraph(
            "วิหารสร้างด้วยไม้สักทั้งหลังเมื่อปี พ.ศ. 2431 ภายในมีจิตรกรรมฝาผนังที่ชาวบ้านช่วยกันอนุรักษ์",
            "The hall was built entirely of teak in 1888; villagers look after the murals inside.",
        ),
        "lat": "19.898700",
        "lon": "99.852900",
        "address": tr("หมู่ 3 บ้านป่าเหมี้ยง ตำบลดอยงาม", "Moo 3, Ban Pa Miang, Doi Ngam"),
        "periods": [(day, T(7), T(17)) for day in EVERY_DAY],
        "free_entry": True,
        "entry_fee": "",
        "best_season": tr("พฤศจิกายน–กุมภาพันธ์", "November to February"),
        "wheelchair_access": "yes",
        "accessible_toilet": "no",
        "parking": "yes",
        "accessibility_notes": "",
        "phone": "",
    },
    {
        "slug": "huai-nam-sai-waterfall",
        "category": "nature",
        "scene": ("waterfall", 103, "noon"),
        "title": tr("น้ำตกห้วยน้ำใส", "Huai Nam Sai Waterfall"),
        "summary": tr(
            "น้ำตกสูง 40 เมตรกลางป่าดิบเขา เดินเท้าจากลานจอดรถ 800 เมตรตามเส้นทางศึกษาธรรมชาติ",
            "A 40-metre waterfall in hill forest, 800 metres' walk from the car park along a nature trail.",
        ),
        "alt": tr(
            "สายน้ำตกสีขาวไหลลงจากหน้าผาหินสู่แอ่งน้ำ ล้อมรอบด้วยป่าเขียว",
            "A white waterfall pouring from a rock face into a pool, surrounded by green forest",
        ),
        "caption": tr("ชั้นที่สามของน้ำตกห้วยน้ำใส", "The third tier of Huai Nam Sai Waterfall"),
        "body": paragraph(
            "ในฤดูฝนน้ำตกมีน้ำมากที่สุด ทางเดินอาจลื่น ควรสวมรองเท้าที่เหมาะสม งดเล่นน้ำเมื่อมีประกาศเตือนน้ำป่า",
            "The waterfall is fullest in the rainy season. The path can be slippery: wear good shoes, and stay out "
            "of the water when a flash flood warning is given.",
        ),
        "lat": "19.932100",
        "lon": "99.818400",
        "address": tr("หมู่ 2 บ้านห้วยน้ำใส ตำบลดอยงาม", "Moo 2, Ban Huai Nam Sai, Doi Ngam"),
        "periods": [(day, T(8), T(17)) for day in EVERY_DAY],
        "free_entry": False,
        "entry_fee": tr("คนไทย 20 บาท ชาวต่างชาติ 100 บาท", "Thai visitors 20 baht, others 100 baht"),
        "best_season": tr("สิงหาคม–ธันวาคม", "August to December"),
        "wheelchair_access": "no",
        "accessible_toilet": "partly",
        "parking": "yes",
        "accessibility_notes": tr(
            "ห้องน้ำที่ลานจอดรถมีราวจับ เส้นทางเดินไปน้ำตกเป็นดินและมีบันไดหิน",
            "The toilets at the car park have grab rails; the trail is earth with stone steps.",
        ),
        "phone": "053-123-471",
    },
    {
        "slug": "doi-ngam-viewpoint",
        "category": "viewpoint",
        "scene": ("viewpoint", 104, "night"),
        "title": tr("จุดชมวิวทะเลหมอกดอยงาม", "Doi Ngam Sea of Mist Viewpoint"),
        "summary": tr(
            "ชมทะเลหมอกและพระอาทิตย์ขึ้นเหนือทิวเขาชายแดน เปิดตลอด 24 ชั่วโมง",
            "Watch the sea of mist and the sunrise over the border hills; open 24 hours.",
        ),
        "alt": tr(
            "ทะเลหมอกสีขาวเป็นแนวยาวใต้ทิวเขาสีน้ำเงินในยามค่ำ",
            "Long white bands of mist below blue ridges at night",
        ),
        "caption": tr("ทะเลหมอกก่อนรุ่งสาง", "The sea of mist before dawn"),
        "body": paragraph(
            "ทะเลหมอกสวยที่สุดระหว่างเวลา 05.30–07.30 น. ในฤดูหนาว มีลานกางเต็นท์ของเทศบาล แจ้งล่วงหน้าที่สำนักงาน",
            "The mist is finest from 5:30 to 7:30 in the cool season. The municipality runs a campsite: book at "
            "the office.",
        ),
        "lat": "19.940500",
        "lon": "99.829700",
        "address": tr("ทางหลวงท้องถิ่น ชร.ถ 1-0045 กิโลเมตรที่ 7", "Local road ChR 1-0045, kilometre 7"),
        "always_open": True,
        "periods": [],
        "free_entry": True,
        "entry_fee": "",
        "best_season": tr("พฤศจิกายน–กุมภาพันธ์ ก่อนพระอาทิตย์ขึ้น", "November to February, before sunrise"),
        "wheelchair_access": "yes",
        "accessible_toilet": "yes",
        "parking": "yes",
        "accessibility_notes": tr(
            "ลานชมวิวปูพื้นเรียบและมีราวกันตก ที่จอดรถสำหรับคนพิการอยู่ติดลานชมวิว",
            "The viewing deck is level with railings; disabled parking is next to it.",
        ),
        "phone": "",
    },
    {
        "slug": "huai-nam-sai-floating-market",
        "category": "market",
        "scene": ("water_market", 105, "evening"),
        "title": tr("ตลาดน้ำอ่างเก็บน้ำห้วยน้ำใส", "Huai Nam Sai Floating Market"),
        "summary": tr(
            "ตลาดน้ำวันหยุดบนอ่างเก็บน้ำ ขายผักปลอดสาร ผลไม้ และอาหารพื้นเมืองจากเรือของชาวบ้าน",
            "A weekend market on the reservoir: villagers sell organic vegetables, fruit and local food "
            "from their boats.",
        ),
        "alt": tr(
            "เรือไม้หลายลำบรรทุกผักผลไม้หลากสีลอยอยู่บนผิวน้ำ",
            "Wooden boats loaded with colourful fruit and vegetables on the water",
        ),
        "caption": tr("เรือแม่ค้าช่วงเช้าวันเสาร์", "Market boats on a Saturday morning"),
        "body": paragraph(
            "มีเรือพายบริการรอบอ่างเก็บน้ำ ลำละ 50 บาท นำถุงผ้ามาเองเพื่อช่วยลดขยะพลาสติก",
            "Rowing boats take you round the reservoir for 50 baht a boat. Bring your own bag to cut plastic "
            "waste.",
        ),
        "lat": "19.906800",
        "lon": "99.828700",
        "address": tr("อ่างเก็บน้ำห้วยน้ำใส หมู่ 2 ตำบลดอยงาม", "Huai Nam Sai reservoir, Moo 2, Doi Ngam"),
        "periods": [(day, T(7), T(14)) for day in WEEKEND],
        "free_entry": True,
        "entry_fee": "",
        "best_season": tr("ตลอดปี", "All year"),
        "wheelchair_access": "partly",
        "accessible_toilet": "yes",
        "parking": "yes",
        "accessibility_notes": "",
        "phone": "053-123-472",
    },
    {
        "slug": "kad-doi-ngam-night-market",
        "category": "food",
        "scene": ("food", 106, "night"),
        "title": tr("กาดกลางคืนดอยงาม", "Doi Ngam Night Market"),
        "summary": tr(
            "ตลาดกลางคืนวันศุกร์และเสาร์ ข้าวซอย ไส้อั่ว และดนตรีพื้นเมือง เปิดถึงตีหนึ่ง",
            "A Friday and Saturday night market: khao soi, sai ua sausage and folk music, open until 1 am.",
        ),
        "alt": tr(
            "ข้าวซอยไก่ในชามสีขาวบนโต๊ะไม้ โรยหมี่กรอบ",
            "Chicken khao soi in a white bowl on a wooden table, topped with crispy noodles",
        ),
        "caption": tr("ข้าวซอยจากกาดกลางคืน", "Khao soi from the night market"),
        "body": paragraph(
            "ถนนหน้าสำนักงานเทศบาลปิดการจราจรตั้งแต่เวลา 16.00 น. จอดรถได้ที่ลานจอดรถโรงเรียนบ้านดอยงาม",
            "The road in front of the municipal office closes to traffic from 16:00. Park at Ban Doi Ngam school.",
        ),
        "lat": "19.911200",
        "lon": "99.842100",
        "address": tr("ถนนหน้าสำนักงานเทศบาลตำบลดอยงาม", "The road in front of the municipal office"),
        "periods": [(4, T(17), T(1)), (5, T(17), T(1))],
        "closed_dates": [datetime.date(2026, 12, 5), datetime.date(2027, 4, 16)],
        "opening_hours_note": tr(
            "งดจัดตลาดในวันที่มีพระราชพิธีหรือวันหยุดยาวตามประกาศของเทศบาล",
            "No market on days of royal ceremonies or long holidays announced by the municipality.",
        ),
        "free_entry": True,
        "entry_fee": "",
        "best_season": tr("ตลอดปี", "All year"),
        "wheelchair_access": "yes",
        "accessible_toilet": "yes",
        "parking": "partly",
        "accessibility_notes": "",
        "phone": "053-123-456",
    },
    {
        "slug": "ban-pa-miang-homestay",
        "category": "community",
        "scene": ("homestay", 107, "morning"),
        "title": tr("โฮมสเตย์ชุมชนบ้านป่าเหมี้ยง", "Ban Pa Miang Community Homestay"),
        "summary": tr(
            "พักบ้านไม้กับครอบครัวชาวบ้าน เก็บใบชา ทำเหมี้ยง และทำอาหารพื้นเมืองกับแม่บ้าน",
            "Stay in a wooden house with a village family: pick tea leaves, make miang and cook local food.",
        ),
        "alt": tr(
            "บ้านไม้ใต้ถุนสูงหลังคาจั่ว ด้านหน้าเป็นแนวไร่ชาสีเขียว",
            "A wooden house on stilts with a pitched roof behind green rows of tea",
        ),
        "caption": tr("บ้านพักหลังหนึ่งของกลุ่มโฮมสเตย์", "One of the homestay group's houses"),
        "body": paragraph(
            "กลุ่มโฮมสเตย์มีบ้านพัก 12 หลัง รายได้กระจายสู่สมาชิกชุมชน จองล่วงหน้าอย่างน้อย 3 วันทางโทรศัพท์หรือไลน์",
            "The homestay group has 12 houses and shares its income among members. Book at least 3 days ahead "
            "by phone or LINE.",
        ),
        "lat": "19.894300",
        "lon": "99.861200",
        "address": tr("หมู่ 3 บ้านป่าเหมี้ยง ตำบลดอยงาม", "Moo 3, Ban Pa Miang, Doi Ngam"),
        "periods": [(day, T(8), T(20)) for day in EVERY_DAY],
        "opening_hours_note": tr("เวลาเช็คอินและติดต่อสอบถาม", "Hours for check-in and enquiries"),
        "free_entry": False,
        "entry_fee": tr(
            "ห้องพักพร้อมอาหารสองมื้อ คนละ 600 บาทต่อคืน", "Room with two meals: 600 baht a person a night"
        ),
        "best_season": tr("ฤดูเก็บชา มีนาคม–พฤษภาคม", "Tea-picking season, March to May"),
        "wheelchair_access": "no",
        "accessible_toilet": "no",
        "parking": "yes",
        "accessibility_notes": "",
        "phone": "089-123-4567",
        "line_url": "https://line.me/R/ti/p/@pamiang.example",
    },
    {
        "slug": "doi-ngam-tea-museum",
        "category": "museum",
        "scene": ("museum", 108, "morning"),
        "title": tr("พิพิธภัณฑ์ชาและวิถีชุมชนดอยงาม", "Doi Ngam Museum of Tea and Village Life"),
        "summary": tr(
            "เรื่องราวของชาอัสสัมป่าและเหมี้ยงจากอดีตถึงปัจจุบัน พร้อมห้องชิมชาจากไร่ในตำบล",
            "The story of wild Assam tea and miang, past and present, with a tasting room for the "
            "subdistrict's teas.",
        ),
        "alt": tr(
            "อาคารพิพิธภัณฑ์สีครีม หลังคาสีแดง มีเสาเรียงด้านหน้า",
            "A cream museum building with a red roof and a row of columns",
        ),
        "caption": tr("อาคารพิพิธภัณฑ์", "The museum building"),
        "body": paragraph(
            "มีป้ายคำอธิบายภาษาไทย อังกฤษ และจีน นำชมเป็นหมู่คณะได้ โปรดแจ้งล่วงหน้า",
            "Labels are in Thai, English and Chinese. Guided group visits can be booked ahead.",
        ),
        "lat": "19.909800",
        "lon": "99.839500",
        "address": tr("ข้างสำนักงานเทศบาลตำบลดอยงาม หมู่ 1", "Next to the municipal office, Moo 1"),
        "periods": [(day, T(9), T(16, 30)) for day in range(1, 7)],
        "closed_dates": [datetime.date(2026, 12, 31), datetime.date(2027, 1, 1)],
        "opening_hours_note": tr("ปิดวันจันทร์และวันหยุดนักขัตฤกษ์", "Closed on Mondays and public holidays"),
        "free_entry": False,
        "entry_fee": tr("ผู้ใหญ่ 30 บาท เด็กและผู้สูงอายุเข้าฟรี", "Adults 30 baht; children and elders free"),
        "best_season": tr("ตลอดปี", "All year"),
        "wheelchair_access": "yes",
        "accessible_toilet": "yes",
        "parking": "yes",
        "accessibility_notes": tr(
            "มีลิฟต์ขึ้นชั้นสองและรถเข็นให้ยืม", "A lift to the first floor; wheelchairs to borrow."
        ),
        "phone": "053-123-480",
        "website": "https://museum.doingam.example.go.th/",
    },
    {
        "slug": "doi-ngam-tea-garden",
        "category": "nature",
        "scene": ("homestay", 109, "noon"),
        "title": tr("ไร่ชาดอยงาม", "Doi Ngam Tea Garden"),
        "summary": tr(
            "ไร่ชาขั้นบันไดบนไหล่เขา เดินชมไร่ ชิมชาอู่หลง และถ่ายรูปกับวิวหุบเขา",
            "Terraced tea on the hillside: walk the rows, taste oolong and photograph the valley.",
        ),
        "alt": tr("แนวต้นชาสีเขียวเรียงเป็นขั้นบนเนินเขา", "Green rows of tea bushes in terraces on a hill"),
        "caption": tr("ไร่ชาขั้นบันได", "The tea terraces"),
        "body": paragraph(
            "ชมการเก็บใบชาได้ช่วงเช้าในเดือนมีนาคมถึงพฤษภาคม ร้านชาในไร่รับเฉพาะเงินสดและพร้อมเพย์",
            "Leaf picking can be watched in the mornings from March to May. The tea shop takes cash and PromptPay "
            "only.",
        ),
        "lat": "19.925400",
        "lon": "99.847800",
        "address": tr("หมู่ 4 บ้านแม่ฟ้าหลวง ตำบลดอยงาม", "Moo 4, Ban Mae Fa Luang, Doi Ngam"),
        "periods": [(day, T(8), T(17)) for day in EVERY_DAY],
        "free_entry": True,
        "entry_fee": "",
        "best_season": tr("มีนาคม–พฤษภาคม", "March to May"),
        "wheelchair_access": "partly",
        "accessible_toilet": "no",
        "parking": "yes",
        "accessibility_notes": "",
        "phone": "",
    },
]


def events(today: datetime.date) -> list[dict]:
    """Events around the day the demo is loaded, so the demo always has something coming."""
    days = datetime.timedelta
    return [
        {
            "slug": "loy-krathong-huai-nam-sai",
            "scene": ("festival", 201, "night"),
            "title": tr("ลอยกระทงริมอ่างห้วยน้ำใส", "Loy Krathong by the Huai Nam Sai Reservoir"),
            "summary": tr(
                "ลอยกระทงใบตอง ชมโคมลอยที่ได้รับอนุญาต และขบวนแห่กระทงของทุกหมู่บ้าน",
                "Float a banana-leaf krathong, see the permitted lanterns and every village's krathong parade.",
            ),
            "alt": tr(
                "กระทงสีชมพูจุดเทียนลอยบนผืนน้ำยามค่ำ ท้องฟ้ามีโคมลอย",
                "Pink krathongs with candles floating on dark water, lanterns in the sky",
            ),
            "caption": tr("คืนลอยกระทงปีที่แล้ว", "Loy Krathong night last year"),
            "date_kind": "range",
            "start_date": today + days(days=1),
            "end_date": today + days(days=2),
            "start_time": datetime.time(17),
            "end_time": datetime.time(23),
            "date_note": tr("คืนวันเพ็ญเดือนสิบสอง", "The full-moon night of the twelfth lunar month"),
            "place": "huai-nam-sai-floating-market",
            "organiser": tr("เทศบาลตำบลดอยงาม", "Doi Ngam Subdistrict Municipality"),
            "free_entry": True,
            "body": paragraph(
                "เทศบาลขอความร่วมมือใช้กระทงจากวัสดุธรรมชาติ และงดจุดพลุในเขตชุมชน",
                "Please use krathongs made of natural materials, and no fireworks near houses.",
            ),
        },
        {
            "slug": "tea-harvest-festival",
            "scene": ("homestay", 202, "morning"),
            "title": tr("เทศกาลเก็บชาบ้านป่าเหมี้ยง", "Ban Pa Miang Tea Harvest Festival"),
            "summary": tr(
                "สามวันของการเก็บชา การแข่งขันคั่วชา และตลาดผลิตภัณฑ์ชุมชน",
                "Three days of tea picking, a tea-roasting contest and a market of village products.",
            ),
            "alt": tr("ไร่ชาขั้นบันไดกับบ้านไม้ยามเช้า", "Tea terraces and a wooden house in the morning"),
            "caption": tr("ไร่ชาของสมาชิกกลุ่มโฮมสเตย์", "A homestay member's tea garden"),
            "date_kind": "range",
            "start_date": today + days(days=12),
            "end_date": today + days(days=14),
            "start_time": datetime.time(8),
            "end_time": datetime.time(17),
            "date_note": "",
            "place": "ban-pa-miang-homestay",
            "organiser": tr("วิสาหกิจชุมชนชาป่าเหมี้ยง", "Pa Miang Tea Community Enterprise"),
            "free_entry": True,
            "body": paragraph(
                "ผู้ร่วมกิจกรรมเก็บชาได้รับชาที่คั่วเองกลับบ้าน รับจำนวนจำกัดวันละ 40 คน",
                "Pickers take home the tea they roast. Limited to 40 people a day.",
            ),
        },
        {
            "slug": "sea-of-mist-trail-run",
            "scene": ("viewpoint", 203, "morning"),
            "title": tr("วิ่งเทรลทะเลหมอกดอยงาม", "Doi Ngam Sea of Mist Trail Run"),
            "summary": tr(
                "วิ่งเทรลระยะ 10 และ 21 กิโลเมตร ผ่านไร่ชาสู่จุดชมวิวทะเลหมอก",
                "A 10 or 21 km trail run through the tea gardens to the sea of mist viewpoint.",
            ),
            "alt": tr("ทะเลหมอกยามเช้าเหนือทิวเขา", "Morning mist over the ridges"),
            "caption": "",
            "date_kind": "single",
            "start_date": today + days(days=33),
            "end_date": None,
            "start_time": datetime.time(5, 30),
            "end_time": datetime.time(11),
            "date_note": "",
            "place": None,
            "place_name": tr("สนามกีฬาเทศบาลตำบลดอยงาม (จุดปล่อยตัว)", "Doi Ngam municipal stadium (start)"),
            "place_address": tr(
                "หมู่ 1 ตำบลดอยงาม อำเภอแม่ฟ้า จังหวัดเชียงราย", "Moo 1, Doi Ngam, Mae Fa, Chiang Rai"
            ),
            "organiser": tr("ชมรมวิ่งดอยงาม", "Doi Ngam Running Club"),
            "organiser_url": "https://run.doingam.example/",
            "free_entry": False,
            "entry_fee": tr("ค่าสมัคร 500–800 บาท", "Entry 500–800 baht"),
            "body": paragraph(
                "รับสมัครถึงวันที่ 20 ของเดือนก่อนการแข่งขัน มีรถรับส่งจากตลาดตั้งแต่เวลา 04.30 น.",
                "Entries close on the 20th of the month before the race. Buses leave the market from 4:30.",
            ),
        },
        {
            "slug": "new-year-countdown",
            "scene": ("festival", 204, "night"),
            "title": tr("ส่งท้ายปีเก่าต้อนรับปีใหม่บนดอยงาม", "New Year's Eve on Doi Ngam"),
            "summary": tr(
                "นับถอยหลังสู่ปีใหม่ที่จุดชมวิว ดนตรีสด และชมพระอาทิตย์ขึ้นวันแรกของปี",
                "Count down to the new year at the viewpoint, with live music and the year's first sunrise.",
            ),
            "alt": tr("โคมไฟสีส้มลอยเหนือผืนน้ำยามค่ำ", "Orange lanterns above dark water"),
            "caption": "",
            "date_kind": "yearly",
            "start_date": datetime.date(2025, 12, 31),
            "end_date": datetime.date(2026, 1, 1),
            "start_time": datetime.time(19),
            "end_time": datetime.time(7),
            "date_note": "",
            "place": "doi-ngam-viewpoint",
            "organiser": tr("เทศบาลตำบลดอยงาม", "Doi Ngam Subdistrict Municipality"),
            "free_entry": True,
            "body": paragraph(
                "อากาศบนดอยอาจต่ำกว่า 8 องศาเซลเซียส เตรียมเสื้อกันหนาว รถยนต์ส่วนตัวขึ้นได้ถึงเวลา 22.00 น.",
                "It can drop below 8 °C on the hill: bring warm clothes. Private cars may drive up until 22:00.",
            ),
        },
        {
            "slug": "songkran-wat-phra-that",
            "scene": ("temple", 205, "noon"),
            "title": tr("สงกรานต์และสรงน้ำพระธาตุดอยงาม", "Songkran and the Bathing of Phra That Doi Ngam"),
            "summary": tr(
                "ขนทรายเข้าวัด สรงน้ำพระธาตุ รดน้ำดำหัวผู้สูงอายุ และขบวนแห่พระพุทธรูป",
                "Carrying sand to the temple, bathing the chedi, blessing the elders and a procession of "
                "Buddha images.",
            ),
            "alt": tr("เจดีย์สีทองใต้ท้องฟ้าสีฟ้า", "Golden chedis under a blue sky"),
            "caption": "",
            "date_kind": "yearly",
            "start_date": datetime.date(2026, 4, 13),
            "end_date": datetime.date(2026, 4, 15),
            "start_time": None,
            "end_time": None,
            "date_note": "",
            "place": "wat-phra-that-doi-ngam",
            "organiser": tr(
                "วัดพระธาตุดอยงามและเทศบาลตำบลดอยงาม", "Wat Phra That Doi Ngam and the municipality"
            ),
            "free_entry": True,
            "body": paragraph(
                "งดใช้ปืนฉีดน้ำแรงดันสูงและงดเครื่องดื่มแอลกอฮอล์ในเขตวัด",
                "No high-pressure water guns and no alcohol in the temple grounds.",
            ),
        },
    ]
