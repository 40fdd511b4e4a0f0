"""Build the receipt fonts: Sarabun with extra ligatures so that SARA AM copies out of a PDF as Thai.

Why: HarfBuzz splits SARA AM (ำ) into NIKHAHIT + SARA AA when it shapes Thai. WeasyPrint maps each
glyph back to text once per glyph, so the SARA AA glyph (shared with า) cannot also stand for ำ:
"ตำบล" came out of the PDF as "ตาบล". These fonts put the pieces back together in one glyph
(ligatures after Sarabun's own), whose text is ำ, or ่ำ / ้ำ / ๊ำ / ๋ำ with a tone mark.

Source: Sarabun 400 and 700 TTF from the npm package @expo-google-fonts/sarabun 0.4.1 (SIL OFL 1.1,
no reserved font name). Run: `python payments/fonts/build_receipt_font.py <Regular.ttf> <Bold.ttf>`.
"""

import sys
from pathlib import Path

from fontTools.otlLib.builder import buildLigatureSubstSubtable
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

HERE = Path(__file__).resolve().parent
TONES = ["0E48", "0E49", "0E4A", "0E4B"]


def _composite(font, name, parts):
    glyf = font["glyf"]
    glyph = Glyph()
    glyph.components = []
    for base, dx in parts:
        component = GlyphComponent()
        component.glyphName = base
        component.x, component.y = dx, 0
        component.flags = 0x4  # ROUND_XY_TO_GRID
        glyph.components.append(component)
    glyph.numberOfContours = -1
    glyf[name] = glyph
    font["hmtx"][name] = (font["hmtx"]["uni0E32"][0], 0)
    glyph.recalcBounds(glyf)
    font["hmtx"][name] = (font["hmtx"]["uni0E32"][0], glyph.xMin)


def build(source, target, family):
    font = TTFont(source)
    glyf = font["glyf"]
    order = list(font.getGlyphOrder())
    # Where SARA AM draws its NIKHAHIT, relative to the NIKHAHIT glyph on its own.
    am, nikhahit = glyf["uni0E33"], glyf["uni0E4D"]
    am.recalcBounds(glyf)
    nikhahit.recalcBounds(glyf)
    dx = am.xMin - nikhahit.xMin
    ligatures = {("uni0E4D", "uni0E32"): "uni0E33"}
    if "uni0E4D.narrow" in order:
        ligatures[("uni0E4D.narrow", "uni0E32")] = "uni0E33"
    new = []
    for tone in TONES:
        for suffix in ("", ".narrow"):
            pair = f"uni0E4D{tone}{suffix}"
            if pair not in order:
                continue
            name = f"uni{tone}_uni0E33{suffix}"
            new.append(name)
            _composite(font, name, [(pair, dx), ("uni0E32", 0)])
            ligatures[(pair, "uni0E32")] = name
    font.setGlyphOrder(order + new)
    glyf.glyphOrder = font.getGlyphOrder()
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef:
        for name in new:
            font["GDEF"].table.GlyphClassDef.classDefs[name] = 1
    gsub = font["GSUB"].table
    lookup = otTables.Lookup()
    lookup.LookupType = 4
    lookup.LookupFlag = 0
    lookup.SubTable = [buildLigatureSubstSubtable({k: v for k, v in ligatures.items()})]
    lookup.SubTableCount = 1
    gsub.LookupList.Lookup.append(lookup)
    gsub.LookupList.LookupCount = len(gsub.LookupList.Lookup)
    index = len(gsub.LookupList.Lookup) - 1
    # Appended to Sarabun's own `ccmp` features (a second `ccmp` would be ignored): applied last.
    ccmp = [record for record in gsub.FeatureList.FeatureRecord if record.FeatureTag == "ccmp"]
    if not ccmp:
        raise SystemExit("the source font has no ccmp feature")
    for record in ccmp:
        record.Feature.LookupListIndex.append(index)
        record.Feature.LookupCount = len(record.Feature.LookupListIndex)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = str(record.toUnicode()).replace("Sarabun", family)
        elif record.nameID == 6:
            record.string = str(record.toUnicode()).replace("Sarabun", family.replace(" ", ""))
    font.save(target)


if __name__ == "__main__":
    regular, bold = sys.argv[1:3]
    build(regular, HERE / "SarabunReceipt-Regular.ttf", "Sarabun Receipt")
    build(bold, HERE / "SarabunReceipt-Bold.ttf", "Sarabun Receipt")
