#!/usr/bin/env python3
"""One-off importer: turns the one known score sheet of the 148/QĐ-TTg era (fresh produce, from a
scoring application's print-out, Thái Bình, June 2024) into the project's catalog files
(src/data/148/). The build never runs this script: the files it writes are committed and are the
source of truth from then on. The sheet is built as the 26/2026 sheets are (tools/import_26_2026.py:
levels marked with asterisks become `min_star_levels`, knock-out notes become rules), and every value
that is our reading of the print-out is listed under the set's `readings`.

Usage: python3 tools/import_148_sheet.py PATH/TO/score-sheet-148-fresh-produce-2024.json src/data/148
"""
import json
import sys
from pathlib import Path

from import_26_2026 import SetBuilder
from import_second_transcription import ordered

DECISION = "148/QĐ-TTg"
SIGNED = "2023-02-24"
VALID_UNTIL = "2025-07-05"  # the procedure of 148 (src/data/procedures/148.json); a test checks they agree
SET_NAME = "Rau, củ, quả, hạt tươi"
SHEET = (f"{DECISION} ({SIGNED}): phiếu đánh giá sản phẩm nhóm rau, củ, quả, hạt tươi, as printed by a public OCOP "
         "scoring application (Thái Bình, 2024-06); the set is not named on the sheet")
SOURCE = ("Single source, unofficial: a score-sheet PDF printed by a public OCOP scoring application "
          "(quyenncph25762/OCOP_SCORE, Uploads/phieu-cham-Nguyễn Công Bin.pdf, blob d2c3498, created 2024-06, "
          "when 148/QĐ-TTg was in force); its criteria are those of 'Rau, củ, quả, hạt tươi'")
SOURCE_ID = "OCOP_SCORE print-out (Thái Bình, 2024-06)"
LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h"]  # the Vietnamese order of printed sub-items
OTHER_SETS = ("the score sheets of 148/QĐ-TTg are not available to us; only the fresh-produce sheet "
              "'rau-cu-qua-hat-tuoi' is known, from a scoring application's print-out (docs/catalog.md, edition 148)")


class Sheet148(SetBuilder):
    """SetBuilder with 148's provenance, its food-safety note as a rule, and one minimum per star."""

    def __init__(self, raw):
        super().__init__(raw, "food", "I.1")
        self.sheet = SHEET
        self.doc["provenance"].update({"source": SOURCE, "sheet": SHEET})

    def knockouts(self, crit):
        rules = super().knockouts(crit)
        low = (crit.get("note") or "").lower()
        if rules is None and "không đánh giá các bước tiếp theo" in low and "đủ điều kiện attp" in low:
            rules = [{"id": "food-safety-certificate-not-compliant", "outcome": "evaluation_stopped",
                      "trigger": {"kind": "declared"}, "text": crit["note"], "source": self.sheet}]
        return rules

    def one_minimum_per_star(self):
        """A criterion marked twice for the same stars (1*4 and 2*4): the lower level is the minimum."""
        for sec in self.doc["sections"]:
            for c in sec["criteria"]:
                points = {lv["id"]: lv["points"] for lv in c.get("levels", [])}
                kept = {}
                for mark in c.get("min_star_levels", []):
                    if mark["stars"] in kept:
                        low, high = sorted([kept[mark["stars"]], mark["level"]], key=points.get)
                        kept[mark["stars"]] = low
                        self.reading("repeated_star_mark", f'criterion {c["id"]} ("{c["title"]}"): levels {low} and '
                                     f'{high} are both marked as the minimum for {mark["stars"]} stars; the minimum is '
                                     f"the lower one, {low} (at least {points[low]})", c["id"])
                    else:
                        kept[mark["stars"]] = mark["level"]
                if c.get("min_star_levels"):
                    c["min_star_levels"] = [{"stars": s, "level": lv} for s, lv in kept.items()]


