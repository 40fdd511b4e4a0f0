"""Every office already there gets the default categories (a new office gets them from
`problems.signals`). The list is copied here, not imported: a migration must not change when the code
does."""

from django.db import migrations

CATEGORIES = [
    ("street-light", "ไฟฟ้าส่องสว่างดับ", "Street light out", "ไฟถนนดับ กะพริบ หรือเสา/สายไฟชำรุด",
     "A street light is off, blinking, or its pole or wire is damaged", "💡", 2, 7, False),
    ("garbage", "ขยะไม่ได้จัดเก็บ", "Garbage not collected", "ขยะตกค้าง ถังขยะเต็มหรือชำรุด",
     "Garbage left behind, a full or broken bin", "🗑", 1, 3, False),
    ("pothole", "ถนนชำรุด เป็นหลุมบ่อ", "Pothole or broken road", "ถนนเป็นหลุม ทรุด หรือแตก",
     "A hole, a dip or a crack in the road", "🚧", 2, 15, False),
    ("blocked-drain", "ท่อระบายน้ำอุดตัน", "Blocked drain", "น้ำท่วมขัง ท่อหรือรางระบายน้ำอุดตัน",
     "Standing water, a blocked drain or gutter", "🌊", 1, 7, False),
    ("fallen-tree", "ต้นไม้ล้ม กีดขวาง", "Fallen tree", "ต้นไม้หรือกิ่งไม้ล้มขวางทางหรือพาดสายไฟ",
     "A tree or branch across the road or on wires", "🌳", 1, 3, False),
    ("mosquito", "แหล่งเพาะพันธุ์ยุงลาย", "Mosquito breeding site", "น้ำขังที่ยุงลายวางไข่ ขอพ่นหมอกควัน",
     "Still water where mosquitoes breed; ask for fogging", "🦟", 1, 5, False),
    ("corruption", "ร้องเรียนการทุจริต", "Corruption complaint", "การทุจริตหรือประพฤติมิชอบของเจ้าหน้าที่ (ไม่เปิดเผยต่อสาธารณะ)",
     "Corruption or misconduct by staff (never shown in public)", "⚖", 3, 30, True),
]  # fmt: skip


def forwards(apps, schema_editor):
    Office = apps.get_model("offices", "Office")
    Category = apps.get_model("problems", "Category")
    for office in Office.objects.all():
        existing = set(Category.objects.filter(office=office).values_list("code", flat=True))
        for index, (
            code,
            name_th,
            name_en,
            words_th,
            words_en,
            icon,
            response,
            resolution,
            sensitive,
        ) in enumerate(CATEGORIES):
            if code not in existing:
                Category.objects.create(
                    office=office, code=code, name_th=name_th, name_en=name_en, description_th=words_th,
                    description_en=words_en, icon=icon, response_days=response, resolution_days=resolution,
                    sensitive=sensitive, sort_order=index,
                )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("problems", "0001_categories_and_reports"), ("offices", "0006_local_holidays")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
