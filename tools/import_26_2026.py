#!/usr/bin/env python3
"""One-off importer: turns the transcription of the 26 score sheets of Decision 26/2026/QĐ-TTg
(Phụ lục II) into the project's own catalog files (src/data/26-2026/). The build never runs this
script: the generated JSON files are committed and are the project's source of truth from then on.
It is kept so that a reviewer can see exactly how every value was derived from the transcription,
and which values are our reading rather than the printed text (each one is listed under the set's
"readings" with its reason; nothing is corrected silently).

Usage: python3 tools/import_26_2026.py PATH/TO/score-sheets-26-2026.json src/data/26-2026
"""
import json
import re
import sys
from pathlib import Path

from import_reference import slug, split_number  # the same slugs and printed numbers as 1048-781

DECISION = "26/2026/QĐ-TTg"
SIGNED = "2026-05-22"
SOURCE = ("Transcription, unverified against the Official Gazette: the score sheets of Decision 26/2026/QĐ-TTg "
          "(Phụ lục II), extracted from an HTML transcript of the decision in a public GitHub repository "
          "(hakienpdu95/minhan, docs/bnn_txng.html, commit 8870762) and checked against an independent parse "
          "of the same HTML")
# How sure the sheets are (docs/catalog.md, "Verification"): one transcription of the decision; the
# parse it was checked against reads the same HTML, so it is not a second source.
VERIFICATION = {"status": "single_source", "sources": ["hakienpdu95/minhan docs/bnn_txng.html (commit 8870762)"], "values": [],
                "text": "one transcription of the decision (an HTML transcript), checked against an independent parse "
                        "of the same HTML, which is not a second source; unverified against the Official Gazette"}
STAR_MARK_NOTE = "Dấu sao là yêu cầu tối thiểu"  # the legend under each sheet, printed with small variations

# Industries ("Sản phẩm") in the order Phụ lục II first prints them. The ids reuse 1048-781's
# where the industry is the same; the roman codes are ours (the decision prints none).
INDUSTRIES = [
    ("Thực phẩm", "food"),
    ("Đồ uống", "beverage"),
    ("Dược liệu", "herbal"),
    ("Thủ công mỹ nghệ", "handicraft"),
    ("Sinh vật cảnh", "ornamental"),
    ("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", "tourism"),
]
# Printed spellings that name the same industry ("Hàng thủ công mỹ nghệ" on sheet 22).
INDUSTRY_ALIASES = {"Hàng thủ công mỹ nghệ": "Thủ công mỹ nghệ"}
ROMAN = ["I", "II", "III", "IV", "V", "VI"]


def classification_of(line):
    """'(Sản phẩm: Thực phẩm. Nhóm: Thực phẩm tươi sống)' -> ('Thực phẩm', 'Thực phẩm tươi sống' or None)."""
    m = re.match(r"^\(Sản phẩm:\s*(.*?)(?:[.,]\s*Nhóm:\s*(.*?))?\)$", line.strip())
    industry = INDUSTRY_ALIASES.get(m.group(1).strip(), m.group(1).strip())
    return industry, (m.group(2).strip() if m.group(2) else None)


