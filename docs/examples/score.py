"""Scores one product with the ocop Python bindings: one scorecard with its explanation, a council
of three, and a batch of 10,000 scorecards in one call. Run (from the repository root):

    OCOP_LIBRARY=build/capi/libocop.so.1 PYTHONPATH=bindings/python python3 docs/examples/score.py
"""

import ocop

ANSWERS = {
    "1.1": "c", "1.2": "b", "1.3": "c", "1.4": "b", "1.5": "c", "1.6": "b", "2.1": "d", "2.2": "c", "2.3": "b",
    "3.1": "c", "3.2": {"case": "1", "level": "b"},  # either/or: case 1 (cooperative), level b
    "3.3": "b", "3.4": "b", "3.5": "b", "4.1": "c", "4.2": "c", "4.3": "c",
    "5.1": "d", "5.2": "d", "5.3": "b",  # a documented product story: 5.2 and 5.3 apply
    "6.1": "c", "6.2": "e", "6.3": "c", "6.4": "c", "6.5": "b", "7": "b", "8": "c", "9.1": "c", "9.2": "d",
    "10": "d", "11": "a",
}

with ocop.Catalog.embedded() as catalog:
    edition = catalog.in_force("2021-10-20")
    card = {"edition": edition, "set": "rau-cu-qua-hat-tuoi", "evaluator": "member-1", "answers": ANSWERS}

    # One scorecard: the total and the explanation of every point.
    result = catalog.score(card)
    print("edition %s, total %d / %d" % (edition, result["total"], result["max_total"]))
    for part in result["parts"]:
        print("  part %s: %d / %d" % (part["id"], part["points"], part["max_points"]))

    # A council of three members: exact mean, band, stars, who recognises them.
    members = [dict(card, evaluator="member-%d" % i) for i in (1, 2, 3)]
    members[1]["answers"] = dict(ANSWERS, **{"6.2": "d"})
    council = catalog.evaluate_council({"policy": {"level": "province"}, "scorecards": members})
    print("council mean %s -> stars: %d (recognised by %s)" % (council["mean_display"], council["stars"],
                                                               council.get("recognised_by")))

    # Many scorecards of one sheet in one C call: rows of level indices, totals and stars back.
    with catalog.sheet(edition, "rau-cu-qua-hat-tuoi") as sheet:
        row = sheet.row(ANSWERS)
        batch = sheet.score(row * 10000)
        print("batch of %d: totals %d..%d, stars: %d" % (len(batch.totals), min(batch.totals), max(batch.totals),
                                                          batch.stars[0]))

    # Errors carry the C status code and the JSON path of the bad input.
    try:
        catalog.score(dict(card, answers=dict(ANSWERS, **{"1.1": "z"})))
    except ocop.InvalidScorecardError as e:
        print("error %s: %s" % (e.name, e.problems[0]))