def prepare(raw):
    """Numbers the lettered criteria ("a) ..." → 1.1), and moves notes stored as answer options to
    the criterion's note. Returns {criterion id: printed letter} and the readings made."""
    printed, readings = {}, []
    for sec in raw["sections"]:
        sec_no = sec["title"].split(".")[0].strip()
        for c in sec["criteria"]:
            letter, _, title = c["title"].partition(") ")
            if title and letter in LETTERS:
                num = f"{sec_no}.{LETTERS.index(letter) + 1}"
                c["title"] = f"{num}. {title}"
                printed[num] = f"{letter})"
            num = c["title"].split(". ")[0] if ". " in c["title"] else sec_no
            for lv in [lv for lv in c["levels"] if lv["text"].startswith(("(", "Ghi chú"))]:
                c["levels"].remove(lv)
                c["note"] = ((c.get("note") or "") + " " + lv["text"]).strip()
                readings.append((num, f'criterion {num}: the print-out lists "{lv["text"][:60]}…" as an answer worth '
                                      f'{lv["points"]} points; it is a note, and we read it as the criterion\'s note'))
    return printed, readings


def build_set(ref):
    raw = json.loads(json.dumps(ref["sets"][0]))
    printed, note_readings = prepare(raw)
    parts = {p["code"]: {"declared_in_title": p["max_points"], "max": p["max_points"]} for p in ref["parts"]}
    raw.update({"number": 1, "name": SET_NAME, "title_in_sheet": ref["sets"][0]["name"], "sheet_notes": [],
                "parts": parts})
    builder = Sheet148(raw)
    for num, text in note_readings:
        builder.reading("note_as_level", text, num)
    doc = builder.build()
    builder.one_minimum_per_star()
    for sec in doc["sections"]:
        for c in sec["criteria"]:
            if c["id"] in printed:
                c["printed_number"] = printed[c["id"]]
    doc.update({"code": "I.1.a", "status": "incomplete" if doc["gaps"] else "complete_with_reading"})
    doc["verification"] = {"status": "single_source", "sources": [SOURCE_ID], "values": [],
                           "text": "single source: a scoring application's print-out; the set is not named on the sheet"}
    doc["minimum_requirements"] = []
    return doc


def edition_document(ref):
    bands = [(1, 0, 30, False), (2, 30, 50, False), (3, 50, 70, True), (4, 70, 90, True), (5, 90, 100, True)]
    return {
        "id": "148",
        "name": "Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (148/QĐ-TTg): one sheet known",
        "legal_references": [{"id": DECISION, "title": "Quyết định số 148/QĐ-TTg của Thủ tướng Chính phủ ban hành Bộ "
                              "tiêu chí và Quy trình đánh giá, phân hạng sản phẩm OCOP (thay thế 1048/QĐ-TTg, 781/QĐ-TTg)",
                              "signed": SIGNED}],
        "valid_from": SIGNED,
        "valid_until": VALID_UNTIL,
        "parts": [{"id": p["code"], "name": p["name"].capitalize(), "max_points": p["max_points"]} for p in ref["parts"]],
        "star_bands": [{"stars": s, "from": f, "to": t, "recognised": r, "meaning": f"{s} sao"} for s, f, t, r in bands],
        "bands_source": "[open] 148/QĐ-TTg's own article on the bands is not in our sources: the bands of 1048/QĐ-TTg "
                        "(Phụ lục II) and of 26/2026/QĐ-TTg, which are identical, are used; 148's procedure (district "
                        "forwards 70-100 points, province proposes 90-100) agrees with them",
        "minimum_requirements": [],
        "other_sets_unavailable": OTHER_SETS,
    }


def main(src, out_dir):
    ref = json.loads(Path(src).read_text(encoding="utf-8"))
    out = Path(out_dir)
    (out / "sets").mkdir(parents=True, exist_ok=True)
    doc = build_set(ref)
    classification = [{"id": "food", "code": "I", "name": "Thực phẩm", "groups": [
        {"id": "I.1", "name": "(the groups of 148/QĐ-TTg are not available to us: this set only)", "sets": [doc["id"]]}]}]
    files = {"edition.json": edition_document(ref), "classification.json": classification, "dossier-documents.json": [],
             f'sets/{doc["id"]}.json': ordered(doc)}
    for name, value in files.items():
        (out / name).write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
