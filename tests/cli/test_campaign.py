"""Tests of `ocop campaign` and `ocop demo`: good and bad input, tampering, determinism, the interchange
format. The store's concurrency, crash and disk-full behaviour: test_store.py.

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

CLI = os.environ.get("OCOP_CLI", "build/ocop")
APPENDIX_01 = "khớp Phụ lục 01: 541 sản phẩm; theo ngành 331 25 21 119 37 8"


def run(*args, stdin=None, lang="en"):
    """The tool in English (OCOP_LANG=en), or in its default language (Vietnamese) with lang=None."""
    env = dict(os.environ, OCOP_LANG=lang) if lang else {k: v for k, v in os.environ.items() if k != "OCOP_LANG"}
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, input=stdin, timeout=300, env=env)


class Demo(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="ocop-demo-"))
        cls.first = run("demo", "hanoi-2021", "--out", cls.tmp / "a", lang=None)  # Vietnamese, the default
        cls.second = run("demo", "hanoi-2021", "--out", cls.tmp / "b", lang=None)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_reproduces_appendix_01_and_prints_the_results(self):
        self.assertEqual(self.first.returncode, 0, self.first.stderr)
        out = self.first.stdout
        self.assertIn(APPENDIX_01, out)
        self.assertIn("Kết quả theo hạng sao, theo huyện (0★: bị loại)", out)
        self.assertIn("Kết quả theo hạng sao, theo ngành", out)
        self.assertIn("Sản phẩm tiềm năng 5 sao đề nghị lên cấp trung ương", out)
        self.assertIn("GIẢ LẬP", out)
        self.assertIn("0 hồ sơ có cảnh báo", out)
        self.assertRegex(out, r"thời gian chạy \d+ ms")
        # categories by their Vietnamese names (the plan's industries), decimals with a comma
        self.assertIn("Ngành thực phẩm", out)
        self.assertIn("Ngành DVDL nông thôn và bán hàng", out)
        self.assertNotIn("rural_tourism_and_sales", out)
        self.assertRegex(out, r"\b9\d,\d\d\b")  # a candidate's province mean, "9x,yy"
        self.assertIn("Đang chờ", out)  # a candidate's status

    def test_english_on_request(self):
        result = run("demo", "hanoi-2021", "--lang", "en", lang=None)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("matches appendix 01: 541 products; by industry 331 25 21 119 37 8", result.stdout)
        self.assertIn("Results by stars per district (0★: knocked out)", result.stdout)
        self.assertIn("Food", result.stdout)
        self.assertNotIn("Ngành thực phẩm", result.stdout)
        self.assertRegex(result.stdout, r"\b9\d\.\d\d\b")
        bad = run("demo", "hanoi-2021", "--lang", "fr", lang=None)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("--lang expects vi or en", bad.stderr)

    def test_status_in_vietnamese(self):
        status = run("campaign", "status", self.tmp / "a", lang=None)
        self.assertEqual(status.returncode, 0, status.stderr)
        self.assertRegex(status.stdout, r"Đã cấp giấy chứng nhận +\d+")  # phase "certified"
        self.assertIn("541 hồ sơ, 20278 sự kiện", status.stdout)
        one = run("campaign", "status", self.tmp / "a", "HN-01-007", lang=None)
        self.assertRegex(one.stdout, r"lần cuối \d\d/\d\d/2021 \d\d:\d\d")
        self.assertRegex(one.stdout, r"Hội đồng Cấp tỉnh lần 1: điểm trung bình \d+,\d\d")
        self.assertRegex(one.stdout, r"hết hạn \d\d/\d\d/2024")
        english = run("campaign", "status", self.tmp / "a", "HN-01-007")
        self.assertRegex(english.stdout, r"last 2021-\d\d-\d\dT")

    def test_a_realistic_spread(self):
        report = json.loads((self.tmp / "a" / "reports.json").read_text(encoding="utf-8"))
        by_industry = report["results"]["by_industry"]
        columns = by_industry["columns"]
        totals = dict(zip(columns, by_industry["column_totals"]))
        self.assertEqual(by_industry["total"], 541)
        self.assertGreater(totals["0★"], 0, "some products are knocked out")
        self.assertGreater(totals["2★"], 0, "some products stay below 50")
        self.assertGreater(totals["3★"], totals["4★"])
        self.assertGreater(totals["4★"], 0)
        self.assertGreater(len(report["candidates"]), 0, "some products reach 90")
        for row in report["recognised"]:
            self.assertIn(row["stars"], (3, 4))
            self.assertEqual(row["expires_on"][:4], str(int(row["issued_on"][:4]) + 3))  # 36 months
        log = (self.tmp / "a" / "events.jsonl").read_text(encoding="utf-8").splitlines()
        types = {json.loads(line)["event"]["type"] for line in log}
        for step in ("registered", "forwarded", "closed", "appraisal_result", "council_result", "completion_requested",
                     "completion_submitted", "recognition_proposed", "not_recognised", "decision_recorded",
                     "certificate_issued"):
            self.assertIn(step, types)
        members = {json.loads(line)["event"]["payload"]["members"] for line in log
                   if json.loads(line)["event"]["type"] == "council_result"}
        self.assertTrue(members <= set(range(7, 12)), members)

    def test_the_councils_analytics_come_from_the_scorecards_in_the_log(self):
        out = self.first.stdout
        councils = int(re.search(r"(\d+) Hội đồng, (\d+) phiếu", out).group(1))
        self.assertIn(f"Tính nhất quán của hội đồng: phân tích {councils} hội đồng, ", out)
        self.assertIn("Tiêu chí sản phẩm bị mất điểm nhiều nhất", out)
        written = json.loads((self.tmp / "a" / "analytics.json").read_text(encoding="utf-8"))
        self.assertEqual(written["councils"], councils)
        self.assertEqual(sum(i["councils"] for i in written["industries"]), councils)
        # The store's log gives the same analytics as the run's log in memory.
        from_store = run("campaign", "analytics", self.tmp / "a", "--json")
        self.assertEqual(from_store.returncode, 0, from_store.stderr)
        self.assertEqual(json.loads(from_store.stdout), written)
        by_level = [json.loads(run("campaign", "analytics", self.tmp / "a", "--level", level, "--json").stdout)["councils"]
                    for level in ("district", "province")]
        self.assertEqual(sum(by_level), councils)
        self.assertGreater(by_level[1], by_level[0])  # two province rounds for many dossiers
        text = run("campaign", "analytics", self.tmp / "a", "--level", "province", "--top", "1")
        self.assertIn(f"Campaign analytics · {by_level[1]} councils", text.stdout)
        self.assertNotIn("entered from paper", text.stdout)  # the demo records every member's card, at every level
        none = run("campaign", "analytics", self.tmp / "a", "--level", "central")
        self.assertEqual(none.returncode, 3, none.stderr)
        self.assertIn("records no council scorecards at level \"central\"", none.stderr)

    def test_same_seed_gives_byte_identical_files(self):
        files = sorted(p.name for p in (self.tmp / "a").iterdir())
        self.assertIn("events.jsonl", files)
        self.assertIn("reports.md", files)
        self.assertIn("registrations.csv", files)
        self.assertIn("reports.xlsx", files)
        self.assertIn("report.html", files)
        self.assertIn("campaign.sqlite", files)
        for name in files:
            if not name.startswith("campaign.sqlite"):  # a database (and the -shm/-wal its readers add): not byte for byte
                self.assertEqual((self.tmp / "a" / name).read_bytes(), (self.tmp / "b" / name).read_bytes(), name)
        exported = [run("campaign", "export", self.tmp / d).stdout for d in ("a", "b")]
        self.assertEqual(exported[0], exported[1])
        self.assertEqual(exported[0], (self.tmp / "a" / "events.jsonl").read_text(encoding="utf-8"))

    def test_out_refuses_a_path_that_holds_anything(self):
        before = (self.tmp / "a" / "events.jsonl").read_bytes()
        result = run("demo", "hanoi-2021", "--seed", "9", "--out", self.tmp / "a")
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not empty (it holds analytics.json, campaign.sqlite, candidates.csv", result.stderr)
        self.assertEqual((self.tmp / "a" / "events.jsonl").read_bytes(), before)
        a_file = self.tmp / "a-file"
        a_file.write_text("keep me", encoding="utf-8")
        result = run("demo", "hanoi-2021", "--out", a_file)
        self.assertEqual(result.returncode, 1)
        self.assertIn("not a directory", result.stderr)
        self.assertEqual(a_file.read_text(encoding="utf-8"), "keep me")
        (self.tmp / "empty").mkdir()
        self.assertEqual(run("demo", "hanoi-2021", "--out", self.tmp / "empty").returncode, 0)

    def test_another_seed_gives_another_run(self):
        other = run("demo", "hanoi-2021", "--seed", "7", "--out", self.tmp / "c", lang=None)
        self.assertEqual(other.returncode, 0)
        self.assertIn(APPENDIX_01, other.stdout)
        self.assertNotEqual((self.tmp / "a" / "events.jsonl").read_bytes(), (self.tmp / "c" / "events.jsonl").read_bytes())

    @unittest.skipUnless(shutil.which("script"), "needs script(1) from util-linux for a pseudo-terminal")
    def test_progress_bar_only_on_a_terminal(self):
        self.assertNotIn("dossiers\r", self.first.stderr)
        self.assertNotIn("[###", self.first.stderr)
        on_tty = subprocess.run(["script", "-qec", f"'{CLI}' demo hanoi-2021 > /dev/null", "/dev/null"],
                                capture_output=True, text=True, timeout=300)
        self.assertEqual(on_tty.returncode, 0)
        self.assertIn("[########################################] 541/541 dossiers", on_tty.stdout)

    def test_bad_arguments(self):
        self.assertEqual(run("demo", "paris-2024").returncode, 2)
        result = run("demo", "hanoi-2021", "--seed", "-3")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--seed expects a non-negative integer", result.stderr)

    def test_validate_checks_a_log_and_its_chain(self):
        log = self.tmp / "a" / "events.jsonl"
        result = run("validate", log)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("valid log", result.stdout)
        lines = log.read_text(encoding="utf-8").splitlines()
        tampered = self.tmp / "tampered.jsonl"
        tampered.write_text("\n".join(lines[:3] + lines[4:]) + "\n", encoding="utf-8")  # one entry deleted
        result = run("validate", tampered)
        self.assertEqual(result.returncode, 5)
        self.assertIn("/3", result.stderr)

    def test_validate_checks_events(self):
        lines = (self.tmp / "a" / "events.jsonl").read_text(encoding="utf-8").splitlines()[:3]
        events = [json.loads(line)["event"] for line in lines]
        good = self.tmp / "events.json"
        good.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
        self.assertIn("valid events", run("validate", good).stdout)
        del events[1]["actor"]
        events[2]["role"] = "king"
        bad = self.tmp / "events-bad.json"
        bad.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
        result = run("validate", bad)
        self.assertEqual(result.returncode, 1)
        self.assertIn("/1/actor", result.stderr)
        self.assertIn("/2/role", result.stderr)

    def test_reports_in_every_format(self):
        store = self.tmp / "a"
        as_json = json.loads(run("campaign", "report", store, "--json").stdout)
        self.assertEqual(set(as_json), {"registrations", "results", "candidates", "recognised", "overdue", "progress", "as_of"})
        self.assertEqual(as_json["registrations"]["total"], 541)
        markdown = run("campaign", "report", store, "--kind", "candidates", "--markdown").stdout
        self.assertTrue(markdown.startswith("## 5-star candidates"))
        self.assertIn("| ---", markdown)
        text = run("campaign", "report", store, "--kind", "results").stdout
        self.assertIn("Results by stars per industry", text)
        late = json.loads(run("campaign", "report", store, "--kind", "recognised", "--as-of", "2025-01-01", "--json").stdout)
        self.assertTrue(late["recognised"])
        self.assertTrue(all(not row["valid"] for row in late["recognised"]))  # 36 months have passed
        bad = run("campaign", "report", store, "--kind", "gossip")
        self.assertEqual(bad.returncode, 2)
        self.assertIn('unknown report "gossip"', bad.stderr)
        self.assertEqual(run("campaign", "report", store, "--as-of", "yesterday").returncode, 2)

    def test_the_demo_log_imports_as_a_campaign(self):
        source = self.tmp / "jsonl"
        source.mkdir()
        shutil.copy(self.tmp / "a" / "events.jsonl", source / "events.jsonl")
        shutil.copy(self.tmp / "a" / "head", source / "head")
        (source / "campaign.json").write_text(run("campaign", "export", self.tmp / "a", "--out", self.tmp / "x").stdout and
                                              (self.tmp / "x" / "campaign.json").read_text(encoding="utf-8"), encoding="utf-8")
        store = self.tmp / "imported"
        result = run("campaign", "import", store, source)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("imported 20278 entries", result.stdout)
        status = json.loads(run("campaign", "status", store, "--json").stdout)
        self.assertEqual(status["dossiers"], 541)
        self.assertEqual(status["head"], (self.tmp / "a" / "head").read_text().strip())
        report = run("campaign", "report", store, "--kind", "registrations", "--csv", lang=None)
        self.assertEqual(report.returncode, 0)
        self.assertEqual(report.stdout, (self.tmp / "a" / "registrations.csv").read_text(encoding="utf-8"))
        self.assertEqual(run("campaign", "export", store).stdout, (self.tmp / "a" / "events.jsonl").read_text(encoding="utf-8"))
        for name in ("events.jsonl", "head"):  # export --out writes the interchange files byte for byte
            self.assertEqual((self.tmp / "x" / name).read_bytes(), (self.tmp / "a" / name).read_bytes(), name)
        self.assertIn("verified 20278 entries", run("campaign", "verify", store).stdout)

    def test_the_views_for_analysts(self):
        db = sqlite3.connect(f"file:{self.tmp / 'a' / 'campaign.sqlite'}?mode=ro", uri=True)
        try:
            stars = dict(db.execute("SELECT stars, count(*) FROM dossier_summary WHERE phase = 'certified' GROUP BY stars"))
            report = json.loads((self.tmp / "a" / "reports.json").read_text(encoding="utf-8"))
            self.assertEqual(set(stars), {3, 4})
            self.assertEqual(sum(stars.values()), 463)
            councils = db.execute("SELECT count(*), min(members), max(members) FROM council_results").fetchone()
            self.assertEqual(councils, (1597, 7, 11))
            certificates = db.execute("SELECT number, stars, issued_on, expires_on FROM certificates ORDER BY number").fetchall()
            self.assertEqual(sorted((r["certificate"], r["stars"], r["issued_on"], r["expires_on"]) for r in report["recognised"]),
                             certificates)
            mean = db.execute("SELECT mean FROM dossier_summary WHERE id = 'HN-01-001'").fetchone()[0]
            self.assertRegex(mean, r"^\d+\.\d\d$")
        finally:
            db.close()


def demo_events(limit):
    """The first `limit` events of the demo's log, as JSON lines for `campaign apply`."""
    tmp = Path(tempfile.mkdtemp(prefix="ocop-events-"))
    try:
        subprocess.run([CLI, "demo", "hanoi-2021", "--out", str(tmp)], check=True, capture_output=True, timeout=300)
        lines = (tmp / "events.jsonl").read_text(encoding="utf-8").splitlines()[:limit]
        return [json.dumps(json.loads(line)["event"], ensure_ascii=False) for line in lines]
    finally:
        shutil.rmtree(tmp)


