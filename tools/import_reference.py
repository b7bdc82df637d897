#!/usr/bin/env python3
"""One-off importer: turns the unofficial transcription of the 1048/781 score sheets into the
project's own catalog files (src/data/1048-781/). The build never runs this script: the generated
JSON files are committed and are the project's source of truth from then on. It is kept so that a
reviewer can see exactly how every value was derived from the transcription.

Usage: python3 tools/import_reference.py PATH/TO/score-sheets-1048-781.json src/data/1048-781
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

SOURCE = ("Unofficial transcription of the 1048/QĐ-TTg score sheets as amended by 781/QĐ-TTg, "
          "extracted from the seed database of a public OCOP management web application (data dated 2022)")
SHEET_SOURCE = "1048/QĐ-TTg (2019-08-21), Phụ lục III, as amended by 781/QĐ-TTg (2020-06-08)"
CROSS_CHECKED = {"Rau, củ, quả, hạt tươi"}
ALIASES = {"Ngành vải, may mặc": "Vải, may mặc", "Cà phê, Ca cao": "Cà phê, ca cao"}


def slug(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def split_number(title):
    m = re.match(r"^\s*(\d+(?:\.\d+)*)\.?\s*(.*)$", title or "")
    return (m.group(1), m.group(2).strip()) if m else (None, (title or "").strip())


def make_levels(raw, first=0):
    return [{"id": chr(ord("a") + first + i), "points": lv["points"], "label": lv["text"].strip()}
            for i, lv in enumerate(raw)]


def knockout_rules(crit_id, note, levels, section_criteria):
    """Knock-out notes printed on the sheet become rules with an explicit outcome and trigger."""
    if not note:
        return []
    low = note.lower()
    if "bị loại" in low:
        fact = "ip-infringement" if "sở hữu trí tuệ" in low else "imported-or-untraceable-raw-materials"
        return [{"id": fact, "outcome": "eliminated", "trigger": {"kind": "declared"}, "text": note,
                 "source": SHEET_SOURCE}]
    if "bước tiếp theo" in low or "chỉ tiêu khác" in low:
        if "0 điểm" in low and "các chỉ tiêu trên" in low:
            # "0 points at one of the criteria above" (same section, up to and including this one)
            triggers = [{"criterion": c["id"], "level": lv["id"]} for c in section_criteria
                        for lv in c.get("levels", []) if lv["points"] == 0]
            triggers += [{"criterion": crit_id, "level": lv["id"]} for lv in levels if lv["points"] == 0]
            return [{"id": "zero-points-above", "outcome": "evaluation_stopped",
                     "trigger": {"kind": "levels", "levels": triggers}, "text": note, "source": SHEET_SOURCE}]
        if "0 điểm" in low:
            triggers = [{"criterion": crit_id, "level": lv["id"]} for lv in levels if lv["points"] == 0]
            return [{"id": "zero-points", "outcome": "evaluation_stopped",
                     "trigger": {"kind": "levels", "levels": triggers}, "text": note, "source": SHEET_SOURCE}]
        if "tạp chất" in low:
            fact = "unacceptable-foreign-matter"
        elif "công bố" in low:
            fact = "quality-declaration-missing"
        elif "đủ điều kiện sản xuất" in low:
            fact = "production-certificate-not-compliant"
        else:
            fact = "food-safety-certificate-not-compliant"
        return [{"id": fact, "outcome": "evaluation_stopped", "trigger": {"kind": "declared"}, "text": note,
                 "source": SHEET_SOURCE}]
    return []


def story_condition(criteria_by_id, note):
    story = criteria_by_id.get("5.1")
    levels = [lv["id"] for lv in story["levels"] if lv["label"].lower().startswith("có câu chuyện")]
    return {"criterion": "5.1", "levels": levels, "text": note, "source": SHEET_SOURCE}


def find_min_level(crit, predicate):
    pts = [lv["points"] for lv in crit.get("levels", []) if predicate(lv["label"].lower())]
    return min(pts) if pts else None


def minimum_requirement_links(set_doc, industry):
    """Links the known 781 minimum requirements to this sheet's criteria by their printed labels."""
    links, unmapped = [], []
    all_crit = [(sec, c) for sec in set_doc["sections"] for c in sec["criteria"]]

    def link(req, sec_pred, level_pred):
        for sec, c in all_crit:
            if sec_pred(sec["title"].lower(), c["title"].lower()):
                pts = find_min_level(c, level_pred)
                if pts is not None:
                    links.append({"requirement": req, "criterion": c["id"], "at_least_points": pts})
                    return
        unmapped.append(req)

    link("781-3-product-standard", lambda s, c: "công bố" in s or "công bố" in c,
         lambda l: "tiêu chuẩn sản phẩm" in l and not l.startswith("không"))
    if industry in ("food", "beverage", "herbal", "textile_garment"):
        link("781-3-quality-control-plan", lambda s, c: "đảm bảo chất lượng" in s,
             lambda l: "kế hoạch kiểm soát chất lượng" in l)
    link("781-4-uniqueness", lambda s, c: "độc đáo" in s or "độc đáo" in c,
         lambda l: "độc đáo" in l and "tương đối" not in l and not l.startswith("không"))
    return links, unmapped


