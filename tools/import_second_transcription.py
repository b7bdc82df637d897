#!/usr/bin/env python3
"""One-off importer: applies the comparison of the 1048/781 sheets with a second, independent
transcription to the project's catalog files (src/data/1048-781/sets/). The build never runs this
script: the JSON files it writes are committed and are the source of truth from then on. It is kept
so that a reviewer can see how every verification status, correction and the "Gạo, ngũ cốc" sheet
were derived.

- every set gets a `verification` (two sources agree / single source / sources differ / corrected);
- "Gạo, ngũ cốc" gets its sheet from the second transcription (single source);
- where the second transcription's values make part C reach the 40 points 1048 prints and ours do
  not, they are adopted ("corrected"), ours kept in the criterion's verification;
- where the second transcription is wrong and ours sums to the part maximum, ours is kept and the
  criterion says "sources differ".

Usage: python3 tools/import_second_transcription.py PATH/TO/score-sheets-1048-second-transcription.json src/data/1048-781
(on the files as tools/import_reference.py wrote them: `git show b26d3a1:src/data/1048-781/...`)
"""
import json
import sys
from pathlib import Path

import compare_transcription as cmp
from import_reference import convert_set, make_levels, minimum_requirement_links, slug, split_number

FIRST = "ommani_ocop (2022)"
SECOND = "congnn1107/ocop_project (2020-11)"
SECOND_SOURCE = ("Second, independent unofficial transcription of the 1048/QĐ-TTg score sheets: table tb_bo_tieu_chi "
                 "of the SQL dump of a public OCOP project (congnn1107/ocop_project, setup-data/database/OCOP_DB.sql, "
                 "commit 4d6ea0c, rows dated 2020-11)")
PART_C = "part C sums to 40, the maximum 1048/QĐ-TTg prints, with the second transcription's values, and to 38 with ours"

# Where the second transcription makes part C reach its maximum and ours does not: its values are adopted.
CORRECTED = {
    "che-bien-tu-gao-ngu-coc": (["6.2"], "our 6.2 gives 3 points to two levels (0, 1, 3, 3); the second transcription "
                                          "gives 0, 1, 2, 3, distinct points rising with the levels, for the same wording"),
    "tuong-nuoc-mam-gia-vi-dang-long-khac": (["7"], PART_C + " (7 Tính độc đáo: 0, 1, 3, 5 as on the other sheets of "
                                                     "the food industry, rather than 0, 1, 2, 3)"),
    "do-uong-co-con-khac": (["6.2", "6.3", "6.5", "7"], PART_C + " (6.5 Vị reaches 8); its 6.2, 6.3, 6.5 and 7 are "
                                                           "adopted together, as one sheet"),
}
# Where the second transcription is wrong: ours is consistent with the part maximum and kept.
SECOND_WRONG = {
    "mat-ong-cac-san-pham-tu-mat-ong-mat-khac": "the second transcription's rows of part C are shifted (9.1 in two "
        "cases, 9.2 holding the levels of 10, 10 those of 11, 11 missing: part C 38); ours sums to 40",
    "che-bien-tu-rau-cu-qua-hat": "the second transcription lacks 3.1's highest level (3 points: part A 34); ours sums to 35",
    "nuoc-khoang-thien-nhien-nuoc-uong-tinh-khiet": "the second transcription gives 0 for 7's highest level where ours "
        "gives 10 (part C 35); ours sums to 40",
}
TOURISM = "dich-vu-du-lich-cong-dong-va-diem-du-lich"


def levels_text(levels):
    return " · ".join(f'{lv["points"]} «{lv.get("label", lv.get("text", "")).strip()}»' for lv in levels)


def their_criterion(raw, crit_id):
    """The transcribed criterion numbered crit_id."""
    return next(c for sec in raw["sections"] for c in sec["criteria"] if cmp.their_number(sec, c) == crit_id)


def criteria_of(doc):
    return {c["id"]: c for sec in doc["sections"] for c in sec["criteria"]}


def relink(doc):
    links, unmapped = minimum_requirement_links(doc, doc["industry"])
    doc["minimum_requirements"] = links
    doc["provenance"].pop("minimum_requirements_not_linked", None)
    if unmapped:
        doc["provenance"]["minimum_requirements_not_linked"] = unmapped


