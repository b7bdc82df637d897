#!/usr/bin/env python3
"""Python baselines for ocop_bench (stdlib only). Run by ocop_bench; prints one JSON line.

  baseline.py score DIR REPEATS
      A straightforward pure-Python implementation of the same scoring as ocop's batch path:
      scorecards as dicts {criterion id: level id or (case id, level id)}, sheets as dicts, the
      same rules (applicability, level-triggered knock-outs, minimum-requirement caps, bands on
      the exact mean, a council knocked out when any member reports a knock-out). DIR holds
      spec.json and rows-<i>.bin written by ocop_bench; rows become dicts before the clock starts.

  baseline.py ctypes DIR REPEATS EDITION
      The Python bindings (bindings/python, ctypes over libocop.so; OCOP_LIBRARY and PYTHONPATH
      set by ocop_bench): the same rows scored with one Sheet.score() call per set (the batch;
      results as lists, and as arrays with arrays=True), with one Sheet.score() call per
      scorecard, and, on a subset, one Catalog.score() call per
      scorecard given as JSON text (the per-call API with explanations).

Times are the thread's CPU time (time.thread_time), best of REPEATS, as in ocop_bench.
"""

import json
import sys
import time


def load(directory):
    with open(f"{directory}/spec.json", encoding="utf-8") as f:
        spec = json.load(f)
    per_product = spec["members"] * spec["rounds"]
    work = []  # (sheet, [scorecard dicts in (product, round, member) order])
    for i, s in enumerate(spec["sets"]):
        with open(f"{directory}/rows-{i}.bin", "rb") as f:
            rows = f.read()
        n = len(s["options"])
        cards = []
        for r in range(s["products"] * per_product):
            answers = {}
            for slot, index in enumerate(rows[r * n:(r + 1) * n]):
                if index == 255:
                    continue
                case, level = s["options"][slot][index]
                answers[s["criteria"][slot]["id"]] = level if case is None else (case, level)
            cards.append(answers)
        work.append((s, cards))
    return spec, work


def score_card(sheet, answers, bands):
    """Total, outcome (0 evaluated, 1 eliminated, 2 stopped) and stars of one scorecard."""
    points = {}
    total = 0
    stopped = eliminated = stopped_any = False
    for c in sheet["criteria"]:
        cid = c["id"]
        if stopped:
            points[cid] = 0
            continue
        cond = c.get("applies_if")
        if cond is not None:
            ref = answers.get(cond["criterion"])
            ref_level = ref[1] if isinstance(ref, tuple) else ref
            if ref_level not in cond["levels"]:
                if cid in answers:
                    raise ValueError(f"criterion {cid} does not apply")
                points[cid] = 0
                continue
        a = answers.get(cid)
        if a is None:
            raise ValueError(f"missing answer for criterion {cid}")
        p = c["cases"][a[0]][a[1]] if isinstance(a, tuple) else c["levels"][a]
        for ko in c["knockouts"]:
            if any(answers.get(t_crit) == t_level for t_crit, t_level in ko["triggers"]):
                if ko["eliminated"]:
                    eliminated = True
                else:
                    stopped = stopped_any = True
        points[cid] = p
        total += p
    if eliminated:
        return total, 1, 0
    if stopped_any:
        return total, 2, 0
    stars = band(bands, total, 1)
    band_stars = stars
    for cap in sheet["caps"]:
        if band_stars >= cap["stars"] and points.get(cap["criterion"], 0) < cap["at_least"]:
            stars = min(stars, cap["stars"] - 1)
    return total, 0, stars


def band(bands, total_sum, members):
    """The band of the exact mean total_sum / members (integer comparisons)."""
    for b in bands:
        upper_ok = total_sum < b["to"] * members or (b["to"] == 100 and total_sum == 100 * members)
        if b["from"] * members <= total_sum and upper_ok:
            return b["stars"]
    raise ValueError(f"mean {total_sum}/{members} is outside every band")


