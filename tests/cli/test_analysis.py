"""`ocop council FILE --analysis` and `ocop analytics FILE` (docs/scoring.md, "Consistency of a council",
"Campaign analytics"): the transcripts of the page, Vietnamese by default, JSON, and bad input.

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import json
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

CLI = os.path.abspath(os.environ.get("OCOP_CLI", "build/ocop"))  # the tool runs from the repository root
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"


def run(*args, lang="en"):
    env = {k: v for k, v in os.environ.items() if k not in ("OCOP_LANG", "COLUMNS")}
    if lang:
        env["OCOP_LANG"] = lang
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


class DocsTranscripts(unittest.TestCase):
    def test_the_pages_transcripts_are_the_tools_output(self):
        page = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
        blocks = re.findall(r"```text\n\$ ocop (council [^\n]*--analysis[^\n]*|analytics [^\n]*)\n(.*?)```", page, re.S)
        self.assertEqual(len(blocks), 2)
        for command, expected in blocks:
            result = run(*command.split(), lang=None)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout, expected, command)


class CouncilAnalysis(unittest.TestCase):
    def test_vietnamese_by_default(self):
        result = run("council", EXAMPLES / "council-analysis.json", "--analysis", lang=None)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Mức nhất quán của hội đồng · 5 thành viên", result.stdout)
        self.assertIn("không có m5, hội đồng sẽ cho 5★: thành viên này quyết định hạng sao", result.stdout)
        self.assertIn("alpha Krippendorff", result.stdout)
        self.assertIn("0,424", result.stdout)  # decimals with a comma

    def test_json_and_the_plain_council_still_work_on_the_same_file(self):
        result = run("council", EXAMPLES / "council-analysis.json", "--analysis", "--json")
        doc = json.loads(result.stdout)
        self.assertEqual(doc["agreement"]["alpha"], "0.424")
        self.assertEqual([m["decides_stars"] for m in doc["member_totals"]], [False, False, False, False, True])
        self.assertEqual((doc["band_edge"]["edge"], doc["band_edge"]["distance"], doc["band_edge"]["near"]), (90, "0.20", True))
        plain = run("council", EXAMPLES / "council-analysis.json")
        self.assertEqual(plain.returncode, 0, plain.stderr)
        self.assertIn("Stars: 4", plain.stdout)
        self.assertEqual(run("validate", EXAMPLES / "council-analysis.json").returncode, 0)

    def test_bad_input(self):
        with tempfile.TemporaryDirectory() as tmp:
            doc = json.loads((EXAMPLES / "council-analysis.json").read_text(encoding="utf-8"))
            one = Path(tmp) / "one.json"
            one.write_text(json.dumps({"policy": {"minimum_members": 1}, "scorecards": doc["scorecards"][:1]}), encoding="utf-8")
            result = run("council", one, "--analysis")
            self.assertEqual(result.returncode, 1)
            self.assertIn("needs at least 2 scorecards, found 1", result.stderr)
            bad = Path(tmp) / "bad.json"
            bad.write_text(json.dumps(dict(doc, analysis={"minimum_alpha_permille": 1001})), encoding="utf-8")
            result = run("council", bad, "--analysis")
            self.assertEqual(result.returncode, 1)
            self.assertIn("/analysis/minimum_alpha_permille", result.stderr)
        self.assertEqual(run("council", EXAMPLES / "council-analysis.json", "--analysis", "--explain").returncode, 2)


class CampaignAnalytics(unittest.TestCase):
    def test_json(self):
        result = run("analytics", EXAMPLES / "campaign-analytics.json", "--json")
        doc = json.loads(result.stdout)
        self.assertEqual(doc["councils"], 3)
        self.assertEqual(doc["sets"][0]["criteria"][0]["criterion"], "6.2")
        self.assertEqual([c["id"] for c in doc["flagged"]], ["HN-001"])
        self.assertEqual(doc["industries"][0]["stars"], [0, 0, 0, 0, 2, 1])

    def test_bad_input(self):
        with tempfile.TemporaryDirectory() as tmp:
            doc = json.loads((EXAMPLES / "campaign-analytics.json").read_text(encoding="utf-8"))
            doc["councils"][1]["id"] = "HN-001"
            path = Path(tmp) / "twice.json"
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            result = run("analytics", path)
            self.assertEqual(result.returncode, 1)
            self.assertIn("/councils/1/id", result.stderr)
        self.assertEqual(run("analytics", EXAMPLES / "campaign-analytics.json", "--top", "x").returncode, 2)


if __name__ == "__main__":
    unittest.main()
