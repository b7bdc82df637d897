"""Tests of a campaign's administrative units through the tool: registrations checked against the
list after NFC normalisation, the closest name suggested, reports grouped by unit, a campaign without
a list, and what `ocop validate` says (docs/workflow.md, "Administrative units"; docs/cli.md).

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import unittest
from pathlib import Path

CLI = os.environ.get("OCOP_CLI", "build/ocop")
ROOT = Path(__file__).resolve().parents[2]
NFD_BA_VI = unicodedata.normalize("NFD", "Ba Vì")


def run(*args, lang="en"):
    """The tool in English (OCOP_LANG=en), or in its default language (Vietnamese) with lang=None."""
    env = dict(os.environ, OCOP_LANG=lang) if lang else {k: v for k, v in os.environ.items() if k != "OCOP_LANG"}
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=120, env=env)


def registration(dossier, district, province="Hà Nội", at="2021-09-01T09:00:00+07:00", batch="1", commune=None):
    d = {"id": dossier, "product_name": "Product " + dossier, "subject": {"name": "HTX " + dossier, "kind": "cooperative"},
         "province": province, "district": district, "industry": "food", "documents": []}
    if commune:
        d["commune"] = commune
    payload = {"dossier": d}
    if batch:
        payload["batch"] = batch
    return json.dumps({"type": "registered", "dossier": dossier, "actor": "a", "role": "subject", "at": at,
                       "payload": payload, "reason": "đăng ký"}, ensure_ascii=False)


class Units(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ocop-units-"))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def store(self, *init):
        store = self.dir / "store"
        result = run("campaign", "init", store, *init)
        self.assertEqual(result.returncode, 0, result.stderr)
        return store

    def apply(self, store, *lines):
        path = self.dir / "in.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return run("campaign", "apply", store, path)

    def registrations(self, store):
        result = run("campaign", "report", store, "--kind", "registrations", "--csv")
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
        return {row[0]: row[-1] for row in rows[1:]}

    def test_nfc_nfd_and_the_kind_before_the_name_are_one_row(self):
        store = self.store("--campaign", "hanoi-2021")
        result = self.apply(store, registration("A", "Ba Vì"), registration("B", NFD_BA_VI), registration("C", "Huyện Ba Vì"),
                            registration("D", "Quận Hoàn Kiếm"))
        self.assertEqual(result.returncode, 0, result.stderr)
        totals = self.registrations(store)
        self.assertEqual(totals["Ba Vì"], "3")
        self.assertEqual(totals["Hoàn Kiếm"], "1")
        self.assertEqual(len([k for k in totals if "Vì" in unicodedata.normalize("NFC", k)]), 1)
        state = json.loads(run("campaign", "status", store, "B", "--json").stdout)
        self.assertEqual(state["dossier"]["district"], "Ba Vì")
        self.assertEqual(run("campaign", "verify", store).returncode, 0)  # replay gives the same names

    def test_an_unknown_name_is_refused_with_the_closest_one(self):
        store = self.store("--campaign", "hanoi-2021")
        result = self.apply(store, registration("A", "Ba Vi"))
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn('/payload/dossier/district: expected a unit directly under Hà Nội listed by campaign hanoi-2021 (220/KH-UBND), '
                      'after Unicode NFC normalisation, found "Ba Vi"; did you mean "Ba Vì" (huyện Ba Vì)?', result.stderr)
        self.assertIn("nothing was committed", result.stderr)
        self.assertEqual(run("campaign", "status", store, "A").returncode, 3)

    def test_a_campaign_without_units_takes_names_as_written(self):
        plan = json.loads(ROOT.joinpath("src/data/campaigns/hanoi-2021.json").read_text(encoding="utf-8"))
        plan["districts"] = [u["name"] for u in plan.pop("units")]
        del plan["units_source"]
        path = self.dir / "plan.json"
        path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        store = self.store("--file", path)
        result = self.apply(store, registration("A", "Ba Vì"), registration("B", "Huyện Ba Vì"), registration("C", "Ba Vi"))
        self.assertEqual(result.returncode, 0, result.stderr)
        totals = self.registrations(store)
        self.assertEqual((totals["Ba Vì"], totals["Huyện Ba Vì"], totals["Ba Vi"]), ("1", "1", "1"))

    def test_communes_under_the_province_after_2025(self):
        store = self.store("--file", ROOT / "docs/examples/plan-26-2026.json")
        late = dict(province="Phú Thọ", at="2026-06-01T09:00:00+07:00", batch=None)
        result = self.apply(store, registration("PT-1", "Xa Thanh Son", **late))
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn('found "Xa Thanh Son"; did you mean "Thanh Sơn" (xã Thanh Sơn)?', result.stderr)
        result = self.apply(store, registration("PT-1", "Xã Thanh Sơn", commune="Thanh Sơn", **late))
        self.assertEqual(result.returncode, 0, result.stderr)
        state = json.loads(run("campaign", "status", store, "PT-1", "--json").stdout)
        self.assertEqual((state["dossier"]["district"], state["dossier"]["commune"]), ("Thanh Sơn", "Thanh Sơn"))

    def test_validate_names_what_is_wrong_in_a_list(self):
        plan = json.loads(ROOT.joinpath("docs/examples/plan-26-2026.json").read_text(encoding="utf-8"))
        plan["units"] += [{"id": "thanh-son", "name": "Huyện Thanh Sơn", "kind": "rural_district"},
                          {"id": "x", "name": "X", "kind": "commune", "parent": "nowhere"}]
        path = self.dir / "plan.json"
        path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        result = run("validate", path)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn('/units/1/id: duplicate unit id "thanh-son"', result.stderr)
        self.assertIn('/units/1/name: expected the name without its kind', result.stderr)
        self.assertIn('/units/2/parent: expected the id of a unit of this campaign, found "nowhere"', result.stderr)
        self.assertIn("3 problem(s) in this campaign", result.stderr)

    def test_a_template_asks_for_its_units(self):
        result = run("campaign", "new", "--province", "Phú Thọ", "--year", 2026, "--edition", "26-2026")
        self.assertEqual(result.returncode, 0, result.stderr)
        doc = json.loads(result.stdout)
        self.assertEqual((doc["units"], doc["units_source"]), ([], ""))
        path = self.dir / "plan.json"
        path.write_text(result.stdout, encoding="utf-8")
        english = run("validate", path)
        self.assertIn(f"{path}: /units: to fill in: list the province's administrative units", english.stderr)
        self.assertIn(f"{path}: /units_source: to fill in", english.stderr)
        self.assertRegex(run("validate", path, lang=None).stderr, re.escape(f"{path}: /units: chưa điền: liệt kê các đơn vị hành chính"))


class DocumentedUnits(unittest.TestCase):
    def test_the_example_in_docs_cli_md_runs_as_shown(self):
        section = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split("## Administrative units\n", 1)[1].split("\n## ", 1)[0]
        script, shown = re.findall(r"```(?:sh)?\n(.*?)```", section, re.S)[:2]
        tmp = Path(tempfile.mkdtemp(prefix="ocop-units-docs-"))
        try:
            (tmp / "build").mkdir()
            (tmp / "build" / "ocop").symlink_to(Path(CLI).resolve())
            (tmp / "docs").symlink_to(ROOT / "docs")
            env = {k: v for k, v in os.environ.items() if k != "OCOP_LANG"}
            result = subprocess.run(["sh", "-c", script], cwd=tmp, capture_output=True, text=True, timeout=120, env=env)
            self.assertEqual(result.returncode, 0, result.stderr)
            # stdout and stderr are shown interleaved: the same lines, in any order
            self.assertEqual(sorted((result.stdout + result.stderr).splitlines()), sorted(shown.splitlines()))
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