def run_scoring(spec, work):
    members = spec["members"]
    bands = spec["bands"]
    totals_sum = stars_sum = council_stars_sum = 0
    for sheet, cards in work:
        for c0 in range(0, len(cards), members):
            council_total = 0
            knocked_out = False
            for answers in cards[c0:c0 + members]:
                total, outcome, stars = score_card(sheet, answers, bands)
                totals_sum += total
                stars_sum += stars
                council_total += total
                knocked_out = knocked_out or outcome != 0
            council_stars_sum += 0 if knocked_out else band(bands, council_total, members)
    return totals_sum, stars_sum, council_stars_sum


def best_of(repeats, fn):
    best = None
    for _ in range(repeats):
        t0 = time.thread_time()
        result = fn()
        s = time.thread_time() - t0
        best = s if best is None else min(best, s)
    return best, result


def run_ctypes(directory, repeats, edition):
    import ocop  # pylint: disable=import-outside-toplevel

    with open(f"{directory}/spec.json", encoding="utf-8") as f:
        spec = json.load(f)
    per_product = spec["members"] * spec["rounds"]
    cat = ocop.Catalog.embedded()
    blocks = []  # (sheet, flat rows, [row bytes], slots)
    for i, s in enumerate(spec["sets"]):
        with open(f"{directory}/rows-{i}.bin", "rb") as f:
            flat = f.read()
        sheet = cat.sheet(edition, s["id"])
        n = sheet.slots
        blocks.append((sheet, flat, [flat[r * n:(r + 1) * n] for r in range(s["products"] * per_product)]))
    scorecards = sum(len(rows) for _, _, rows in blocks)

    # Only the calls are timed; the checksums are taken afterwards.
    def batch():
        return [sheet.score(flat) for sheet, flat, _ in blocks]

    def batch_arrays():
        return [sheet.score(flat, arrays=True) for sheet, flat, _ in blocks]

    def per_call():
        return [sheet.score(row) for sheet, _, rows in blocks for row in rows]

    t_batch, res = best_of(repeats, batch)
    sum_batch = sum(sum(r.totals) for r in res)
    try:
        t_arrays, res = best_of(repeats, batch_arrays)
        sum_arrays = sum(sum(r.totals) for r in res)
    except TypeError:  # bindings without arrays=
        t_arrays, sum_arrays = None, None
    t_call, res = best_of(repeats, per_call)
    sum_call = sum(r.totals[0] for r in res)

    # The per-call JSON API on a subset: 40 scorecards of each set, as JSON text (built untimed).
    docs = []
    for (sheet, _, rows), s in zip(blocks, spec["sets"]):
        for row in rows[:40]:
            answers = {}
            for slot, index in enumerate(row):
                if index == 255:
                    continue
                case, level = s["options"][slot][index]
                answers[s["criteria"][slot]["id"]] = level if case is None else {"case": case, "level": level}
            docs.append(json.dumps({"edition": edition, "set": s["id"], "evaluator": "m", "answers": answers}))
    t_json, sum_json = best_of(repeats, lambda: sum(cat.score(d)["total"] for d in docs))
    return {"python": sys.version.split()[0], "scorecards": scorecards, "batch_seconds": t_batch, "per_call_seconds": t_call,
            "batch_arrays_seconds": t_arrays, "arrays_totals_sum": sum_arrays,
            "json_scorecards": len(docs), "json_per_call_seconds": t_json, "totals_sum": sum_batch,
            "per_call_totals_sum": sum_call, "json_totals_sum": sum_json}


def main():
    mode, directory, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "ctypes":
        print(json.dumps(run_ctypes(directory, repeats, sys.argv[4])))
        return
    if mode != "score":
        raise SystemExit(f"unknown mode {mode}")
    spec, work = load(directory)
    best = None
    for _ in range(repeats):
        t0 = time.thread_time()
        sums = run_scoring(spec, work)
        s = time.thread_time() - t0
        best = s if best is None else min(best, s)
    print(json.dumps({"python": sys.version.split()[0], "seconds": best, "scorecards": sum(len(c) for _, c in work),
                      "totals_sum": sums[0], "stars_sum": sums[1], "council_stars_sum": sums[2]}))


if __name__ == "__main__":
    main()