class SetBuilder:
    """Builds one set document; every reading and gap is recorded as it is made."""

    def __init__(self, raw, industry_id, group_id):
        self.raw = raw
        self.sheet = f'{DECISION} ({SIGNED}), Phụ lục II, bộ {raw["number"]}'
        self.readings, self.gaps = [], []
        self.doc = {"id": slug(raw["name"]), "code": str(raw["number"]), "name": raw["name"],
                    "industry": industry_id, "group": group_id, "status": "complete", "gaps": self.gaps,
                    "readings": self.readings,
                    "provenance": {"source": SOURCE, "sheet": self.sheet, "transcribed_name": raw["title_in_sheet"],
                                   "cross_checked": False, "anomalies": list(raw["anomalies"])},
                    "verification": dict(VERIFICATION), "notes": list(raw["sheet_notes"]), "sections": []}

    def reading(self, kind, text, criterion=None, part=None):
        entry = {"kind": kind}
        if part:
            entry["part"] = part
        if criterion:
            entry["criterion"] = criterion
        entry["text"] = text
        self.readings.append(entry)

    def levels(self, crit_id, title, raw_levels, first=0):
        out = []
        for i, lv in enumerate(raw_levels):
            level = {"id": chr(ord("a") + first + i), "points": lv["points"], "label": lv["text"].strip()}
            if lv["points"] is None:
                level["points"] = 0
                self.reading("points_not_printed", f'criterion {crit_id} ("{title}"): the level "{level["label"]}" is '
                             "printed without points; we read 0, the points the same level gives where the sheets "
                             "print them (sets 1, 3, 6 and the other sheets that print this level)", crit_id)
            out.append(level)
        return out

    def typo(self, crit_id, title, levels, printed_max):
        """A level above the printed maximum whose last digit is plausible ('13' for 3, '11' for 1)."""
        for lv in levels:
            if lv["points"] > printed_max and str(lv["points"])[-1].isdigit() and int(str(lv["points"])[-1]) <= printed_max:
                read = int(str(lv["points"])[-1])
                self.reading("probable_typo", f'criterion {crit_id} ("{title}"): level {lv["id"]} ("{lv["label"]}") is '
                             f'printed "{lv["points"]}" but the criterion\'s printed maximum is {printed_max} and the '
                             f"levels rise in order; we read {read} (probable typo)", crit_id)
                lv["points"] = read

    def bilingual(self, crit_id, title, printed_max):
        self.reading("levels_not_printed", f'criterion {crit_id} ("{title}") is printed with a maximum of '
                     f'{printed_max} and no answer levels; we read two levels: "Không" 0 and "Có" {printed_max}', crit_id)
        return [{"id": "a", "points": 0, "label": "Không (our reading: the sheet prints no answer levels)"},
                {"id": "b", "points": printed_max, "label": "Có (our reading: the sheet prints no answer levels)"}]

    def min_stars(self, raw_levels, levels):
        return [{"stars": lv["min_star"], "level": out["id"]} for lv, out in zip(raw_levels, levels) if lv.get("min_star")]

    def criterion(self, sec_no, sec_title, c):
        num, title = split_number(c["title"])
        if num is None:  # printed without a number: the section is itself the criterion
            num, title = sec_no, sec_title
        crit = {"id": num, "title": title}
        if c.get("heading"):
            h_no, h_title = split_number(c["heading"])
            crit["heading"] = {"id": h_no, "title": h_title}
        if c.get("note"):
            crit["note"] = c["note"]
        printed_max = c["max"]
        if isinstance(printed_max, str):  # "4 1" (sheet 23, section 9): the levels decide
            top = max(lv["points"] for lv in c["levels"])
            self.reading("probable_typo", f'section {sec_no} ("{title}"): the maximum is printed "{printed_max}"; its '
                         f"levels give {top} and part C sums to 35 with {top}, so we read {top} (probable typo)", num)
            printed_max = top
        marks = []
        if c.get("cases"):
            crit["cases"], first = [], 0
            for i, case in enumerate(c["cases"]):
                levels = self.levels(num, title, case, first)
                label = c["case_labels"][i] if c.get("case_labels") else f"Trường hợp {i + 1}"
                crit["cases"].append({"id": str(i + 1), "label": label, "levels": levels})
                marks += self.min_stars(case, levels)
                first += len(case)
        elif not c["levels"]:
            crit["levels"] = self.bilingual(num, title, printed_max)
        else:
            crit["levels"] = self.levels(num, title, c["levels"])
            self.typo(num, title, crit["levels"], printed_max)
            marks = self.min_stars(c["levels"], crit["levels"])
            points = [lv["points"] for lv in crit["levels"]]
            if len(set(points)) != len(points):
                self.gaps.append({"kind": "duplicate_level_points", "criterion": num,
                                  "text": f'criterion {num} ("{title}"): two levels give the same points {points} as '
                                          "printed; which one was meant to differ is not known"})
        if marks:
            crit["min_star_levels"] = marks
        return crit

    def knockouts(self, crit):
        note = (crit.get("note") or "")
        low = note.lower()
        rule = None
        if "bị loại nếu" in low:
            fact = "copy-of-another-product" if "giống hệt" in low else "imported-or-untraceable-raw-materials"
            rule = {"id": fact, "outcome": "eliminated", "trigger": {"kind": "declared"}}
        elif "0 điểm tại một trong các chỉ tiêu trên" in low:
            return None  # handled with the section (needs the criteria above)
        elif "tạp chất" in low and ("bước tiếp theo" in low or "chỉ tiêu khác" in low):
            rule = {"id": "unacceptable-foreign-matter", "outcome": "evaluation_stopped", "trigger": {"kind": "declared"}}
        elif "không đánh giá các bước tiếp theo nếu không có phiếu công bố" in low:
            rule = {"id": "product-declaration-missing", "outcome": "evaluation_stopped", "trigger": {"kind": "declared"}}
        if rule:
            rule.update({"text": note, "source": self.sheet})
            return [rule]
        return None

    def section(self, sec):
        sec_no, sec_title = split_number(sec["title"])
        out = {"id": sec_no, "part": sec["part"], "title": sec_title}
        if sec.get("note"):
            out["note"] = sec["note"]
        out["criteria"] = []
        for c in sec["criteria"]:
            crit = self.criterion(sec_no, sec_title, c)
            rules = self.knockouts(crit)
            if rules:
                crit["knockouts"] = rules
            if "0 điểm tại một trong các chỉ tiêu trên" in (crit.get("note") or "").lower():
                triggers = [{"criterion": x["id"], "level": lv["id"]} for x in out["criteria"] + [crit]
                            for lv in x.get("levels", []) if lv["points"] == 0]
                crit["knockouts"] = [{"id": "zero-points-above", "outcome": "evaluation_stopped",
                                      "trigger": {"kind": "levels", "levels": triggers}, "text": crit["note"],
                                      "source": self.sheet}]
            out["criteria"].append(crit)
        return out

    def story_condition(self):
        by_id = {c["id"]: c for s in self.doc["sections"] for c in s["criteria"]}
        for c in by_id.values():
            note = c.get("note", "")
            if "chỉ áp dụng khi có câu chuyện" in note.lower():
                story = by_id["5.1"]
                levels = [lv["id"] for lv in story["levels"] if lv["label"].lower().startswith("có câu chuyện")]
                assert levels, f"set {self.raw['number']}: no story level in 5.1"
                c["applies_if"] = {"criterion": "5.1", "levels": levels, "text": note, "source": self.sheet}

    def header_readings(self):
        for part, p in self.raw["parts"].items():
            if p["declared_in_title"] != p["max"]:
                self.reading("printed_header", f'part {part}: the header prints ({p["declared_in_title"]} Điểm) but the '
                             f'points of its criteria sum to {p["max"]}, the maximum {DECISION} sets for part {part}; '
                             f'we follow the points ({p["max"]})', part=part)

    def disqualifier(self):
        text = self.raw.get("disqualifier")
        if not text:
            self.doc["provenance"]["anomalies"].append('the sheet prints no "Hồ sơ bị loại khi" line')
            return
        self.doc["knockouts"] = [{"id": "dossier-disqualified", "outcome": "eliminated", "trigger": {"kind": "declared"},
                                  "text": text, "source": self.sheet}]

    def build(self):
        for sec in self.raw["sections"]:
            self.doc["sections"].append(self.section(sec))
        self.story_condition()
        self.header_readings()
        self.disqualifier()
        if STAR_MARK_NOTE not in " ".join(self.raw["sheet_notes"]) and any(
                c.get("min_star_levels") for s in self.doc["sections"] for c in s["criteria"]):
            self.doc["provenance"]["anomalies"].append(
                "the sheet marks minimum levels with asterisks but prints no note explaining them; we read them as "
                "the other sheets' note does (*** 3 sao, **** 4 sao, ***** 5 sao)")
        self.doc["status"] = "incomplete" if self.gaps else "complete_with_reading" if self.readings else "complete"
        self.check_totals()
        return self.doc

    def check_totals(self):
        totals = {}
        for s in self.doc["sections"]:
            for c in s["criteria"]:
                pts = [lv["points"] for lv in c.get("levels", [])] + [lv["points"] for k in c.get("cases", []) for lv in k["levels"]]
                totals[s["part"]] = totals.get(s["part"], 0) + max(pts)
        assert totals == {"A": 40, "B": 25, "C": 35}, (self.raw["number"], totals)