def differing_points(row, side):
    """"6.2: 0, 1, 3, 3; part totals 35/25/40" for one side of a compared set."""
    crits = "; ".join(f'{d["criterion"]}: {", ".join(map(str, d[side]))}' for d in row["differ"])
    return f"{crits}; part totals {cmp.totals_text(row[side])}"


def correct(doc, raw, row, crit_ids, evidence):
    crits = criteria_of(doc)
    for cid in crit_ids:
        ours, theirs = crits[cid], their_criterion(raw, cid)
        before = levels_text(ours["levels"])
        ours["levels"] = make_levels(theirs["levels"])
        same_words = [lv["label"] for lv in ours["levels"]] == [lv["text"].strip() for lv in theirs["levels"]] and \
            len(theirs["levels"]) == before.count("«")
        ours["verification"] = {
            "status": "corrected", "sources": [SECOND],
            "values": [{"source": FIRST, "value": before}, {"source": SECOND, "value": levels_text(ours["levels"])}],
            "text": evidence + ". Shipped: the second transcription's levels, points and wording"
                    + ("" if same_words else " (the wording differs too: ours is kept in values)")}
    doc["gaps"] = []
    doc["status"] = "complete_with_reading" if doc.get("readings") else "complete"
    doc["provenance"]["anomalies"].append(f"corrected from a second transcription ({SECOND}): criteria "
                                          f"{', '.join(crit_ids)}; see their verification")
    relink(doc)
    doc["verification"] = {"status": "corrected", "sources": [FIRST, SECOND],
                           "values": [{"source": FIRST, "value": differing_points(row, "ours")},
                                      {"source": SECOND, "value": differing_points(row, "theirs")}],
                           "text": f"{evidence}; every other criterion's points agree between the two"}


def keep_ours(doc, row, reason):
    crits = criteria_of(doc)
    differing = [d["criterion"] for d in row["differ"]] + row["only_ours"]
    for d in row["differ"]:
        crits[d["criterion"]]["verification"] = {
            "status": "sources_differ", "sources": [FIRST],
            "values": [{"source": FIRST, "value": ", ".join(map(str, d["ours"]))},
                       {"source": SECOND, "value": ", ".join(map(str, d["theirs"]))}],
            "text": f"sources differ; ours consistent with the part maximum and shipped: {reason}"}
    for cid in row["only_ours"]:
        crits[cid]["verification"] = {
            "status": "sources_differ", "sources": [FIRST],
            "values": [{"source": FIRST, "value": ", ".join(str(lv["points"]) for lv in crits[cid]["levels"])},
                       {"source": SECOND, "value": "not in this transcription"}],
            "text": f"sources differ; ours consistent with the part maximum and shipped: {reason}"}
    doc["verification"] = {"status": "sources_differ", "sources": [FIRST],
                           "values": [{"source": FIRST, "value": differing_points(row, "ours")},
                                      {"source": SECOND, "value": differing_points(row, "theirs")}],
                           "text": f"sources differ on criteria {', '.join(differing)}, ours kept: {reason}; "
                                   "every other criterion's points agree"}


def agree(doc, row):
    text = "every criterion's points and maximum agree between two independent transcriptions (wording differs in places)"
    if row["ours"].get("C") != 40:
        text += f"; both sum part C to {row['ours'].get('C')}, not 40: the sheet stays incomplete"
    doc["verification"] = {"status": "two_sources_agree", "sources": [FIRST, SECOND], "values": [], "text": text}


def move_title_notes(raw):
    """The second transcription prints notes inside titles ("4.2. Tổ chức phân phối (Gồm: ...)");
    our sheets keep them as the criterion's note. A one-criterion section takes the section's number."""
    for sec in raw["sections"]:
        sec_no, sec_title = split_number(sec["title"])
        for c in sec["criteria"]:
            num, title = split_number(c["title"])
            if "(" in title and title.endswith(")"):
                cut = title.index("(")
                c["note"], title = title[cut:], title[:cut].strip()
            if len(sec["criteria"]) == 1 and slug(title) == slug(sec_title):
                num = None
            c["title"] = f"{num}. {title}" if num else title


