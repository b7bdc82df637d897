#!/usr/bin/env python3
"""Compares the shipped catalog of an edition with a transcription of its score sheets, set by set
and criterion by criterion (the points of every level, in order), and prints one row per set: part
totals on each side, criteria with the same points, criteria that differ, criteria only on one side,
and the verification status the catalog ships. Re-run it when a new source is found (the Official
Gazette, a province's printed sheet) to see at once where it agrees with what we ship.

Standard library only. The transcription has the shape of the reference files:
  {"sets": [{"name": ..., "sections": [{"part": "A", "title": "1. ...",
             "criteria": [{"title": "1.1. ...", "levels": [{"points": 1, "text": ...}]}   # or
                          {"title": ..., "cases": [[{"points": ..., "text": ...}], ...]}]}]}]}

Usage: python3 tools/compare_transcription.py TRANSCRIPTION.json [--catalog src/data/1048-781]
                                              [--details] [--json]
Exit code 0 when it ran (differences are the output, not an error), 2 on bad arguments or files.
"""
import argparse
import difflib
import json
import sys
from pathlib import Path

from import_reference import slug, split_number

DEFAULT_CATALOG = Path(__file__).resolve().parent.parent / "src" / "data" / "1048-781"


def our_sets(catalog_dir):
    """The edition's sets in classification order, each as its catalog document."""
    folder = Path(catalog_dir)
    classification = json.loads((folder / "classification.json").read_text(encoding="utf-8"))
    ids = [set_id for ind in classification for grp in ind["groups"] for set_id in grp["sets"]]
    return [json.loads((folder / "sets" / f"{set_id}.json").read_text(encoding="utf-8")) for set_id in ids]


def our_points(c):
    """The points of a catalog criterion's levels in order (the cases one after the other)."""
    return [lv["points"] for lv in c.get("levels") or [lv for case in c.get("cases", []) for lv in case["levels"]]]


def their_points(c):
    """The points of a transcribed criterion's levels in order (the cases one after the other)."""
    return [lv["points"] for lv in c.get("levels") or [lv for case in c.get("cases", []) for lv in case]]


def totals(sections, points_of):
    """{part: sum of the criteria maxima}."""
    out = {}
    for sec in sections or []:
        for c in sec["criteria"]:
            points = points_of(c)
            if points:
                out[sec["part"]] = out.get(sec["part"], 0) + max(points)
    return out


def title_key(title):
    """A title for matching: ASCII, lower case, without a trailing "(...)"."""
    return slug(title.split("(")[0])


def our_criteria(doc):
    """[(criterion id, title key, [points])] of a catalog set, in sheet order."""
    return [(c["id"], title_key(c["title"]), our_points(c)) for sec in doc.get("sections", []) for c in sec["criteria"]]


def their_number(sec, c):
    """The number of a transcribed criterion. A section printed as one criterion takes the section's
    number, whether the transcription numbers it "7" or "7.1 <the section's title>"."""
    sec_no, sec_title = split_number(sec["title"])
    num, title = split_number(c["title"])
    alone = len(sec["criteria"]) == 1 and title_key(title) == title_key(sec_title)
    return sec_no if num is None or (alone and num == f"{sec_no}.1") else num


def their_criteria(raw):
    """[(criterion number, title key, [points])] of a transcribed set."""
    return [(their_number(sec, c), title_key(split_number(c["title"])[1]), their_points(c))
            for sec in raw.get("sections") or [] for c in sec["criteria"]]


def pair_criteria(ours, theirs):
    """Pairs criteria by title, then by a title that continues the other, then by number; returns
    (pairs of (ours, theirs), ours left, theirs left)."""
    pairs, left = [], list(theirs)
    rules = [lambda a, b: a[1] == b[1],
             lambda a, b: a[1] and b[1] and (a[1].startswith(b[1]) or b[1].startswith(a[1])),
             lambda a, b: a[0] == b[0]]
    unpaired = list(ours)
    for rule in rules:
        still = []
        for a in unpaired:
            match = next((b for b in left if rule(a, b)), None)
            if match is None:
                still.append(a)
            else:
                pairs.append((a, match))
                left.remove(match)
        unpaired = still
    return pairs, unpaired, left


def match_set(doc, theirs_by_slug):
    """Their set for one of ours: the same name (or the name ours was transcribed under), else the
    closest name if it is close enough; None when the transcription has no such set."""
    for name in (doc["name"], doc.get("provenance", {}).get("transcribed_name", "")):
        if slug(name) in theirs_by_slug:
            return theirs_by_slug[slug(name)]
    close = difflib.get_close_matches(slug(doc["name"]), list(theirs_by_slug), n=1, cutoff=0.85)
    return theirs_by_slug[close[0]] if close else None


def compare_set(doc, raw):
    ours = our_criteria(doc)
    row = {"set": doc["id"], "name": doc["name"], "status": doc["status"],
           "verification": (doc.get("verification") or {}).get("status", "-"),
           "ours": totals(doc.get("sections"), our_points)}
    if raw is None:
        row.update({"theirs": None, "same": 0, "differ": [], "only_ours": [a[0] for a in ours], "only_theirs": []})
        return row
    pairs, only_ours, only_theirs = pair_criteria(ours, their_criteria(raw))
    row["theirs"] = totals(raw.get("sections"), their_points)
    row["same"] = sum(1 for a, b in pairs if a[2] == b[2])
    row["differ"] = [{"criterion": a[0], "theirs_number": b[0], "ours": a[2], "theirs": b[2]} for a, b in pairs if a[2] != b[2]]
    row["only_ours"] = [a[0] for a in only_ours]
    row["only_theirs"] = [b[0] for b in only_theirs]
    return row


def compare(catalog_dir, transcription):
    theirs_by_slug = {slug(s["name"]): s for s in transcription["sets"]}
    return [compare_set(doc, match_set(doc, theirs_by_slug)) for doc in our_sets(catalog_dir)]


def totals_text(totals):
    return "/".join(str(totals.get(p, 0)) for p in ("A", "B", "C")) if totals else "-"


def print_table(rows, details, out):
    head = ["set", "ours A/B/C", "theirs A/B/C", "same", "differ", "only ours", "only theirs", "shipped verification"]
    body = [[r["set"], totals_text(r["ours"]), "not found" if r["theirs"] is None else totals_text(r["theirs"]),
             str(r["same"]), str(len(r["differ"])), str(len(r["only_ours"])), str(len(r["only_theirs"])),
             r["verification"]] for r in rows]
    widths = [max(len(line[i]) for line in [head] + body) for i in range(len(head))]
    for line in [head, ["-" * w for w in widths]] + body:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() + "\n")
    agree = sum(1 for r in rows if r["theirs"] is not None and not r["differ"] and not r["only_ours"] and not r["only_theirs"])
    out.write(f"\n{len(rows)} sets: {agree} agree on every point, "
              f"{sum(1 for r in rows if r['theirs'] is None)} not in the transcription\n")
    if details:
        for r in rows:
            for d in r["differ"]:
                out.write(f'{r["set"]} {d["criterion"]}: ours {d["ours"]}, theirs {d["theirs"]}\n')


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("transcription")
    parser.add_argument("--catalog", default=str(DEFAULT_CATALOG), help="an edition folder (default: src/data/1048-781)")
    parser.add_argument("--details", action="store_true", help="also list every criterion that differs")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    try:
        transcription = json.loads(Path(args.transcription).read_text(encoding="utf-8"))
        rows = compare(args.catalog, transcription)
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_table(rows, args.details, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
