"""The printable documents (docs/cli.md, "Printable documents"): a blank score sheet for every set,
a filled scorecard, a council's minutes and a campaign's report with charts, as self-contained HTML,
read back with html.parser: well-formed, escaped, complete, A4, Vietnamese by default.

Run by ctest with OCOP_CLI set to the built binary; stdlib only. The browser's rendering of the
same documents: test_browser.py.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from html_check import Document, cell_texts, row_widths
from test_output import run  # the tool in Vietnamese unless lang="en"

CLI = os.environ.get("OCOP_CLI", "build/ocop")
DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src" / "data"  # the catalog's editions
DOCS = ROOT / "docs" / "cli.md"
# A name with every character HTML gives a meaning to, and a would-be script.
HOSTILE = "Bà <b>Lan</b> & \"Hoa\" 'Mai' <script>alert(1)</script>"


def html_of(*args, lang=None):
    result = run(*args, lang=lang)
    if result.returncode != 0:
        raise AssertionError(f"ocop {' '.join(map(str, args))}: exit {result.returncode}: {result.stderr}")
    return result.stdout


class SelfContained:
    """Checks every document shares."""

    def assert_document(self, markup, lang="vi"):
        doc = Document(markup)
        self.assertEqual(doc.errors, [])
        self.assertEqual(doc.doctype, "DOCTYPE html")
        self.assertEqual(doc.find("html").attrs["lang"], lang)
        self.assertEqual(doc.find("meta").attrs.get("charset"), "utf-8")
        style = doc.find("style").text()
        self.assertIn("@page { size: A4;", style)
        # nothing to fetch: no script, no link, no image, no URL but the SVG namespace
        for tag in ("script", "link", "img", "iframe", "object"):
            self.assertIsNone(doc.find(tag), tag)
        self.assertEqual(set(re.findall(r"(?:https?:|url\(|@import)[^\s\"]*", markup)) - {"http://www.w3.org/2000/svg"}, set())
        for table in doc.iter("table"):
            widths = row_widths(table)
            self.assertEqual(len(set(widths)), 1, f"rows of unequal width {widths} in {cell_texts(table)[:3]}")
        return doc


class BlankScoreSheets(SelfContained, unittest.TestCase):
    def test_every_set_of_every_edition_with_every_level(self):
        """Against the shipped sheets themselves (src/data/EDITION/sets/*.json)."""
        files = sorted(SHIPPED.glob("*/sets/*.json"))
        self.assertGreaterEqual(len(files), 53)  # 26 + 1 + 26
        for path in files:
            edition, sheet = path.parent.parent.name, json.loads(path.read_text(encoding="utf-8"))
            with self.subTest(edition=edition, set=sheet["id"]):
                doc = self.assert_document(html_of("catalog", "show", sheet["id"], "--edition", edition, "--html"))
                self.assert_every_level(doc, sheet)
                text = doc.text()
                self.assertIn(f"Phiên bản {edition}:", text)
                self.assertIn("nguồn: ", text)
                self.assertIn("Trạng thái của phiếu: ", text)

    def assert_every_level(self, doc, sheet):
        """Each criterion is a group of rows: its number and title, then each level's box, id, full
        label and points (and its minimum-per-star mark where the sheet has them), a case's heading
        above its levels, and one cell to write the points in."""
        groups = list(doc.iter("tbody", class_="keep"))
        criteria = [c for section in sheet["sections"] for c in section["criteria"]]
        self.assertEqual(len(groups), len(criteria))
        marks = any("min_star_levels" in c for c in criteria)
        for group, criterion in zip(groups, criteria):
            rows = cell_texts_of(group)
            self.assertEqual(rows[0][0], criterion["id"])
            self.assertTrue(rows[0][1].startswith(" ".join(criterion["title"].split())), (rows[0][1], criterion["title"]))
            self.assertEqual(rows[0][-1], "")  # the points to write
            rows[0] = rows[0][2:-1]
            expected = [self.level_cells(criterion, level, marks) for level in criterion.get("levels", [])]
            for case in criterion.get("cases", []):
                expected.append([" ".join(f"Trường hợp {case['id']}: {case['label']}".split())])
                expected += [self.level_cells(criterion, level, marks) for level in case["levels"]]
            self.assertEqual(rows, expected or [[""]])
            self.assertEqual(len(list(group.iter("span", class_="box"))), sum(1 for r in expected if len(r) > 1))

    @staticmethod
    def level_cells(criterion, level, marks):
        cells = [level["id"], " ".join(level["label"].split()), str(level["points"])]
        if marks:
            cells.append(" ".join(f"{m['stars']}★" for m in criterion.get("min_star_levels", []) if m["level"] == level["id"]))
        return cells

    def test_the_fields_to_fill_in_the_totals_and_the_signature(self):
        doc = self.assert_document(html_of("catalog", "show", "I.2.b", "--edition", "1048-781", "--html"))
        fields = [r[0] for r in cell_texts(doc.find("table", class_="fields"))]
        self.assertEqual(fields, ["Tên sản phẩm", "Chủ thể", "Địa chỉ (xã, huyện)", "Thành viên Hội đồng", "Ngày đánh giá"])
        totals = [r[0] for r in cell_texts(list(doc.iter("table", class_="fields"))[-1])]
        self.assertEqual(totals[-1], "Tổng điểm (tối đa 100 điểm)")
        self.assertRegex(totals[0], r"^Cộng phần A \(tối đa \d+ điểm\)$")
        text = doc.text()
        self.assertIn("Bộ sản phẩm: I.2.b Mật ong, các sản phẩm từ mật ong, mật khác", text)
        self.assertIn("đối chiếu nguồn: ", text)  # the sheet's verification
        self.assertIn("(ký, ghi rõ họ tên)", text)
        self.assertIn("Phiếu đánh giá, phân hạng sản phẩm OCOP · I.2.b", doc.find("title").text())

    def test_an_incomplete_sheet_says_so(self):
        doc = self.assert_document(html_of("catalog", "show", "III.1", "--edition", "1048-781", "--html"))
        warnings = [p.text() for p in doc.iter("p", class_="warning")]
        self.assertTrue(any(w.startswith("thiếu dữ liệu: ") for w in warnings), warnings)
        self.assertIn("Trạng thái của phiếu: chưa đầy đủ", doc.text())

    def test_minimum_per_star_and_knockouts_of_26_2026(self):
        doc = self.assert_document(html_of("catalog", "show", "rau-cu-qua-hat-tuoi", "--edition", "26-2026", "--html"))
        self.assertIn("Tối thiểu", [th.text() for th in doc.iter("th")])
        self.assertRegex(doc.text(), r"[345]★")
        self.assertIn("Ghi chú loại (đánh dấu nếu có)", doc.text())

    def test_in_english(self):
        doc = self.assert_document(html_of("catalog", "show", "I.2.b", "--edition", "1048-781", "--html", lang="en"), lang="en")
        self.assertEqual(doc.find("h1").text(), "OCOP product evaluation and ranking sheet")
        self.assertIn("Points given", [th.text() for th in doc.iter("th")])

    def test_html_and_json_exclude_each_other(self):
        result = run("catalog", "show", "I.2.b", "--edition", "1048-781", "--html", "--json")
        self.assertEqual(result.returncode, 2)
        self.assertIn("cannot be used together", result.stderr)


def cell_texts_of(tbody):
    return [[c.text() for c in tr.children if c.tag in ("td", "th")] for tr in tbody.children if tr.tag == "tr"]


class FilledDocuments(SelfContained, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="ocop-html-"))
        card = json.loads((DATA / "scorecard.json").read_text(encoding="utf-8"))
        card["evaluator"] = HOSTILE
        (cls.tmp / "card.json").write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
        council = json.loads((DATA / "council.json").read_text(encoding="utf-8"))
        for i, member in enumerate(council["scorecards"]):
            member["evaluator"] = f"{HOSTILE} {i + 1}"
        (cls.tmp / "council.json").write_text(json.dumps(council, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_a_scorecard_with_its_explanation(self):
        markup = html_of("score", self.tmp / "card.json", "--html")
        self.assertNotIn("<b>Lan", markup)
        self.assertNotIn("<script>alert", markup)
        doc = self.assert_document(markup)
        result = json.loads(html_of("score", self.tmp / "card.json", "--json"))
        self.assertIn(f"Phiếu đánh giá {HOSTILE} · I.1.a", doc.text())  # the name read back exactly
        table = cell_texts(doc.find("table"))
        self.assertEqual(len(table), 1 + len(result["criteria"]))
        for row, criterion in zip(table[1:], result["criteria"]):
            self.assertEqual((row[0], row[4], row[5]), (criterion["criterion"], str(criterion["points"]), str(criterion["max_points"])))
        self.assertIn(f"Tổng điểm: {result['total']} / {result['max_total']}", doc.text())

    def test_a_council_s_minutes(self):
        markup = html_of("council", self.tmp / "council.json", "--html")
        self.assertNotIn("<script>alert", markup)
        doc = self.assert_document(markup)
        result = json.loads(html_of("council", self.tmp / "council.json", "--json"))
        tables = list(doc.iter("table"))  # the fields to fill in, the members, the matrix
        members = cell_texts(tables[1])
        self.assertEqual([r[1] for r in members[1:]], [m["evaluator"] for m in result["members"]])
        self.assertEqual([r[0] for r in members[1:]], [f"TV{i + 1}" for i in range(len(result["members"]))])
        matrix = cell_texts(tables[2])
        self.assertEqual(matrix[0][2:-2], [f"TV{i + 1}" for i in range(len(result["members"]))])
        self.assertEqual(len(matrix), 2 + len(result["criterion_means"]))  # header, criteria, totals
        self.assertEqual(matrix[-1][2:-2], [str(m["total"]) for m in result["members"]])
        self.assertEqual(matrix[-1][-2], result["mean_display"].replace(".", ","))
        for row, mean in zip(matrix[1:-1], result["criterion_means"]):
            self.assertEqual((row[0], row[-2], row[-1]), (mean["id"], mean["mean"].replace(".", ","), str(mean["max_points"])))
        # each member's points per criterion are that member's scorecard, scored alone
        first = json.loads((self.tmp / "council.json").read_text(encoding="utf-8"))["scorecards"][0]
        (self.tmp / "first.json").write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
        alone = json.loads(html_of("score", self.tmp / "first.json", "--json"))
        self.assertEqual([r[2] for r in matrix[1:-1]],
                         [str(c["points"]) if c["state"] == "scored" else "Không áp dụng" for c in alone["criteria"]])
        text = doc.text()
        self.assertIn("Tổng điểm trung bình: 95,67 (chính xác 287/3)", text)
        self.assertIn("Hạng sao: 5", text)
        self.assertIn("Thư ký Hội đồng", text)
        self.assertIn("Chủ tịch Hội đồng", text)

    def test_in_english(self):
        doc = self.assert_document(html_of("council", self.tmp / "council.json", "--html", lang="en"), lang="en")
        self.assertIn("Mean: 95.67 (exact 287/3)", doc.text())
        self.assertEqual(doc.find("h1").text(), "Council's summary minutes of an OCOP product evaluation")


class CampaignReport(SelfContained, unittest.TestCase):
    """The report of a campaign that is not Hanoi's, named with characters HTML gives a meaning to."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="ocop-html-report-"))
        template = cls.tmp / "plan.json"
        made = run("campaign", "new", "--province", "Tỉnh <Thử> & \"Một\"", "--year", 2026, "--edition", "26-2026",
                   "--id", "thu-2026", "--out", template)
        assert made.returncode == 0, made.stderr
        plan = json.loads(template.read_text(encoding="utf-8"))
        plan.update(plan="1/KH-UBND", issuer="UBND", issued_on="2026-06-01", source="1/KH-UBND")
        for unchecked in ("units", "units_source"):  # names of units are not checked in this campaign
            del plan[unchecked]
        for step in plan["steps"]:
            for w in step["windows"]:
                w["window"] = {"from": "2026-07-01", "until": "2026-12-31"}
        template.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        init = run("campaign", "init", cls.tmp / "store", "--file", template)
        assert init.returncode == 0, init.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_an_empty_campaign_s_report(self):
        markup = html_of("campaign", "report", self.tmp / "store", "--html")
        self.assertNotIn("<Thử>", markup)
        doc = self.assert_document(markup)
        self.assertEqual(doc.find("h1").text(), "Báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP Tỉnh <Thử> & \"Một\" 2026")
        histogram = doc.find("svg", id="chart-totals")
        self.assertEqual(len(list(histogram.iter("g", class_="bin"))), 20)
        self.assertEqual([b.find("title").text() for b in histogram.iter("g", class_="bin")][10], "50–55: 0")
        edges = sorted(int(line.attrs["x1"]) for line in histogram.iter("line", class_="edge"))
        self.assertEqual(len(edges), 4)  # 26-2026's bands: 30, 50, 70, 90 inside the axis
        self.assertIn("khung hạng sao theo ", doc.text())

    def test_html_takes_no_kind_and_no_other_format(self):
        for extra in (["--kind", "results"], ["--json"], ["--xlsx", self.tmp / "x.xlsx"]):
            with self.subTest(extra=extra):
                result = run("campaign", "report", self.tmp / "store", "--html", *extra)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("cannot be used together", result.stderr)


class DemoReport(SelfContained, unittest.TestCase):
    """The demo's report.html: the appendix 01 matrix, charts drawn from the same counts as the tables."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="ocop-html-demo-"))
        cls.demo = run("demo", "hanoi-2021", "--out", cls.tmp / "out")
        cls.markup = (cls.tmp / "out" / "report.html").read_text(encoding="utf-8") if cls.demo.returncode == 0 else ""

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_the_demo_writes_the_report(self):
        self.assertEqual(self.demo.returncode, 0, self.demo.stderr)
        doc = self.assert_document(self.markup)
        text = doc.text()
        self.assertIn("Báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP Hà Nội 2021", text)
        self.assertIn("GIẢ LẬP", text)
        self.assertIn("Kế hoạch 220/KH-UBND: 541 sản phẩm; đã đăng ký: 541 sản phẩm.", text)
        registrations = cell_texts(doc.find("table"))
        self.assertEqual(registrations[-1], ["Tổng", "331", "25", "21", "119", "37", "8", "541"])

    def test_one_bar_per_district_and_industry_matching_the_tables(self):
        doc = Document(self.markup)
        reports = json.loads((self.tmp / "out" / "reports.json").read_text(encoding="utf-8"))
        for chart_id, matrix in (("chart-district", reports["results"]["by_district"]),
                                 ("chart-industry", reports["results"]["by_industry"])):
            with self.subTest(chart=chart_id):
                bars = list(doc.find("svg", id=chart_id).iter("g", class_="bar"))
                self.assertEqual(len(bars), len(matrix["table"]))
                for bar, row in zip(bars, matrix["table"]):
                    self.assertTrue(bar.find("title").text().endswith(f": {row['total']}"))
                    segments = [s.find("title").text() for s in bar.iter("g", class_="segment")]
                    expected = [f"{column.replace('no rank', 'Chưa xếp hạng')}: {n}"
                                for column, n in zip(matrix["columns"], row["counts"]) if n > 0]
                    self.assertEqual(segments, expected)
        self.assertEqual(len(list(doc.find("svg", id="chart-district").iter("g", class_="bar"))), 26)  # appendix 01's 26 districts

    def test_the_distribution_counts_every_council_result(self):
        doc = Document(self.markup)
        counts = [int(b.find("title").text().split(": ")[1]) for b in doc.find("svg", id="chart-totals").iter("g", class_="bin")]
        note = next(p.text() for p in doc.iter("p") if "hồ sơ có kết quả Hội đồng" in p.text())
        match = re.match(r"(\d+) hồ sơ có kết quả Hội đồng", note)
        self.assertEqual(sum(counts), int(match.group(1)))
        self.assertEqual(int(match.group(1)), 541)  # every dossier of the demo met a district council
        self.assertGreater(sum(counts[10:18]), sum(counts[:10]))  # most products score 50 to 90

    def test_the_same_report_from_the_store_without_the_demo_s_note(self):
        from_store = html_of("campaign", "report", self.tmp / "out", "--html")
        note = re.search(r'<p class="warning">[^<]*GIẢ LẬP[^<]*</p>\n', self.markup)
        self.assertIsNotNone(note)
        self.assertEqual(from_store, self.markup.replace(note.group(0), "", 1))


def documented_blocks():
    """The shell blocks of docs/cli.md's "Printable documents": the tool's commands, then Chromium's."""
    section = DOCS.read_text(encoding="utf-8").split("## Printable documents\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def run_documented_commands(directory):
    """Runs the first block in `directory`, where build/ocop is the tool and tests/ the repository's."""
    (directory / "build").mkdir()
    (directory / "build" / "ocop").symlink_to(Path(CLI).resolve())
    (directory / "tests").symlink_to(ROOT / "tests")
    env = {k: v for k, v in os.environ.items() if k != "OCOP_LANG"}
    return subprocess.run(["sh", "-ec", documented_blocks()[0]], cwd=directory, capture_output=True, text=True, timeout=300, env=env)


class DocumentedExample(unittest.TestCase):
    def test_the_commands_in_docs_cli_md_write_the_documents_shown(self):
        self.assertEqual(len(documented_blocks()), 2)
        tmp = Path(tempfile.mkdtemp(prefix="ocop-html-docs-"))
        try:
            result = run_documented_commands(tmp)
            self.assertEqual(result.returncode, 0, result.stderr)
            def read(name):
                return Document((tmp / name).read_text(encoding="utf-8"))
            sheet = read("phieu-I.2.b.html")
            self.assertIn("Bộ sản phẩm: I.2.b Mật ong, các sản phẩm từ mật ong, mật khác", sheet.text())
            self.assertIn("Cộng phần A (tối đa 35 điểm)", sheet.text())
            self.assertEqual(read("phieu-da-cham.html").find("h1").text(), "Kết quả chấm điểm phiếu đánh giá sản phẩm OCOP")
            minutes = read("bien-ban-hoi-dong.html").text()
            for line in ("Hội đồng 3 thành viên · I.1.a Rau, củ, quả, hạt tươi · phiên bản 1048-781",
                         "Tổng điểm trung bình: 95,67 (chính xác 287/3)", "Chênh lệch tổng điểm giữa các thành viên: 8 điểm (giới hạn 10)"):
                self.assertIn(line, minutes)
            report = read("out/report.html")
            self.assertIn("541 hồ sơ có kết quả Hội đồng; khung hạng sao theo 1048/QĐ-TTg, Phụ lục II", report.text())
            self.assertIn('<g class="bar" data-label="Ba Vì"><title>Ba Vì: 38</title>', (tmp / "out" / "report.html").read_text(encoding="utf-8"))
            english = read("report-en.html")
            self.assertEqual(english.find("html").attrs["lang"], "en")
            self.assertEqual(english.find("h1").text(), "OCOP evaluation and ranking report, Hà Nội 2021")
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main()