class Campaign(unittest.TestCase):
    events = None

    @classmethod
    def setUpClass(cls):
        cls.events = demo_events(400)

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ocop-campaign-"))
        self.store = self.dir / "store"
        result = run("campaign", "init", self.store, "--campaign", "hanoi-2021")
        self.assertEqual(result.returncode, 0, result.stderr)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def apply(self, lines):
        path = self.dir / "in.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return run("campaign", "apply", self.store, path)

    def status(self):
        return run("campaign", "status", self.store, "--json")

    def export(self):
        return run("campaign", "export", self.store).stdout

    def sql(self, *statements):
        db = sqlite3.connect(self.store / "campaign.sqlite")
        try:
            for statement in statements:
                db.execute(statement)
            db.commit()
        finally:
            db.close()

    def test_init_needs_a_plan_and_an_empty_directory(self):
        self.assertEqual(run("campaign", "init", self.dir / "x").returncode, 2)
        result = run("campaign", "init", self.dir / "x", "--campaign", "paris-2024")
        self.assertEqual(result.returncode, 3)
        result = run("campaign", "init", self.store, "--campaign", "hanoi-2021")
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not empty (it holds campaign.sqlite)", result.stderr)
        result = run("campaign", "status", self.dir / "nothing")
        self.assertEqual(result.returncode, 3)
        self.assertIn("holds no campaign store", result.stderr)

    def test_init_never_empties_an_old_log(self):
        old = self.dir / "old"  # the reproduction of issue 14: a log and its head, no campaign.json
        old.mkdir()
        (old / "events.jsonl").write_text("precious\n", encoding="utf-8")
        (old / "head").write_text("0" * 64 + "\n", encoding="utf-8")
        result = run("campaign", "init", old, "--campaign", "hanoi-2021")
        self.assertEqual(result.returncode, 1)
        self.assertIn("it holds events.jsonl, head", result.stderr)
        self.assertEqual((old / "events.jsonl").read_text(encoding="utf-8"), "precious\n")
        self.assertEqual(sorted(p.name for p in old.iterdir()), ["events.jsonl", "head"])

    def test_apply_acknowledges_each_event(self):
        result = self.apply(self.events[:50])
        self.assertEqual(result.returncode, 0, result.stderr)
        acks = result.stdout.splitlines()
        self.assertEqual(len(acks), 50)
        self.assertTrue(acks[0].startswith("ok 0 registered "))
        self.assertTrue(acks[49].startswith("ok 49 "))
        self.assertEqual(json.loads(self.status().stdout)["events"], 50)

    def forged(self):
        first = json.loads(self.events[0])
        return json.dumps(dict(first, type="forwarded", role="district_people_committee", payload={"to": "province"},
                               at="2021-10-01T09:00:00+07:00"))

    def test_a_batch_commits_all_or_nothing(self):
        self.assertEqual(self.apply(self.events[:10]).returncode, 0)
        before = self.export()
        result = self.apply(self.events[10:30] + [self.forged()] + self.events[30:40])
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertIn("event 21 of 31 (forwarded HN-06-026) refused; nothing was committed", result.stderr)
        self.assertIn("1048/QĐ-TTg", result.stderr)
        self.assertEqual(self.export(), before)
        self.assertEqual(json.loads(self.status().stdout)["events"], 10)

    def test_partial_commits_the_events_before_the_refused_one(self):
        path = self.dir / "in.jsonl"
        path.write_text("\n".join(self.events[:20] + [self.forged()] + self.events[20:30]) + "\n", encoding="utf-8")
        result = run("campaign", "apply", self.store, path, "--partial")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stdout.splitlines()), 20)
        self.assertTrue(result.stdout.splitlines()[-1].startswith("ok 19 "))
        self.assertIn("event 21 of 31 (forwarded HN-06-026) refused; the 20 new event(s) before it were committed", result.stderr)
        self.assertEqual(json.loads(self.status().stdout)["events"], 20)

    def test_a_bad_line_after_applied_or_refused_events_refuses_the_whole_batch(self):
        """JSON lines are applied as they are read: a line that is not an event, found after events were
        applied (or one was refused), still refuses the batch, naming every bad line, and commits nothing."""
        self.assertEqual(self.apply(self.events[:10]).returncode, 0)
        before = self.export()
        for partial in ([], ["--partial"]):
            for lines in (self.events[10:30] + ["not json"] + self.events[30:40] + ['{"type": "nope"}'],
                          self.events[10:30] + [self.forged()] + self.events[30:40] + ["not json", '{"type": "nope"}']):
                path = self.dir / "in.jsonl"
                path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                result = run("campaign", "apply", self.store, path, *partial)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertEqual(result.stdout, "")
                bad = [i + 1 for i, line in enumerate(lines) if line in ("not json", '{"type": "nope"}')]
                for line in bad:
                    self.assertIn(f"/{line}", result.stderr)
                self.assertNotIn("refused", result.stderr)
                self.assertNotIn("committed", result.stderr)
                self.assertEqual(self.export(), before)
        missing = run("campaign", "apply", self.dir / "no-store", path)  # the bad lines come before the store
        self.assertEqual(missing.returncode, 1, missing.stderr)
        self.assertIn(f"/{bad[0]}", missing.stderr)

    def test_rerunning_an_apply_is_safe(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        result = self.apply(self.events[:50])
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 50)
        self.assertTrue(all(line.startswith(f"already {i} ") for i, line in enumerate(lines[:30])), lines[:3])
        self.assertTrue(all(line.startswith(f"ok {i + 30} ") for i, line in enumerate(lines[30:])), lines[30:33])
        self.assertEqual(json.loads(self.status().stdout)["events"], 50)
        again = self.apply(self.events[:50])
        self.assertEqual(again.returncode, 0)
        self.assertEqual(len([line for line in again.stdout.splitlines() if line.startswith("already ")]), 50)
        self.assertIn("verified 50 entries", run("campaign", "verify", self.store).stdout)

    def test_a_role_that_may_not_apply_the_event(self):
        first = json.loads(self.events[0])
        result = self.apply([json.dumps(dict(first, role="ministry"))])
        self.assertEqual(result.returncode, 1)
        self.assertEqual(json.loads(self.status().stdout)["events"], 0)

    def test_ill_formed_events_are_reported_with_their_path(self):
        first = json.loads(self.events[0])
        del first["reason"]
        result = self.apply([self.events[1], json.dumps(first)])
        self.assertEqual(result.returncode, 1)
        self.assertIn("/2", result.stderr)
        self.assertIn("reason", result.stderr)
        self.assertEqual(json.loads(self.status().stdout)["events"], 0)

    def test_status_of_one_dossier(self):
        self.assertEqual(self.apply(self.events[:40]).returncode, 0)
        dossier = json.loads(self.events[0])["dossier"]
        state = json.loads(run("campaign", "status", self.store, dossier, "--json").stdout)
        self.assertEqual(state["dossier"]["id"], dossier)
        self.assertGreater(state["events"], 0)
        self.assertIn("phase ", run("campaign", "status", self.store, dossier).stdout)
        self.assertEqual(run("campaign", "status", self.store, "HN-99-999").returncode, 3)

    def test_an_edited_entry_is_detected(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        self.sql("UPDATE entries SET event = replace(event, '+07:00', '+08:00') WHERE idx = 10")
        self.assertEqual(self.status().returncode, 0)  # opening checks the end of the chain only (docs/cli.md)
        result = run("campaign", "verify", self.store)
        self.assertEqual(result.returncode, 5)
        self.assertIn("/10: entry 10 was edited", result.stderr)
        self.assertEqual(run("campaign", "export", self.store).returncode, 5)

    def test_an_edited_last_entry_is_detected_on_opening(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        self.sql("UPDATE entries SET event = replace(event, '+07:00', '+08:00') WHERE idx = 29")
        for command in ("status", "report", "head"):
            result = run("campaign", command, self.store)
            self.assertEqual(result.returncode, 5, command)
            self.assertIn("entry 29 was edited", result.stderr)
        self.assertEqual(self.apply(self.events[30:31]).returncode, 5)

    def test_an_edited_snapshot_is_detected(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        dossier = json.loads(self.events[0])["dossier"]
        self.sql(f"UPDATE dossiers SET state = replace(state, '\"events\":', '\"events\":1') WHERE id = '{dossier}'")
        result = run("campaign", "status", self.store, dossier)
        self.assertEqual(result.returncode, 5)
        self.assertIn(f"the snapshot row of dossier {dossier} was edited", result.stderr)
        # re-hashed by the editor: only the replay can tell
        self.sql(f"UPDATE dossiers SET state_sha = '' WHERE id = '{dossier}'")
        db = sqlite3.connect(self.store / "campaign.sqlite")
        state = db.execute("SELECT state FROM dossiers WHERE id = ?", (dossier,)).fetchone()[0]
        db.execute("UPDATE dossiers SET state_sha = ? WHERE id = ?", (hashlib.sha256(state.encode()).hexdigest(), dossier))
        db.commit()
        db.close()
        self.assertEqual(run("campaign", "status", self.store, dossier).returncode, 0)
        result = run("campaign", "verify", self.store)
        self.assertEqual(result.returncode, 5)
        self.assertIn(f"the snapshot of dossier {dossier} differs from the replay", result.stderr)

    def test_a_truncated_log_is_detected(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        kept = run("campaign", "head", self.store).stdout.strip()
        self.assertEqual(len(kept), 64)
        self.assertIn("verified 30 entries", run("campaign", "verify", self.store, "--head", kept).stdout)
        self.sql("DELETE FROM entries WHERE idx >= 25")
        result = self.status()
        self.assertEqual(result.returncode, 5)
        self.assertIn("entries were removed or added", result.stderr)
        # a careful truncation that also rewinds the head and the snapshot: only the kept head shows it
        db = sqlite3.connect(self.store / "campaign.sqlite")
        db.execute("UPDATE head SET events = 25, hash = (SELECT hash FROM entries WHERE idx = 24)")
        db.commit()
        db.close()
        self.assertEqual(self.status().returncode, 0)
        result = run("campaign", "verify", self.store, "--head", kept)
        self.assertEqual(result.returncode, 5)
        self.assertIn("does not contain the head you kept", result.stderr)

    def test_import_reads_an_old_campaign_directory_without_writing_it(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        old = self.dir / "old"
        self.assertEqual(run("campaign", "export", self.store, "--out", old).returncode, 0)
        self.assertEqual((old / "events.jsonl").read_text(encoding="utf-8"), self.export())
        with open(old / "events.jsonl", "a", encoding="utf-8") as log:
            log.write('{"index":30,"prev":"abc')  # a torn last line, as a crash of the old store left it
        before = {p.name: p.read_bytes() for p in old.iterdir()}
        result = run("campaign", "import", self.dir / "new", old)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("incomplete last line", result.stderr)
        self.assertIn("imported 30 entries", result.stdout)
        self.assertEqual({p.name: p.read_bytes() for p in old.iterdir()}, before)
        self.assertEqual(run("campaign", "export", self.dir / "new").stdout, self.export())
        (old / "head").write_text("f" * 64 + "\n", encoding="utf-8")
        result = run("campaign", "import", self.dir / "newer", old)
        self.assertEqual(result.returncode, 5)
        self.assertIn("does not contain the head", result.stderr)
        self.assertFalse((self.dir / "newer" / "campaign.sqlite").exists())



EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


class Edition2026(unittest.TestCase):
    """The transcripts of docs/workflow.md ("Edition 26-2026"): a campaign under 26-2026 from the
    commune's check to the province's and the ministry's certificates, and a 148-1489 campaign whose
    dossier is refused after the transition deadline (26/2026/QĐ-TTg, Điều 11-12)."""

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ocop-2026-"))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def init(self, plan):
        store = self.dir / plan
        result = run("campaign", "init", store, "--file", EXAMPLES / ("plan-" + plan + ".json"))
        self.assertEqual(result.returncode, 0, result.stderr)
        return store

    def test_a_26_2026_campaign_runs_end_to_end(self):
        store = self.init("26-2026")
        result = run("campaign", "apply", store, EXAMPLES / "events-26-2026.jsonl")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(result.stdout.splitlines()), 27)
        self.assertIn("not in our reference data as a checklist", result.stderr)
        states = {d: json.loads(run("campaign", "status", store, d, "--json").stdout) for d in ("PT-001", "PT-002", "PT-003")}
        self.assertEqual(states["PT-001"]["edition"], "26-2026")
        self.assertEqual([(c["level"], c["stars"], c["expires_on"]) for c in states["PT-001"]["certificates"]],
                         [("province", 4, "2029-07-25")])
        self.assertEqual([(c["level"], c["stars"]) for c in states["PT-002"]["certificates"]], [("central", 5)])
        self.assertEqual((states["PT-003"]["phase"], states["PT-003"]["final_stars"], states["PT-003"]["certificates"]),
                         ("not_recognised", 2, []))

    def test_the_commune_must_assess_the_five_contents(self):
        store = self.init("26-2026")
        lines = (EXAMPLES / "events-26-2026.jsonl").read_text(encoding="utf-8").splitlines()[:3]
        precheck = json.loads(lines[2])
        del precheck["payload"]["contents"][2]
        path = self.dir / "in.jsonl"
        path.write_text("\n".join(lines[:2] + [json.dumps(precheck, ensure_ascii=False)]) + "\n", encoding="utf-8")
        result = run("campaign", "apply", store, path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("event 3 of 3 (precheck_result PT-001) refused; nothing was committed", result.stderr)
        self.assertIn('must assess content "local_labour"', result.stderr)
        self.assertEqual(run("campaign", "status", store, "PT-001").returncode, 3, "PT-001 was registered by event 1: nothing may be committed")

    def test_a_148_1489_dossier_is_refused_after_its_deadline(self):
        store = self.init("148-1489")
        result = run("campaign", "apply", store, EXAMPLES / "events-148-1489.jsonl", "--partial")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stdout.splitlines()), 6)
        self.assertIn("event 7 of 7 (council_result PT-901) refused; the 6 new event(s) before it were committed", result.stderr)
        self.assertIn("dossier PT-901 had until 2026-07-20; council_result on 2026-07-21 is refused", result.stderr)
        self.assertIn("Điều 12 khoản 2", result.stderr)
        late = {"type": "submitted", "dossier": "PT-902", "actor": "x", "role": "subject", "at": "2026-05-22T09:00:00+07:00",
                "payload": {"documents": []}, "reason": "nộp hồ sơ"}
        path = self.dir / "late.json"
        path.write_text(json.dumps(late), encoding="utf-8")
        result = run("campaign", "apply", store, path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("only dossiers filed before that day finish under it", result.stderr)

if __name__ == "__main__":
    unittest.main()


class CouncilScorecards(unittest.TestCase):
    """The transcript of docs/workflow.md ("Councils: scorecards in the log"): three members'
    scorecards recorded by the council's secretary, and the district council's round 1 computed
    from them; a card after the round is closed is refused."""

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ocop-council-"))
        self.store = self.dir / "bv"
        self.assertEqual(run("campaign", "init", self.store, "--campaign", "hanoi-2021").returncode, 0)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_the_round_is_computed_from_the_recorded_cards(self):
        result = run("campaign", "apply", self.store, EXAMPLES / "events-council.jsonl")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines()[2:], [f"ok {i} scorecard_recorded HN-BV-001-2021" for i in (2, 3, 4)] +
                         ["ok 5 council_result HN-BV-001-2021"])
        state = json.loads(run("campaign", "status", self.store, "HN-BV-001-2021", "--json").stdout)
        events = [json.loads(line) for line in (EXAMPLES / "events-council.jsonl").read_text(encoding="utf-8").splitlines()]
        with_answers = [e["payload"]["scorecard"] for e in events if e["type"] == "scorecard_recorded"]
        council = self.dir / "council.json"  # the same cards as a council document: `ocop council` gives the expected result
        council.write_text(json.dumps({"policy": {"level": "district"}, "scorecards": with_answers}, ensure_ascii=False), encoding="utf-8")
        expected = json.loads(run("council", council, "--json").stdout)
        self.assertEqual(state["results"], [{"level": "district", "round": 1, "mean": expected["mean"],
                                             "mean_display": expected["mean_display"], "stars": expected["stars"], "members": 3,
                                             "at": "2021-09-20T15:00:00+07:00"}])
        self.assertEqual((expected["mean_display"], expected["band_stars"], expected["stars"]), ("86.00", 4, 3))  # as docs/workflow.md says
        self.assertNotIn("scorecards", state)
        late = dict(events[2], at="2021-09-20T16:00:00+07:00")
        late["payload"] = dict(late["payload"], scorecard=dict(with_answers[0], evaluator="Phạm Thị Dung"))
        path = self.dir / "late.jsonl"
        path.write_text(json.dumps(late, ensure_ascii=False) + "\n", encoding="utf-8")
        refused = run("campaign", "apply", self.store, path)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("/payload/round: round 1 at level district is closed", refused.stderr)
