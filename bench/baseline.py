#!/usr/bin/env python3
"""Python baselines for ocop_bench (stdlib only). Run by ocop_bench; prints one JSON line.

  baseline.py score DIR REPEATS
      Two pure-Python implementations of the same scoring as ocop's batch path, with the same
      rules (applicability, level-triggered knock-outs, minimum-requirement caps, bands on the
      exact mean, a council knocked out when any member reports a knock-out):
      - dict: scorecards as dicts {criterion id: level id or (case id, level id)}, sheets as the
        dicts of spec.json, walked by id (the first baseline of issue 7);
      - compiled: each sheet compiled once into tuples indexed by slot and level index, and each
        scorecard the row of level indices ocop's batch reads (bytes), as an experienced Python
        programmer would write it (issue 17: faster).
      DIR holds spec.json and rows-<i>.bin written by ocop_bench; rows become dicts or bytes before
      the clock starts. Both give every scorecard's total and stars and every council's stars; the
      sums (and position-weighted sums) of each are printed for ocop_bench to check against its own.

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
from operator import getitem

NO_ANSWER = 255  # ocop::no_answer: a criterion without an answer in a row


def load(directory):
    """spec.json, and per set: its spec and its rows as bytes, one per scorecard, in
    (product, round, member) order."""
    with open(f"{directory}/spec.json", encoding="utf-8") as f:
        spec = json.load(f)
    per_product = spec["members"] * spec["rounds"]
    sets = []
    for i, s in enumerate(spec["sets"]):
        with open(f"{directory}/rows-{i}.bin", "rb") as f:
            flat = f.read()
        n = len(s["options"])
        sets.append((s, [flat[r * n:(r + 1) * n] for r in range(s["products"] * per_product)]))
    return spec, sets


def as_dicts(s, rows):
    """The rows as scorecard dicts {criterion id: level id or (case id, level id)}."""
    cards = []
    for row in rows:
        answers = {}
        for slot, index in enumerate(row):
            if index == NO_ANSWER:
                continue
            case, level = s["options"][slot][index]
            answers[s["criteria"][slot]["id"]] = level if case is None else (case, level)
        cards.append(answers)
    return cards


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


def compile_sheet(s):
    """The sheet as tuples by slot and level index: points (None where an answer is required but
    missing, so that sum() refuses it), conditions (slot, slot referred to, level indices that make
    it apply), level-triggered knock-outs (slot, eliminated, ((slot, level indices), ...)), caps."""
    slot_of = {c["id"]: i for i, c in enumerate(s["criteria"])}
    options = s["options"]
    points, conditions, knockouts = [], [], []
    for i, c in enumerate(s["criteria"]):
        table = [0 if "applies_if" in c else None] * 256
        for j, (case, level) in enumerate(options[i]):
            table[j] = c["levels"][level] if case is None else c["cases"][case][level]
        points.append(tuple(table))
        if "applies_if" in c:
            ref, levels = slot_of[c["applies_if"]["criterion"]], c["applies_if"]["levels"]
            conditions.append((i, ref, frozenset(j for j, (_, lv) in enumerate(options[ref]) if lv in levels)))
        for ko in c["knockouts"]:
            triggers = tuple((slot_of[t], frozenset(j for j, (k, lv) in enumerate(options[slot_of[t]]) if k is None and lv == level))
                             for t, level in ko["triggers"])
            knockouts.append((i, ko["eliminated"], triggers))
    caps = tuple((slot_of[c["criterion"]], c["at_least"], c["stars"]) for c in s["caps"])
    return tuple(points), tuple(conditions), tuple(knockouts), caps


def score_compiled(sheet, row, bands):
    """Total, outcome (0 evaluated, 1 eliminated, 2 stopped) and stars of one row (bytes)."""
    points, conditions, knockouts, caps = sheet
    for i, ref, applying in conditions:
        if (row[ref] in applying) != (row[i] != NO_ANSWER):
            raise ValueError(f"slot {i}: answered if and only if it applies")
    try:
        total = sum(map(getitem, points, row))
    except TypeError:
        raise ValueError("missing answer") from None
    outcome, stop = 0, None
    for i, eliminated, triggers in knockouts:  # in criterion order; none after a stop
        if stop is not None and i > stop:
            break
        if row[i] != NO_ANSWER and any(row[t] in levels for t, levels in triggers):
            outcome, stop = (1, stop) if eliminated else (outcome or 2, i)
    if stop is not None:
        total = sum(map(getitem, points[:stop + 1], row))  # the criteria after a stop score 0
    if outcome:
        return total, outcome, 0
    stars = band_stars = band(bands, total, 1)
    for i, at_least, cap_stars in caps:
        if band_stars >= cap_stars and points[i][row[i]] < at_least:
            stars = min(stars, cap_stars - 1)
    return total, 0, stars


def run_scoring(scorer, work, members, bands):
    """Every scorecard's total and stars, every council's stars: lists in workload order."""
    totals, stars, council_stars = [], [], []
    for sheet, cards in work:
        for c0 in range(0, len(cards), members):
            council_total = 0
            knocked_out = False
            for answers in cards[c0:c0 + members]:
                total, outcome, card_stars = scorer(sheet, answers, bands)
                totals.append(total)
                stars.append(card_stars)
                council_total += total
                knocked_out = knocked_out or outcome != 0
            council_stars.append(0 if knocked_out else band(bands, council_total, members))
    return totals, stars, council_stars


def checksums(seconds, results):
    """The time, and each list's sum and position-weighted sum (sum of (i + 1) * x_i)."""
    out = {"seconds": seconds}
    for name, values in zip(("totals", "stars", "council_stars"), results):
        out[f"{name}_sum"] = sum(values)
        out[f"{name}_weighted"] = sum(i * v for i, v in enumerate(values, 1))
    return out


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

    _, sets = load(directory)
    cat = ocop.Catalog.embedded()
    blocks = [(cat.sheet(edition, s["id"]), b"".join(rows), rows) for s, rows in sets]  # (sheet, flat rows, [row bytes])
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
    for s, rows in sets:
        for answers in as_dicts(s, rows[:40]):
            answers = {cid: a if isinstance(a, str) else {"case": a[0], "level": a[1]} for cid, a in answers.items()}
            docs.append(json.dumps({"edition": edition, "set": s["id"], "evaluator": "m", "answers": answers}))
    t_json, sum_json = best_of(repeats, lambda: sum(cat.score(d)["total"] for d in docs))
    return {"python": sys.version.split()[0], "scorecards": scorecards, "batch_seconds": t_batch, "per_call_seconds": t_call,
            "batch_arrays_seconds": t_arrays, "arrays_totals_sum": sum_arrays,
            "json_scorecards": len(docs), "json_per_call_seconds": t_json, "totals_sum": sum_batch,
            "per_call_totals_sum": sum_call, "json_totals_sum": sum_json}


def run_score(directory, repeats):
    spec, sets = load(directory)
    members, bands = spec["members"], spec["bands"]
    by_dict = [(s, as_dicts(s, rows)) for s, rows in sets]
    compiled = [(compile_sheet(s), rows) for s, rows in sets]
    out = {"python": sys.version.split()[0], "scorecards": sum(len(rows) for _, rows in sets)}
    out["dict"] = checksums(*best_of(repeats, lambda: run_scoring(score_card, by_dict, members, bands)))
    out["compiled"] = checksums(*best_of(repeats, lambda: run_scoring(score_compiled, compiled, members, bands)))
    return out


def main():
    mode, directory, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "ctypes":
        print(json.dumps(run_ctypes(directory, repeats, sys.argv[4])))
    elif mode == "score":
        print(json.dumps(run_score(directory, repeats)))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
