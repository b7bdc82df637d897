#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz_corpus/<target>/seed-*) from the
embedded catalog data in src/data and a few hand-made edge cases. Run from the repository root:
    python3 tools/make_fuzz_seeds.py
Files named crash-*/regression-* (past findings) are never touched. docs/testing.md explains."""
import json, os, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "src/data/1048-781"
OUT = ROOT / "tests/fuzz_corpus"
ED = "1048-781"


def write(target, name, content):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    data = content if isinstance(content, bytes) else (
        content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)).encode()
    (d / f"seed-{name}").write_bytes(data)


def load_sets():
    sets = {}
    for p in sorted((DATA / "sets").glob("*.json")):
        s = json.loads(p.read_text())
        sets[s["id"]] = s
    return sets


def criteria(s):
    for sec in s.get("sections", []):
        for c in sec["criteria"]:
            yield c


def best_card(s, evaluator="m", pick=-1):
    answers = {}
    for c in criteria(s):
        if "cases" in c:
            answers[c["id"]] = {"case": c["cases"][0]["id"], "level": c["cases"][0]["levels"][pick]["id"]}
        else:
            answers[c["id"]] = c["levels"][pick]["id"]
    return {"edition": ED, "set": s["id"], "evaluator": evaluator, "answers": answers}


def main():
    sets = load_sets()
    scored = [s for s in sets.values() if s.get("status") != "unavailable" and s.get("sections")]
    edition = json.loads((DATA / "edition.json").read_text())
    rau = sets["rau-cu-qua-hat-tuoi"]

    # catalog_edition: the edition with one and with two sets, plus broken variants.
    classification = json.loads((DATA / "classification.json").read_text())
    documents = json.loads((DATA / "dossier-documents.json").read_text())

    def edition_with(*chosen):
        ids = {c["id"] for c in chosen}
        cls = json.loads(json.dumps(classification))
        for ind in cls:
            for grp in ind["groups"]:
                grp["sets"] = [x for x in grp["sets"] if x in ids]
        e = dict(edition, id="fuzz-2099", valid_from="2099-01-01", classification=cls,
                 dossier_documents=documents, sets=list(chosen))
        e.pop("valid_until", None)
        return e

    one = edition_with(rau)
    write("catalog_edition", "one-set.json", one)
    write("catalog_edition", "no-sets.json", {k: v for k, v in edition_with().items() if k != "sets"})
    tea = sets.get("che-tuoi-che-bien")
    if tea:
        write("catalog_edition", "tea.json", edition_with(tea))
    write("catalog_edition", "wrong-types.json", dict(one, parts="A", star_bands=[{"stars": "5"}]))
    write("catalog_edition", "empty-object.json", "{}")
    write("catalog_edition", "not-json.txt", "{\"id\": ")

    # catalog_set: every shipped sheet (as a replacement), and edge cases.
    for sid in ["rau-cu-qua-hat-tuoi", "che-tuoi-che-bien", "gao-ngu-coc", "dich-vu-du-lich-cong-dong-va-diem-du-lich"]:
        if sid in sets:
            write("catalog_set", f"{sid}.json", sets[sid])
    dup = json.loads(json.dumps(rau))
    dup["sections"][0]["criteria"].append(dup["sections"][0]["criteria"][0])
    write("catalog_set", "duplicate-criterion.json", dup)
    neg = json.loads(json.dumps(rau))
    neg["sections"][0]["criteria"][0]["levels"][0]["points"] = -1
    write("catalog_set", "negative-points.json", neg)

    # scorecard: a best card for every sheet, worst cards, and edge cases.
    for s in scored:
        write("scorecard", f"best-{s['id']}.json", best_card(s))
    write("scorecard", "worst-rau.json", best_card(rau, pick=0))
    card = best_card(rau)
    card["knockouts"] = ["food-safety-certificate-not-compliant"]
    write("scorecard", "declared-knockout.json", card)
    card = best_card(rau)
    card["answers"]["1.1"] = "z"
    card["answers"]["99"] = "a"
    write("scorecard", "unknown-level.json", card)
    write("scorecard", "wrong-types.json", {"edition": 1, "set": [], "answers": "c"})

    # council: three members, one diverging, a policy.
    lower = best_card(rau, "m3")
    lower["answers"].update({"1.1": "a", "1.2": "a", "2.1": "a"})
    cards = [best_card(rau, "m1"), best_card(rau, "m2"), lower]
    write("council", "three.json", {"scorecards": cards})
    write("council", "policy.json", {"policy": {"divergence_limit": 5, "minimum_members": 3, "display_decimals": 3,
                                                "knockouts": "majority", "level": "district"}, "scorecards": cards})
    write("council", "mixed-sets.json", {"scorecards": [best_card(rau), best_card(scored[0]), best_card(rau)]})
    write("council", "empty.json", {"scorecards": []})

    # batch: first byte picks a sheet, then rows of option indices.
    for i in range(4):
        write("batch", f"zeros-{i}", bytes([i]) + bytes(64))
        write("batch", f"no-answer-{i}", bytes([i]) + bytes([255]) * 64)
        write("batch", f"ramp-{i}", bytes([i]) + bytes(j % 7 for j in range(128)))

    # capi: first byte picks the entry point (fuzz/capi.cpp), then the string argument.
    def capi(name, op, text):
        write("capi", name, bytes([op]) + text.encode())
    capi("validate-edition.json", 0, json.dumps(one, ensure_ascii=False))
    capi("add-edition.json", 1, json.dumps(one, ensure_ascii=False))
    capi("add-set.json", 2, json.dumps(rau, ensure_ascii=False))
    capi("score.json", 3, json.dumps(best_card(rau), ensure_ascii=False))
    capi("council.json", 4, json.dumps({"scorecards": cards}, ensure_ascii=False))
    capi("in-force", 5, "2021-10-20")
    capi("in-force-bad", 5, "2021-02-30")
    capi("edition", 6, ED)
    capi("sets", 7, ED)
    capi("set", 8, ED + "\nrau-cu-qua-hat-tuoi")
    capi("option-index", 9, "rau-cu-qua-hat-tuoi\n1.1 c")
    capi("option-index-missing", 9, "rau-cu-qua-hat-tuoi\n3.2 b")
    # Workflow entry points, from the event and log seeds (fuzz/workflow_seeds.cpp writes those).
    reg = OUT / "event" / "seed-0-registered.json"
    log = OUT / "log_import" / "seed-path.jsonl"
    if reg.exists() and log.exists():
        capi("registry-apply.json", 10, reg.read_text())
        capi("import-log.jsonl", 11, log.read_text())
        capi("log-verify.jsonl", 12, log.read_text())
        capi("workflow-apply.json", 13, reg.read_text())
        state = OUT / "state" / "seed-1-submitted.json"
        council_event = OUT / "event" / "seed-2-council_result.json"
        if state.exists() and council_event.exists():
            capi("workflow-apply-state.json", 14, state.read_text() + "\n" + council_event.read_text())


if __name__ == "__main__":
    main()
