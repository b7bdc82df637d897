"""Output for people: Vietnamese by default and English on request, sets named as people name them,
tables that fit the terminal, CSV that Excel reads (docs/cli.md, docs/i18n.md).

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import os
import re
import subprocess
import unicodedata
import unittest

CLI = os.environ.get("OCOP_CLI", "build/ocop")


def run(*args, lang=None, columns=None):
    """The tool in its default language (Vietnamese) unless `lang`; COLUMNS set to `columns` if given."""
    env = {k: v for k, v in os.environ.items() if k not in ("OCOP_LANG", "COLUMNS")}
    if lang:
        env["OCOP_LANG"] = lang
    if columns:
        env["COLUMNS"] = str(columns)
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=120, env=env)


def width(text):
    """Display columns of text: combining marks take none."""
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


class Language(unittest.TestCase):
    def test_vietnamese_is_the_default(self):
        result = run("catalog", "list", "--edition", "1048-781")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Phiên bản 1048-781 (", result.stdout)
        self.assertRegex(result.stdout, r"\(\d\d/\d\d/\d{4} đến \d\d/\d\d/\d{4}\)")  # dates dd/mm/yyyy
        self.assertRegex(result.stdout.splitlines()[2], r"^Mã\s+Bộ \(mã chữ\)\s+Tên\s+Trạng thái")
        self.assertIn("chưa đầy đủ", result.stdout)  # incomplete

    def test_english_by_option_and_by_environment(self):
        by_option = run("catalog", "list", "--edition", "1048-781", "--lang", "en")
        by_env = run("catalog", "list", "--edition", "1048-781", lang="en")
        self.assertEqual(by_option.stdout, by_env.stdout)
        self.assertIn("Edition 1048-781 (2019-08-21 to", by_option.stdout)
        self.assertIn("incomplete", by_option.stdout)
        self.assertEqual(run("--lang=en", "catalog", "list", "--edition", "1048-781").stdout, by_option.stdout)

    def test_an_unknown_language_is_a_usage_error(self):
        result = run("catalog", "list", "--lang", "fr")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--lang expects vi or en", result.stderr)
        self.assertEqual(run("catalog", "list", "--lang").returncode, 2)

    def test_council_means_with_a_decimal_comma_and_json_unchanged(self):
        data = os.path.join(os.path.dirname(__file__), "data", "council.json")
        vi = run("council", data)
        self.assertEqual(vi.returncode, 0, vi.stderr)
        self.assertIn("Tổng điểm trung bình: 95,67 (chính xác 287/3)", vi.stdout)
        self.assertIn("Hạng sao: 5 · công nhận bởi Cấp trung ương", vi.stdout)
        self.assertEqual(run("council", data, "--json").stdout, run("council", data, "--json", lang="en").stdout)
        self.assertIn('"recognised_by":"central"', run("council", data, "--json").stdout)


class SetNames(unittest.TestCase):
    HONEY = "Mật ong, các sản phẩm từ mật ong, mật khác"

    def show(self, name, *more):
        return run("catalog", "show", name, "--edition", "1048-781", *more)

    def test_by_code_id_or_name_with_or_without_accents(self):
        for name in ("I.2.b", "i.2.B", "mat-ong-cac-san-pham-tu-mat-ong-mat-khac", "mat ong", "Mật ong", "MẬT ONG",
                     unicodedata.normalize("NFD", "Mật ong"), "mat-ong"):
            result = self.show(name)
            self.assertEqual(result.returncode, 0, (name, result.stderr))
            self.assertTrue(result.stdout.startswith("I.2.b  " + self.HONEY), name)

    def test_an_ambiguous_name_lists_the_sets_it_matches(self):
        result = self.show("che bien")
        self.assertEqual(result.returncode, 3)
        self.assertIn('"che bien" khớp nhiều bộ sản phẩm trong phiên bản 1048-781', result.stderr)
        for code in ("I.3.a", "I.3.b", "I.3.c"):
            self.assertNotIn(code + " do-an-nhanh", result.stderr)
        self.assertIn("I.3.b che-bien-tu-gao-ngu-coc (Chế biến từ gạo, ngũ cốc)", result.stderr)
        self.assertIn("I.3.e che-bien-tu-thuy-hai-san", result.stderr)

    def test_an_unknown_name_suggests_look_alikes(self):
        result = self.show("ong mat")
        self.assertEqual(result.returncode, 3)
        self.assertIn("có phải", result.stderr)
        self.assertIn("I.2.b mat-ong-cac-san-pham-tu-mat-ong-mat-khac", result.stderr)
        nothing = self.show("xyz", "--lang", "en")
        self.assertEqual(nothing.returncode, 3)
        self.assertIn('no set "xyz" in edition 1048-781', nothing.stderr)

    def test_diff_takes_the_same_names(self):
        by_code = run("catalog", "diff", "1048-781", "26-2026", "--set", "I.1.a", "--json")
        by_id = run("catalog", "diff", "1048-781", "26-2026", "--set", "rau-cu-qua-hat-tuoi", "--json")
        self.assertEqual(by_code.returncode, 0, by_code.stderr)
        self.assertEqual(by_code.stdout, by_id.stdout)
        text = run("catalog", "diff", "1048-781", "26-2026", "--set", "rau cu qua")
        self.assertEqual(text.returncode, 0, text.stderr)
        self.assertIn("Phần A: 35 → 40", text.stdout)
        self.assertRegex(text.stdout, r"thay đổi\s+1\.1\s+1\.1\s+Nguồn nguyên liệu → Nguồn gốc sản phẩm")
        self.assertRegex(text.stdout, r"thêm mới\s+-\s+1\.2")


class TerminalWidth(unittest.TestCase):
    ARGS = ("catalog", "show", "rau-cu-qua-hat-tuoi", "--edition", "1048-781")

    def test_tables_wrap_to_columns_and_keep_every_word(self):
        whole = run(*self.ARGS, "--wide")
        narrow = run(*self.ARGS, columns=80)
        self.assertEqual(narrow.returncode, 0, narrow.stderr)
        table_lines = [line for line in narrow.stdout.splitlines()  # not the knock-outs' prose under each table
                       if line.startswith(("1.", "2.", "3.", "  ", "Tiêu chí", "---")) and not line.startswith("  loại")]
        self.assertTrue(table_lines)
        self.assertLessEqual(max(width(line) for line in table_lines), 80)
        self.assertGreater(max(width(line) for line in whole.stdout.splitlines()), 120)  # --wide: one line per row
        # nothing is cut: every word of the wide output is in the wrapped one (the data has its own "…")
        words = [sorted(w for w in out.stdout.split() if set(w) != {"-"}) for out in (whole, narrow)]  # not the rules
        self.assertEqual(words[0], words[1])
        self.assertEqual(narrow.stdout.count("…"), whole.stdout.count("…"))

    def test_wider_terminal_fewer_lines(self):
        lines = [len(run(*self.ARGS, columns=c).stdout.splitlines()) for c in (70, 100, 160)]
        self.assertGreater(lines[0], lines[1])
        self.assertGreater(lines[1], lines[2])


if __name__ == "__main__":
    unittest.main()