def convert_set(raw, code, industry, group):
    set_id = slug(ALIASES.get(raw["name"], raw["name"]))
    doc = {"id": set_id, "code": code, "name": ALIASES.get(raw["name"], raw["name"]),
           "industry": industry, "group": group, "status": "complete", "gaps": [],
           "provenance": {"source": SOURCE, "sheet": SHEET_SOURCE, "transcribed_name": raw["name"],
                          "cross_checked": raw["name"] in CROSS_CHECKED,
                          "anomalies": list(raw.get("anomalies", []))},
           "sections": []}
    seen_ids = {}
    for sec in raw.get("sections") or []:
        sec_no, sec_title = split_number(sec["title"])
        out_sec = {"id": sec_no, "part": sec["part"], "title": sec_title, "criteria": []}
        if sec.get("note"):
            out_sec["note"] = sec["note"]
        for c in sec["criteria"]:
            num, title = split_number(c["title"])
            if num is None:  # the section is itself the criterion
                num, title = sec_no, sec_title
            crit = {"id": num, "title": title}
            if num in seen_ids:  # the transcription prints the same number twice: keep it, make the id unique
                crit["id"] = f"{num}-{seen_ids[num] + 1}"
                crit["printed_number"] = num
                doc["provenance"]["anomalies"].append(
                    f'criterion number "{num}" is printed twice; the later one ("{title}") has id "{crit["id"]}"')
            seen_ids[num] = seen_ids.get(num, 0) + 1
            if c.get("heading"):
                h_no, h_title = split_number(c["heading"])
                crit["heading"] = {"id": h_no, "title": h_title}
            if c.get("note"):
                crit["note"] = c["note"]
            if c.get("evidence_guidance"):
                crit["evidence_guidance"] = c["evidence_guidance"]
            if "cases" in c:  # level ids run on across cases, so an id names its case too
                crit["cases"], first = [], 0
                for i, case in enumerate(c["cases"]):
                    crit["cases"].append({"id": str(i + 1), "label": f"Trường hợp {i + 1}",
                                          "levels": make_levels(case, first)})
                    first += len(case)
            else:
                crit["levels"] = make_levels(c["levels"])
            out_sec["criteria"].append(crit)
        doc["sections"].append(out_sec)

    by_id = {c["id"]: c for s in doc["sections"] for c in s["criteria"]}
    for raw_sec, sec in zip(raw.get("sections") or [], doc["sections"]):
        for i, crit in enumerate(sec["criteria"]):
            note = crit.get("note", "")
            if "chỉ áp dụng khi có câu chuyện" in note.lower():
                crit["applies_if"] = story_condition(by_id, note)
            rules = knockout_rules(crit["id"], note, crit.get("levels", []), sec["criteria"][:i])
            if rules:
                crit["knockouts"] = rules

    for anomaly in raw.get("anomalies", []):
        m = re.match(r"part (\w) sums to (\d+), expected (\d+)", anomaly)
        if m and raw.get("sections"):
            doc["gaps"].append({"kind": "part_total", "part": m.group(1), "text": anomaly})
        m = re.match(r'criterion "(\d+(?:\.\d+)*)\.? .*two consecutive levels both give', anomaly)
        if m:
            doc["gaps"].append({"kind": "duplicate_level_points", "criterion": m.group(1), "text": anomaly})
    if not raw.get("sections"):
        doc["status"] = "unavailable"
        doc["gaps"].append({"kind": "sheet_missing", "text": "no score sheet in the transcription"})
    elif doc["gaps"]:
        doc["status"] = "incomplete"
    links, unmapped = minimum_requirement_links(doc, industry) if doc["sections"] else ([], [])
    doc["minimum_requirements"] = links
    if unmapped:
        doc["provenance"]["minimum_requirements_not_linked"] = unmapped
    return doc


def main(src, out_dir):
    ref = json.load(open(src, encoding="utf-8"))
    by_name = {s["name"]: s for s in ref["sets"]}
    out = Path(out_dir)
    (out / "sets").mkdir(parents=True, exist_ok=True)
    classification = []
    for ind in ref["classification"]["industries"]:
        groups = []
        for grp in ind["groups"]:
            set_ids = []
            for s in grp["sets"]:
                code = f'{ind["code"]}.{grp["code"]}' + ("" if s["code"] == "-" else f'.{s["code"]}')
                doc = convert_set(by_name[s["sheet_in_this_file"]], code, ind["key"], f'{ind["code"]}.{grp["code"]}')
                doc["lead_ministry"] = s["lead_ministry"]
                set_ids.append(doc["id"])
                with open(out / "sets" / f'{doc["id"]}.json', "w", encoding="utf-8") as f:
                    json.dump(doc, f, ensure_ascii=False, indent=2)
                    f.write("\n")
            groups.append({"id": f'{ind["code"]}.{grp["code"]}', "name": grp["name"], "sets": set_ids})
        classification.append({"id": ind["key"], "code": ind["code"], "name": ind["name"], "groups": groups})
    docs = [{"id": f"doc-{i + 1:02d}", "title": d["title"], "description": d["description"],
             "required": d["required"]} for i, d in enumerate(ref["dossier_documents"])]
    for name, value in (("classification", classification), ("dossier-documents", docs)):
        with open(out / f"{name}.json", "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