def edition_document(ref):
    q = ref["articles_quoted"]
    meanings = [re.sub(r"^[a-zđ]\) ", "", line) for line in q["star_bands"]]
    bands = [(5, 90, 100, True), (4, 70, 90, True), (3, 50, 70, True), (2, 30, 50, False), (1, 0, 30, False)]
    return {
        "id": "26-2026",
        "name": "Bộ tiêu chí đánh giá sản phẩm OCOP (26/2026/QĐ-TTg)",
        "legal_references": [{"id": DECISION, "title": "Quyết định số 26/2026/QĐ-TTg của Thủ tướng Chính phủ, Phụ lục II: "
                              "Bộ tiêu chí đánh giá sản phẩm OCOP (kiêm phiếu đánh giá)", "signed": SIGNED}],
        "valid_from": SIGNED,
        "parts": [{"id": p["code"], "name": p["name"], "max_points": p["max_points"]} for p in ref["parts"]],
        "star_bands": [{"stars": s, "from": f, "to": t, "recognised": r, "meaning": meanings[5 - s]}
                       for s, f, t, r in reversed(bands)],
        "bands_source": f"{DECISION}: \"Tổng điểm trung bình đạt từ 90 đến 100 điểm\" (5 sao), \"từ 70 đến dưới 90\" "
                        "(4 sao), \"từ 50 đến dưới 70\" (3 sao), \"từ 30 đến dưới 50\" (2 sao), \"dưới 30\" (1 sao); "
                        "UBND cấp tỉnh công nhận 3 và 4 sao, Bộ Nông nghiệp và Môi trường 5 sao; 1 và 2 sao không "
                        "được công nhận (the article number is not in our transcription)",
    }


def main(src, out_dir):
    ref = json.load(open(src, encoding="utf-8"))
    out = Path(out_dir)
    (out / "sets").mkdir(parents=True, exist_ok=True)
    industries = {name: {"id": iid, "code": ROMAN[i], "name": name, "groups": []} for i, (name, iid) in enumerate(INDUSTRIES)}
    for raw in ref["sets"]:
        industry_name, group_name = classification_of(raw["classification_line"])
        ind = industries[industry_name]
        group_name = group_name or industry_name  # sheets 23-26 print no group: the product is the group
        group = next((g for g in ind["groups"] if g["name"] == group_name), None)
        if group is None:
            group = {"id": f'{ind["code"]}.{len(ind["groups"]) + 1}', "name": group_name, "sets": []}
            ind["groups"].append(group)
        doc = SetBuilder(raw, ind["id"], group["id"]).build()
        group["sets"].append(doc["id"])
        with open(out / "sets" / f'{doc["id"]}.json', "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
    files = {"edition": edition_document(ref), "classification": list(industries.values()), "dossier-documents": []}
    for name, value in files.items():
        with open(out / f"{name}.json", "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
