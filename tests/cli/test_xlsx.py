"""The demo's and the reports' files for a spreadsheet: CSV with a UTF-8 byte order mark and no
comment line, and an XLSX workbook read back with openpyxl (Debian's python3-openpyxl).

Run by ctest with OCOP_CLI set to the built binary and an interpreter that has openpyxl.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import openpyxl

CLI = os.environ.get("OCOP_CLI", "build/ocop")
BOM = "\ufeff"


def run(*args, lang=None):
    env = {k: v for k, v in os.environ.items() if k != "OCOP_LANG"}
    if lang:
        env["OCOP_LANG"] = lang
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=300, env=env)


class Spreadsheets(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="ocop-xlsx-"))
        cls.demo = run("demo", "hanoi-2021", "--out", cls.tmp / "out")
        cls.reports = json.loads((cls.tmp / "out" / "reports.json").read_text(encoding="utf-8"))
        cls.book = openpyxl.load_workbook(cls.tmp / "out" / "reports.xlsx")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_csv_files_start_with_a_bom_and_hold_no_comment_line(self):
        self.assertEqual(self.demo.returncode, 0, self.demo.stderr)
        for path in (self.tmp / "out").glob("*.csv"):
            text = path.read_text(encoding="utf-8")
            self.assertTrue(text.startswith(BOM), path.name)
            self.assertFalse(any(line.startswith("#") for line in text.splitlines()), path.name)
        rows = list(csv.reader(io.StringIO((self.tmp / "out" / "registrations.csv").read_text(encoding="utf-8-sig"))))
        self.assertEqual(rows[0][0], "Huyện")
        self.assertEqual(rows[0][1], "Ngành thực phẩm")
        self.assertEqual(rows[-1], ["Tổng", "331", "25", "21", "119", "37", "8", "541"])

    def test_report_csv_on_standard_output(self):
        result = run("campaign", "report", self.tmp / "out", "--csv")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith(BOM))
        self.assertEqual(result.stdout.count(BOM), 1)
        self.assertFalse(any(line.startswith("#") for line in result.stdout.splitlines()))
        self.assertIn("\n\nHuyện,0★,1★", result.stdout)  # reports separated by an empty line

    def test_one_sheet_per_report_with_frozen_vietnamese_headers(self):
        self.assertEqual(self.book.sheetnames, ["Đăng ký", "Kết quả theo huyện", "Kết quả theo ngành", "Tiềm năng 5 sao",
                                                "Được công nhận", "Quá hạn", "Tiến độ"])
        for sheet in self.book.worksheets:
            self.assertEqual(sheet.freeze_panes, "A2", sheet.title)
            self.assertTrue(sheet.cell(1, 1).font.b, sheet.title)
            self.assertGreater(sheet.column_dimensions["A"].width, 5, sheet.title)
        registrations = self.book["Đăng ký"]
        self.assertEqual(registrations.cell(1, 1).value, "Huyện")
        self.assertEqual(registrations.cell(2, 1).value, "Ba Vì")
        last = [c.value for c in registrations[registrations.max_row]]
        self.assertEqual(last, ["Tổng", 331, 25, 21, 119, 37, 8, 541])  # numbers as numbers

    def test_recognised_products_carry_the_decisions_appendix(self):
        sheet = self.book["Được công nhận"]
        headers = [c.value for c in sheet[1]]
        for header in ("Sản phẩm", "Chủ thể", "Huyện", "Xã", "Bộ sản phẩm", "Tổng điểm trung bình", "Hạng sao",
                       "Số giấy chứng nhận", "Ngày hết hạn"):
            self.assertIn(header, headers)
        rows = [dict(zip(headers, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
        expected = self.reports["recognised"]
        self.assertEqual(len(rows), len(expected))
        self.assertGreater(len(rows), 100)
        set_names = {s: json.loads(run("catalog", "show", s, "--edition", "1048-781", "--json").stdout)["name"]
                     for s in {row.get("set") for row in expected} if s}
        for got, want in zip(rows, expected):
            self.assertEqual(got["Hồ sơ"], want["dossier"])
            self.assertEqual(got["Sản phẩm"], want["product_name"])
            self.assertEqual(got["Chủ thể"], want["subject"])
            self.assertEqual(got["Số giấy chứng nhận"], want["certificate"])
            self.assertEqual(got["Hạng sao"], want["stars"])
            self.assertAlmostEqual(got["Tổng điểm trung bình"], float(want["mean"]), places=2)
            self.assertGreaterEqual(got["Tổng điểm trung bình"], 50)
            y, m, d = want["expires_on"].split("-")
            self.assertEqual(got["Ngày hết hạn"], f"{d}/{m}/{y}")
            self.assertEqual(got["Bộ sản phẩm"], set_names[want["set"]])  # the set's name, not its id

    def test_report_xlsx_in_english_and_the_same_file_twice(self):
        first, second = self.tmp / "en-1.xlsx", self.tmp / "en-2.xlsx"
        for path in (first, second):
            result = run("campaign", "report", self.tmp / "out", "--kind", "results", "--xlsx", path, lang="en")
            self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(first.read_bytes(), second.read_bytes())
        book = openpyxl.load_workbook(first)
        self.assertEqual(book.sheetnames, ["Results by district", "Results by industry"])
        self.assertEqual(book["Results by industry"].cell(2, 1).value, "Food")

    def test_the_demos_workbook_alone(self):
        path = self.tmp / "alone.xlsx"
        result = run("demo", "hanoi-2021", "--xlsx", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(openpyxl.load_workbook(path).sheetnames, self.book.sheetnames)
        bad = run("campaign", "report", self.tmp / "out", "--xlsx", self.tmp / "no" / "such" / "dir.xlsx")
        self.assertEqual(bad.returncode, 4)
        self.assertIn("cannot", bad.stderr)


if __name__ == "__main__":
    unittest.main()
