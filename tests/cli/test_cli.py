"""Tests of the `ocop` command-line tool: each command on good and bad input, exit codes and messages.

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import json
import os
import subprocess
import unicodedata
import unittest
from pathlib import Path

CLI = os.environ.get("OCOP_CLI", "build/ocop")
DATA = Path(__file__).resolve().parent / "data"


def width(text):
    """Display columns of text: combining marks take none."""
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def run(*args, stdin=None, lang="en", env=None):
    """The tool in English (OCOP_LANG=en), or in its default language (Vietnamese) with lang=None."""
    environment = dict(os.environ, OCOP_LANG=lang) if lang else {k: v for k, v in os.environ.items() if k != "OCOP_LANG"}
    environment.update(env or {})
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, input=stdin, timeout=120, env=environment)


class HelpAndUsage(unittest.TestCase):
    def test_every_command_has_help(self):
        listing = run("--help")
        self.assertEqual(listing.returncode, 0)
        commands = [line.strip().split("  ")[0] for line in listing.stdout.splitlines()
                    if line.startswith("  ")]
        self.assertIn("catalog show", commands)
        for command in commands:
            result = run(*command.split(), "--help")
            self.assertEqual(result.returncode, 0, command)
            self.assertIn("usage: ocop " + command, result.stdout)

    def test_no_command_is_a_usage_error(self):
        self.assertEqual(run().returncode, 2)

    def test_unknown_command_and_option(self):
        result = run("frobnicate")
        self.assertEqual(result.returncode, 2)
        self.assertIn('unknown command "frobnicate"', result.stderr)
        result = run("catalog", "list", "--colour")
        self.assertEqual(result.returncode, 2)
        self.assertIn("unknown option --colour", result.stderr)

    def test_missing_argument(self):
        result = run("score")
        self.assertEqual(result.returncode, 2)
        self.assertIn("missing FILE", result.stderr)


class Catalog(unittest.TestCase):
    def test_list_shows_all_26_sets_with_status(self):
        result = run("catalog", "list", "--edition", "1048-781")
        self.assertEqual(result.returncode, 0)
        self.assertIn("1048-781", result.stdout)
        rows = [line for line in result.stdout.splitlines() if line[:1] in "IV" and "." in line[:6]]
        self.assertEqual(len(rows), 26)
        self.assertRegex(result.stdout, r"gao-ngu-coc\s+Gạo, ngũ cốc\s+complete \(with our reading\)\s+single source\s+35\s+25\s+40")
        self.assertRegex(result.stdout, r"do-uong-co-con-khac\s+Đồ uống có cồn khác\s+complete\s+corrected from another transcription")

    def test_list_aligns_vietnamese_by_display_width(self):
        lines = run("catalog", "list", "--edition", "1048-781").stdout.splitlines()
        table = [line for line in lines if line[:1] in "IV" and "." in line[:6]]
        # The status column starts at the same display column on every row, whatever the accents.
        starts = {width(line[:line.index(status)]) for line in table
                  for status in ("complete", "incomplete", "unavailable") if f" {status} " in line}
        self.assertEqual(len(starts), 1)

    def test_list_json(self):
        doc = json.loads(run("catalog", "list", "--json", "--edition", "1048-781").stdout)
        self.assertEqual(doc["id"], "1048-781")
        self.assertEqual(len(doc["sets"]), 26)

    def test_show_a_sheet(self):
        result = run("catalog", "show", "rau-cu-qua-hat-tuoi", "--edition", "1048-781")
        self.assertEqual(result.returncode, 0)
        self.assertIn("Rau, củ, quả, hạt tươi", result.stdout)
        self.assertIn("3.2", result.stdout)
        self.assertIn("knock-out 10", result.stdout)

    def test_show_json_round_trips_through_validate(self):
        sheet = run("catalog", "show", "che-tuoi-che-bien", "--json", "--edition", "1048-781").stdout
        path = Path(os.environ.get("TMPDIR", "/tmp")) / "ocop-cli-sheet.json"
        path.write_text(sheet, encoding="utf-8")
        result = run("validate", path, "--edition", "1048-781")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("valid set", result.stdout)

    def test_show_says_how_sure_the_sheet_and_its_criteria_are(self):
        result = run("catalog", "show", "nuoc-khoang-thien-nhien-nuoc-uong-tinh-khiet", "--edition", "1048-781")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("verification: sources differ (ommani_ocop (2022)): sources differ on criteria 7", result.stdout)
        self.assertIn("  7 verification: sources differ (ommani_ocop (2022))", result.stdout)
        self.assertIn("    congnn1107/ocop_project (2020-11): 0, 2, 5, 0", result.stdout)

    def test_score_prints_the_verification_of_the_sheet(self):
        sheet = json.loads(run("catalog", "show", "gao-ngu-coc", "--json", "--edition", "1048-781").stdout)
        answers = {c["id"]: c["levels"][-1]["id"] if "levels" in c else {"case": "1", "level": c["cases"][0]["levels"][-1]["id"]}
                   for s in sheet["sections"] for c in s["criteria"]}
        path = Path(os.environ.get("TMPDIR", "/tmp")) / "ocop-cli-rice.json"
        path.write_text(json.dumps({"edition": "1048-781", "set": "gao-ngu-coc", "answers": answers}), encoding="utf-8")
        result = run("score", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Total: 100 / 100", result.stdout)
        self.assertIn("sheet verification: single source (congnn1107/ocop_project (2020-11))", result.stdout)

    def test_148_lists_its_one_sheet_and_refuses_the_others(self):
        result = run("catalog", "list", "--date", "2024-06-01")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Edition 148", result.stdout)
        self.assertRegex(result.stdout, r"rau-cu-qua-hat-tuoi\s+Rau, củ, quả, hạt tươi\s+complete \(with our reading\)\s+single source\s+40\s+25\s+35")
        self.assertIn("Other sets: the score sheets of 148/QĐ-TTg are not available to us", result.stdout)
        result = run("catalog", "show", "thit-trung-sua-tuoi", "--edition", "148")
        self.assertEqual(result.returncode, 1)  # unavailable, not unknown
        self.assertIn('no set "thit-trung-sua-tuoi" in edition 148: the score sheets of 148/QĐ-TTg are not available', result.stderr)

    def test_show_unknown_set(self):
        result = run("catalog", "show", "nope", "--edition", "1048-781")
        self.assertEqual(result.returncode, 3)
        self.assertIn('no set "nope"', result.stderr)

    def test_date_with_no_edition_in_force(self):
        result = run("catalog", "list", "--date", "2018-01-01")
        self.assertEqual(result.returncode, 3)
        self.assertIn("no edition of the rules is in force on 2018-01-01", result.stderr)


class Edition26(unittest.TestCase):
    """Edition 26-2026 (26/2026/QĐ-TTg), in force from 2026-05-22."""

    def test_list_on_a_date_under_26_2026(self):
        result = run("catalog", "list", "--date", "2026-11-29")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Edition 26-2026", result.stdout)
        rows = [line for line in result.stdout.splitlines() if line.split(" ")[0].isdigit()]
        self.assertEqual(len(rows), 26)
        self.assertRegex(result.stdout, r"hoa\s+Hoa\s+incomplete")
        self.assertRegex(result.stdout, r"cay-canh\s+Cây cảnh\s+complete\s+single source\s+40\s+25\s+35")

    def test_without_edition_or_date_asks_which(self):
        result = run("catalog", "list")
        self.assertEqual(result.returncode, 2)
        self.assertIn("26-2026", result.stderr)

    def test_show_names_readings_knockout_and_marks(self):
        result = run("catalog", "show", "mat-ong-mat-khac-va-nong-san-thuc-pham-khac", "--edition", "26-2026")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("[complete (with our reading)]", result.stdout)
        self.assertIn('our reading: criterion 7', result.stdout)
        self.assertIn("knock-out of the whole set (dossier-disqualified, eliminated): Hồ sơ bị loại khi", result.stdout)
        self.assertIn("5★", result.stdout)

    def test_score_92_points_lowered_to_4_stars(self):
        result = run("score", Path(__file__).resolve().parents[2] / "docs" / "examples" / "scorecard-26-2026.json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Total: 92 / 100", result.stdout)
        self.assertIn("Band: 5★", result.stdout)
        self.assertIn("cap: 4★ at most: 5★ requires 1.3", result.stdout)
        self.assertIn("(3 points); the scorecard gives 2", result.stdout)
        self.assertIn("Stars (as a council of this one scorecard): 4", result.stdout)
        self.assertIn("warning: our reading: criterion 2.4", result.stdout)

    def test_council_policy_every_member(self):
        card = json.loads((Path(__file__).resolve().parents[2] / "docs" / "examples" / "scorecard-26-2026.json").read_text(encoding="utf-8"))
        card["answers"]["1.3"] = "c"
        low = dict(card, evaluator="m3", answers=dict(card["answers"], **{"1.5": "b"}))
        doc = {"scorecards": [dict(card, evaluator="m1"), dict(card, evaluator="m2"), low]}
        path = Path(os.environ.get("TMPDIR", "/tmp")) / "ocop-cli-council-26.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        mean = run("council", path)
        self.assertEqual(mean.returncode, 0, mean.stderr)
        self.assertIn("Stars: 4", mean.stdout)  # 1.5 mean (3+3+1)/3 reaches the 4★ mark (2), not the 5★ one (3)
        doc["policy"] = {"minimums": "every_member"}
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        every = run("council", path)
        self.assertIn("Stars: 3", every.stdout)
        self.assertIn("policy every_member: m3 gave 1", every.stdout)

    def test_show_json_round_trips_through_validate(self):
        for set_id in ("hoa", "dich-vu-du-lich-cong-dong-du-lich-sinh-thai-va-diem-du-lich", "cay-canh"):
            sheet = run("catalog", "show", set_id, "--json", "--edition", "26-2026").stdout
            path = Path(os.environ.get("TMPDIR", "/tmp")) / "ocop-cli-sheet-26.json"
            path.write_text(sheet, encoding="utf-8")
            result = run("validate", path, "--edition", "26-2026")
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(json.loads(sheet)["id"], set_id)

    def test_diff_between_editions(self):
        result = run("catalog", "diff", "1048-781", "26-2026", "--set", "rau-cu-qua-hat-tuoi")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Part A: 35 → 40", result.stdout)
        self.assertRegex(result.stdout, r"changed\s+1.2\s+1.3\s+Gia tăng giá trị")
        doc = json.loads(run("catalog", "diff", "1048-781", "26-2026", "--set", "rau-cu-qua-hat-tuoi", "--json").stdout)
        self.assertEqual(doc["to_set"], "rau-cu-qua-hat-tuoi")
        self.assertTrue(any(c["change"] == "added" for c in doc["criteria"]))

    def test_diff_without_counterpart_or_set(self):
        result = run("catalog", "diff", "1048-781", "26-2026", "--set", "trang-thiet-bi-dung-cu-y-te")
        self.assertEqual(result.returncode, 3)
        self.assertIn("has no corresponding set in edition 26-2026", result.stderr)
        self.assertEqual(run("catalog", "diff", "1048-781", "26-2026").returncode, 2)


class Validate(unittest.TestCase):
    def test_valid_files(self):
        for name, kind in (("scorecard.json", "scorecard"), ("council.json", "council")):
            result = run("validate", DATA / name)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("valid " + kind, result.stdout)

    def test_every_error_with_its_path(self):
        result = run("validate", DATA / "scorecard-invalid.json")
        self.assertEqual(result.returncode, 1)
        self.assertIn("/answers/9.9: unknown criterion", result.stderr)
        self.assertIn("/answers/1.2: missing answer for criterion 1.2", result.stderr)
        self.assertIn('/answers/1.3: level "z" is not a level of criterion 1.3', result.stderr)
        self.assertIn("3 problem(s)", result.stderr)

    def test_not_json(self):
        result = run("validate", DATA / "not-json.json")
        self.assertEqual(result.returncode, 1)
        self.assertIn("invalid JSON at byte", result.stderr)

    def test_missing_file(self):
        result = run("validate", DATA / "no-such-file.json")
        self.assertEqual(result.returncode, 3)
        self.assertIn("cannot open", result.stderr)


class Scoring(unittest.TestCase):
    def test_score_with_explanation(self):
        result = run("score", DATA / "scorecard.json", "--explain")
        self.assertEqual(result.returncode, 0)
        self.assertIn("Total: 100 / 100", result.stdout)
        self.assertIn("Rất phù hợp", result.stdout)  # 6.2's level label in the trace

    def test_score_json(self):
        doc = json.loads(run("score", DATA / "scorecard.json", "--json").stdout)
        self.assertEqual(doc["total"], 100)
        self.assertEqual(len(doc["criteria"]), 31)

    def test_score_invalid(self):
        result = run("score", DATA / "scorecard-invalid.json")
        self.assertEqual(result.returncode, 1)
        self.assertIn("/answers/1.2", result.stderr)

    def test_council(self):
        result = run("council", DATA / "council.json", "--explain")
        self.assertEqual(result.returncode, 0)
        # 100 + 95 + 92 = 287 over 3 members.
        self.assertIn("Mean: 95.67 (exact 287/3)", result.stdout)
        self.assertIn("Stars: 5 · recognised by central", result.stdout)
        self.assertIn("6.2", result.stdout)

    def test_council_at_district_level_forwards_to_province(self):
        doc = json.loads(run("council", DATA / "council.json", "--json", "--level", "district").stdout)
        self.assertEqual(doc["forward_to"], "province")

    def test_empty_council(self):
        result = run("council", DATA / "council-empty.json")
        self.assertEqual(result.returncode, 1)
        self.assertIn("at least one scorecard", result.stderr)


if __name__ == "__main__":
    unittest.main()