def rice_sheet(raw, old):
    """'Gạo, ngũ cốc' from the second transcription, in our format."""
    raw = json.loads(json.dumps(raw))
    move_title_notes(raw)
    doc = convert_set(raw, old["code"], old["industry"], old["group"])
    doc["lead_ministry"] = old["lead_ministry"]
    doc["provenance"].update({"source": SECOND_SOURCE, "transcribed_name": raw["name"], "cross_checked": False})
    crits = criteria_of(doc)
    crits["5.1"].pop("applies_if", None)
    doc["provenance"]["anomalies"] += [
        "the second transcription prints the note 'Chỉ áp dụng khi có câu chuyện, đánh giá nội dung câu chuyện' on 5.1 "
        "(on the first transcription's sheets it is 5.2's): kept as 5.1's note, it makes no rule, so 5.2 is scored "
        "with or without a story",
        "the second transcription stores no notes under criteria: the knock-out notes printed on the other 1048 "
        "sheets (1.1 raw materials, foreign matter, food-safety certificate) are not in our only source for this sheet "
        "and are not applied"]
    eight = next(s for s in doc["sections"] if s["id"] == "8")
    printed = eight["title"]
    eight["title"] = eight["criteria"][0]["title"] = "TÍNH ĐỘC ĐÁO"
    doc["readings"] = [{"kind": "probable_typo", "criterion": "8", "text":
                        f'section 8 is titled "{printed}" in the second transcription (the only one of this sheet), but its '
                        "levels (Trung bình 0, Tương đối độc đáo 1, Độc đáo 3, Rất độc đáo 5) are those of "
                        '"TÍNH ĐỘC ĐÁO", section 8 of "Rau, củ, quả, hạt tươi", and section 9 is "CÔNG BỐ CHẤT LƯỢNG '
                        'SẢN PHẨM, KIỂM TRA ĐỊNH KỲ": we read the title "TÍNH ĐỘC ĐÁO" (points unchanged)'}]
    doc["status"] = "complete_with_reading"
    relink(doc)
    doc["verification"] = {"status": "single_source", "sources": [SECOND], "values": [],
                           "text": "only the second transcription has this sheet (the first has the set but no criteria); "
                                   "single source, unofficial"}
    return doc


KEY_ORDER = ["id", "code", "name", "industry", "group", "lead_ministry", "status", "gaps", "readings", "notes",
             "knockouts", "provenance", "verification", "sections", "minimum_requirements"]


def ordered(doc):
    """The set's keys in the order the library writes them (ocop catalog show --json)."""
    return {k: doc[k] for k in KEY_ORDER if k in doc} | {k: v for k, v in doc.items() if k not in KEY_ORDER}


def main(src, out_dir):
    second = json.loads(Path(src).read_text(encoding="utf-8"))
    theirs_by_slug = {slug(s["name"]): s for s in second["sets"]}
    out = Path(out_dir) / "sets"
    for doc in cmp.our_sets(out_dir):
        raw = cmp.match_set(doc, theirs_by_slug)
        row = cmp.compare_set(doc, raw)
        if doc["id"] == "gao-ngu-coc":
            doc = rice_sheet(raw, doc)
        elif doc["id"] == TOURISM:
            doc["verification"] = {"status": "single_source", "sources": [FIRST], "values": [],
                                   "text": "the second transcription holds the original 1048 tourism sheet ('Dịch vụ du "
                                           "lịch - truyền thống - lễ hội'), not the sheet 781/QĐ-TTg replaced it with: "
                                           "no second source for this one"}
        elif doc["id"] in CORRECTED:
            correct(doc, raw, row, *CORRECTED[doc["id"]])
        elif doc["id"] in SECOND_WRONG:
            keep_ours(doc, row, SECOND_WRONG[doc["id"]])
        else:
            assert not row["differ"] and not row["only_ours"] and not row["only_theirs"], doc["id"]
            agree(doc, row)
        if doc["id"] not in ("gao-ngu-coc", TOURISM):
            doc["provenance"]["cross_checked"] = True
        (out / f'{doc["id"]}.json').write_text(json.dumps(ordered(doc), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
