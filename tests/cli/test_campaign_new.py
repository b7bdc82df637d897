"""Tests of `ocop campaign new`: a campaign template from an edition's procedure, what `ocop validate`
says about it, and `ocop campaign init` once it is filled in (docs/cli.md, "A new campaign").

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

CLI = os.environ.get("OCOP_CLI", "build/ocop")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def run(*args, lang="en"):
    """The tool in English (OCOP_LANG=en), or in its default language (Vietnamese) with lang=None."""
    env = dict(os.environ, OCOP_LANG=lang) if lang else {k: v for k, v in os.environ.items() if k != "OCOP_LANG"}
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=120, env=env)


def fill(doc):
    """What a province office fills in: the plan, its date and source, and one window per step."""
    doc.update(plan="15/KH-UBND", issuer="UBND tỉnh Phú Thọ", issued_on="2026-06-01", source="15/KH-UBND, Phụ lục 02",
               units=[{"id": "thanh-son", "name": "Thanh Sơn", "kind": "commune"}], units_source="15/KH-UBND, Phụ lục 01")
    for i, step in enumerate(doc["steps"]):
        for w in step["windows"]:
            w["window"] = {"from": f"2026-07-{i + 1:02d}", "until": f"2026-08-{i + 1:02d}"}
    return doc


class CampaignNew(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="ocop-new-"))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def template(self, *extra, lang=None):
        result = run("campaign", "new", "--province", "Phú Thọ", "--year", 2026, "--edition", "26-2026", *extra, lang=lang)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_template_has_the_editions_steps_and_empty_windows_in_vietnamese(self):
        doc = self.template("--id", "phu-tho-2026")
        self.assertEqual((doc["id"], doc["province"], doc["year"], doc["edition"]), ("phu-tho-2026", "Phú Thọ", 2026, "26-2026"))
        self.assertEqual(doc["legal_basis"], ["26/2026/QĐ-TTg (2026-05-22), Điều 4-7 và Điều 11 khoản 1"])
        self.assertEqual(doc["batches"], [{"id": "1", "name": "Đợt 1"}])
        types = [(e["level"], e["type"]) for s in doc["steps"] for e in s["events"]]
        # the procedure's events after registration, commune first, none repeated
        self.assertIn(("commune", "precheck_result"), types)
        self.assertIn(("province", "council_result"), types)
        for unscheduled in ("registered", "withdrawn", "certificate_expired"):
            self.assertNotIn(unscheduled, [t for _, t in types])
        self.assertEqual(len(types), len(set(types)))
        self.assertEqual([s["step"] for s in doc["steps"]], list(range(1, len(doc["steps"]) + 1)))
        self.assertTrue(all(s["windows"] == [{"batch": "1", "window": {}}] for s in doc["steps"]))
        commune = next(s for s in doc["steps"] if s["events"][0]["type"] == "precheck_result")
        self.assertTrue(commune["what"].startswith("Cấp xã: "), commune["what"])
        self.assertEqual(commune["lead"], "UBND cấp xã")

    def test_english_on_request(self):
        doc = self.template(lang="en")
        self.assertEqual(doc["batches"][0]["name"], "Batch 1")
        commune = next(s for s in doc["steps"] if s["events"][0]["type"] == "precheck_result")
        self.assertEqual(commune["lead"], "commune People's Committee")
        self.assertTrue(commune["what"].startswith("commune: the step of event precheck_result ("), commune["what"])

    def test_default_id_and_out_file(self):
        out = self.tmp / "plan.json"
        result = run("campaign", "new", "--province", "Phú Thọ", "--year", 2026, "--edition", "26-2026", "--out", out)
        self.assertEqual((result.returncode, result.stdout), (0, ""), result.stderr)
        self.assertEqual(json.loads(out.read_text(encoding="utf-8"))["id"], "campaign-2026")

    def test_validate_names_every_field_to_fill_in(self):
        path = self.tmp / "plan.json"
        path.write_text(json.dumps(self.template()), encoding="utf-8")
        result = run("validate", path)
        self.assertEqual(result.returncode, 1, result.stdout)
        for field in ("/plan", "/issuer", "/issued_on", "/units_source", "/source"):
            self.assertIn(f"{path}: {field}: to fill in: this field of the template", result.stderr)
        steps = len(json.loads(path.read_text(encoding="utf-8"))["steps"])
        for i in range(steps):
            self.assertIn(f"/steps/{i}/windows/0/window: to fill in: the window's dates", result.stderr)
        self.assertIn(f"{path}: /units: to fill in: list the province's administrative units", result.stderr)
        self.assertIn(f"{6 + steps} problem(s) in this campaign", result.stderr)
        self.assertIn("chưa điền", run("validate", path, lang=None).stderr)

    def test_filled_in_it_validates_and_init_accepts_it(self):
        path = self.tmp / "plan.json"
        path.write_text(json.dumps(fill(self.template("--id", "phu-tho-2026")), ensure_ascii=False), encoding="utf-8")
        result = run("validate", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("campaign", result.stdout)
        result = run("campaign", "init", self.tmp / "store", "--file", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("phu-tho-2026", result.stdout)
        status = run("campaign", "status", self.tmp / "store")
        self.assertEqual(status.returncode, 0, status.stderr)
        self.assertIn("26-2026", status.stdout)

    def test_init_refuses_a_window_left_empty(self):
        doc = fill(self.template())
        doc["steps"][2]["windows"][0]["window"] = {}
        path = self.tmp / "plan.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        result = run("campaign", "init", self.tmp / "store", "--file", path)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("/steps/2/windows/0/window: expected the window's dates", result.stderr)
        self.assertFalse((self.tmp / "store" / "campaign.sqlite").exists())

    def test_unknown_edition_and_year_outside_validity_are_usage_errors(self):
        cases = [
            (("--edition", "27-2027", "--year", 2026), 'unknown edition "27-2027"; expected one of'),
            (("--edition", "26-2026", "--year", 2025), "--year 2025 is outside edition 26-2026's validity (from 2026-05-22, still in force)"),
            (("--edition", "148-1489", "--year", 2027), "--year 2027 is outside edition 148-1489's validity (from 2025-07-06 until 2026-05-21)"),
            (("--edition", "26-2026", "--year", "2026x"), "--year 2026x is outside"),
        ]
        for extra, message in cases:
            with self.subTest(extra=extra):
                result = run("campaign", "new", "--province", "Phú Thọ", *extra)
                self.assertEqual((result.returncode, result.stdout), (2, ""), result.stderr)
                self.assertIn(message, result.stderr)
        missing = run("campaign", "new", "--year", 2026, "--edition", "26-2026")
        self.assertEqual(missing.returncode, 2)
        self.assertIn("missing --province", missing.stderr)
        self.assertEqual(run("campaign", "new", "--province", "Phú Thọ", "--year", 2025, "--edition", "148-1489").returncode, 0)


class DocumentedWalk(unittest.TestCase):
    def test_the_walk_in_docs_cli_md_runs_as_shown(self):
        section = DOCS.read_text(encoding="utf-8").split("## A new campaign\n", 1)[1].split("\n## ", 1)[0]
        blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
        self.assertEqual(len(blocks), 2)
        tmp = Path(tempfile.mkdtemp(prefix="ocop-new-docs-"))
        try:
            (tmp / "build").mkdir()
            (tmp / "build" / "ocop").symlink_to(Path(CLI).resolve())
            env = {k: v for k, v in os.environ.items() if k != "OCOP_LANG"}
            first = subprocess.run(["sh", "-c", blocks[0]], cwd=tmp, capture_output=True, text=True, timeout=120, env=env)
            self.assertEqual(first.returncode, 1, first.stderr)  # validate: the template is not filled in
            self.assertIn("/steps/16/windows/0/window: chưa điền", first.stderr)
            self.assertIn("phu-tho-2026.json: 23 lỗi trong campaign này", first.stderr)
            second = subprocess.run(["sh", "-ec", blocks[1]], cwd=tmp, capture_output=True, text=True, timeout=120, env=env)
            self.assertEqual(second.returncode, 0, second.stderr)
            self.assertIn("phu-tho-2026.json: campaign hợp lệ", second.stdout)
            self.assertIn("đã tạo chiến dịch phu-tho-2026 (15/KH-UBND, Phú Thọ 2026, phiên bản 26-2026", second.stdout)
            self.assertTrue((tmp / "pt" / "campaign.sqlite").exists())
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
