"""tools/compare_transcription.py on the project's own small fixture (tests/tools/data): a catalog of
three sets and a transcription with one set that agrees, one that differs and one the catalog lacks.
Stdlib only; run by ctest.
"""
import json
import subprocess
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOL = HERE.parent.parent / "tools" / "compare_transcription.py"
DATA = HERE / "data"


def run(*args):
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, timeout=60)


class CompareTranscription(unittest.TestCase):
    def rows(self):
        result = run(DATA / "transcription.json", "--catalog", DATA / "catalog", "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        return {row["set"]: row for row in json.loads(result.stdout)}

    def test_a_set_that_agrees_on_every_point(self):
        alpha = self.rows()["alpha"]
        # 1.1 matches despite "(ghi chú)" in its title; 7 is numbered "7.1" in the transcription.
        self.assertEqual((alpha["same"], alpha["differ"], alpha["only_ours"], alpha["only_theirs"]), (3, [], [], []))
        self.assertEqual(alpha["ours"], {"A": 5, "C": 2})
        self.assertEqual(alpha["theirs"], alpha["ours"])
        self.assertEqual(alpha["verification"], "two_sources_agree")

    def test_a_set_that_differs_names_the_criterion_and_both_points(self):
        beta = self.rows()["beta"]  # "NƯỚC CHẤM" in the transcription: names match without case and accents
        self.assertEqual(beta["same"], 1)
        self.assertEqual(beta["differ"], [{"criterion": "1.1", "theirs_number": "1.1", "ours": [0, 1, 3], "theirs": [0, 1, 2]}])
        self.assertEqual(beta["only_theirs"], ["2.2"])
        self.assertEqual((beta["ours"], beta["theirs"]), ({"A": 3, "C": 3}, {"A": 2, "C": 4}))

    def test_a_set_missing_from_the_transcription(self):
        gamma = self.rows()["gamma"]
        self.assertIsNone(gamma["theirs"])
        self.assertEqual(gamma["verification"], "-")

    def test_the_table(self):
        result = run(DATA / "transcription.json", "--catalog", DATA / "catalog", "--details")
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0].split()[:2], ["set", "ours"])
        self.assertRegex(result.stdout, r"alpha\s+5/0/2\s+5/0/2\s+3\s+0\s+0\s+0\s+two_sources_agree")
        self.assertRegex(result.stdout, r"beta\s+3/0/3\s+2/0/4\s+1\s+1\s+0\s+1\s+corrected")
        self.assertRegex(result.stdout, r"gamma\s+-\s+not found")
        self.assertIn("3 sets: 1 agree on every point, 1 not in the transcription", result.stdout)
        self.assertIn("beta 1.1: ours [0, 1, 3], theirs [0, 1, 2]", result.stdout)

    def test_bad_files_are_reported(self):
        result = run(DATA / "no-such-file.json", "--catalog", DATA / "catalog")
        self.assertEqual(result.returncode, 2)
        self.assertIn("no-such-file.json", result.stderr)
        result = run(DATA / "transcription.json", "--catalog", DATA / "no-such-catalog")
        self.assertEqual(result.returncode, 2)
        self.assertIn("classification.json", result.stderr)


if __name__ == "__main__":
    unittest.main()
