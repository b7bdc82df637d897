"""Tests of `ocop advise`: what lifts a product a star, from a scorecard, a council or an advice
request (docs/scoring.md, "What lifts a product a star"). Run by ctest with OCOP_CLI set; stdlib only.
"""
import json
import os
import re
import subprocess
import unittest
from pathlib import Path

CLI = os.environ.get("OCOP_CLI", "build/ocop")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "scorecard-advise-26-2026.json"
TMP = Path(os.environ.get("TMPDIR", "/tmp"))


def run(*args, lang="en"):
    """The tool in English (OCOP_LANG=en), or in its default language (Vietnamese) with lang=None;
    never wrapped to a terminal's width."""
    env = {k: v for k, v in os.environ.items() if k not in ("OCOP_LANG", "COLUMNS")}
    if lang:
        env["OCOP_LANG"] = lang
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def card(**changes):
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["answers"].update(changes)
    return doc


def write(name, doc):
    path = TMP / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


class Advise(unittest.TestCase):
    def test_the_example_of_docs_scoring_md_runs_as_shown(self):
        section = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8").split("## What lifts a product a star\n", 1)[1]
        block = re.search(r"```\n\$ (ocop advise [^\n]*)\n(.*?)```", section, re.S)
        self.assertIsNotNone(block)
        result = run(*block.group(1).split()[1:], lang=None)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, block.group(2))

    def test_default_vietnamese_three_ranked_plans_each_with_the_binding_minimum(self):
        result = run("advise", EXAMPLE, lang=None)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Hiện tại: 88 điểm, 4★ · mục tiêu 5★", result.stdout)
        self.assertIn("Phương án 3: 2 tiêu chí, +2 điểm → 90 điểm, 5★", result.stdout)
        doc = json.loads(run("advise", EXAMPLE, "--json").stdout)
        self.assertEqual((doc["status"], doc["target_stars"], len(doc["plans"])), ("reachable", 5, 3))
        for plan in doc["plans"]:
            self.assertEqual(plan["steps"][0]["criterion"], "1.3")  # 5★ requires 1.3 at 'c'
        self.assertEqual(len(json.loads(run("advise", EXAMPLE, "--json", "--alternatives", 1).stdout)["plans"]), 1)

    def test_weights_change_the_best_plan(self):
        doc = json.loads(run("advise", EXAMPLE, "--json", "--weights", "1.4=5,1.7=5").stdout)
        for plan in doc["plans"]:
            self.assertFalse({"1.4", "1.7"} & {s["criterion"] for s in plan["steps"]})
        self.assertIn(" · cost 2", run("advise", EXAMPLE, "--weights", "1.4=5").stdout)
        bad = run("advise", EXAMPLE, "--weights", "1.4")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--weights expects CRITERION=COST", bad.stderr)
        unknown = run("advise", EXAMPLE, "--weights", "9.9=1")
        self.assertEqual(unknown.returncode, 1)
        self.assertIn("/weights/9.9: unknown criterion", unknown.stderr)

    def test_already_met_unreachable_and_knocked_out(self):
        held = run("advise", EXAMPLE, "--stars", 4)
        self.assertEqual(held.returncode, 0, held.stderr)
        self.assertIn("Already 4★: no criterion needs to improve.", held.stdout)
        no_story = card(**{"5.1": "a"})
        del no_story["answers"]["5.2"]
        unreachable = run("advise", write("ocop-advise-no-story.json", no_story), "--stars", 4)
        self.assertEqual(unreachable.returncode, 1)
        self.assertIn("4★ cannot be reached:", unreachable.stdout)
        self.assertIn("require 5.1 to reach 5 points, and it cannot", unreachable.stdout)
        knocked = run("advise", write("ocop-advise-knocked.json", dict(card(), knockouts=["unacceptable-foreign-matter"])))
        self.assertEqual(knocked.returncode, 1)
        self.assertIn("The product is knocked out", knocked.stdout)
        self.assertIn("unacceptable-foreign-matter", knocked.stdout)
        out_of_range = run("advise", EXAMPLE, "--stars", 9)
        self.assertEqual(out_of_range.returncode, 1)
        self.assertIn("/target: expected the stars of a band of edition 26-2026, found 9", out_of_range.stderr)

    def test_a_council_and_an_advice_request(self):
        low = card(**{"1.5": "b"})
        council = {"scorecards": [dict(card(), evaluator="m1"), dict(card(), evaluator="m2"), dict(low, evaluator="m3")]}
        result = run("advise", write("ocop-advise-council.json", council))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("council of 3 members", result.stdout)
        self.assertIn("as if every member gave that level", result.stdout)
        doc = json.loads(run("advise", write("ocop-advise-council.json", council), "--json").stdout)
        steps = {s["criterion"]: s for p in doc["plans"] for s in p["steps"]}
        self.assertEqual((steps["1.5"]["from_points"], steps["1.5"]["gain"]), ("2.33", {"numerator": 2, "denominator": 3}))
        request = {"scorecard": card(), "target": 5, "alternatives": 2}
        self.assertEqual(len(json.loads(run("advise", write("ocop-advise-request.json", request), "--json").stdout)["plans"]), 2)
        bad = run("advise", write("ocop-advise-bad.json", {"scorecard": card(**{"1.1": "z"})}))
        self.assertEqual(bad.returncode, 1)
        self.assertIn("/scorecard/answers/1.1", bad.stderr)


if __name__ == "__main__":
    unittest.main()
