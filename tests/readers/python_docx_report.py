"""Print, as JSON, what python-docx reads from a .docx: paragraphs with style,
outline level and numbering properties, core properties, the default language
and the tables' header rows. Used by the cross-crate tests."""
import json
import sys

import docx
from docx.oxml.ns import qn


def paragraph_info(p):
    ppr = p._p.pPr
    num = None
    if ppr is not None and ppr.numPr is not None:
        num = {
            "num_id": int(ppr.numPr.numId.val) if ppr.numPr.numId is not None else None,
            "ilvl": int(ppr.numPr.ilvl.val) if ppr.numPr.ilvl is not None else 0,
        }
    style = p.style
    outline = None
    if style is not None and style.element.pPr is not None:
        lvl = style.element.pPr.find(qn("w:outlineLvl"))
        if lvl is not None:
            outline = int(lvl.get(qn("w:val")))
    return {"text": p.text, "style": style.name if style is not None else None, "outline": outline, "num": num}


def main(path):
    d = docx.Document(path)
    styles_root = d.styles.element
    lang = styles_root.find(".//" + qn("w:rPrDefault") + "//" + qn("w:lang"))
    fonts = styles_root.find(".//" + qn("w:rPrDefault") + "//" + qn("w:rFonts"))
    size = styles_root.find(".//" + qn("w:rPrDefault") + "//" + qn("w:sz"))
    section = d.sections[0]
    tables = []
    for t in d.tables:
        first = t.rows[0]._tr
        trpr = first.trPr
        tables.append({
            "rows": len(t.rows),
            "header_row_repeats": trpr is not None and trpr.find(qn("w:tblHeader")) is not None,
            "first_row": [c.text for c in t.rows[0].cells],
        })
    report = {
        "core": {
            "title": d.core_properties.title,
            "author": d.core_properties.author,
            "subject": d.core_properties.subject,
            "language": d.core_properties.language,
            "created": d.core_properties.created.isoformat() if d.core_properties.created else None,
            "modified": d.core_properties.modified.isoformat() if d.core_properties.modified else None,
        },
        "default_language": lang.get(qn("w:val")) if lang is not None else None,
        "default_font": fonts.get(qn("w:ascii")) if fonts is not None else None,
        "default_size_half_points": int(size.get(qn("w:val"))) if size is not None else None,
        "page": {"width_twips": section.page_width.twips, "height_twips": section.page_height.twips},
        "header": [p.text for p in section.header.paragraphs],
        "footer": [p.text for p in section.footer.paragraphs],
        "paragraphs": [paragraph_info(p) for p in d.paragraphs],
        "tables": tables,
    }
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
