"""Tests of `ocop campaign` and `ocop demo`: good and bad input, tampering, determinism, crash safety.

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

CLI = os.environ.get("OCOP_CLI", "build/ocop")
APPENDIX_01 = "matches appendix 01: 541 products; by industry 331 25 21 119 37 8"


def run(*args, stdin=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, input=stdin, timeout=300)


class Demo(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="ocop-demo-"))
        cls.first = run("demo", "hanoi-2021", "--out", cls.tmp / "a")
        cls.second = run("demo", "hanoi-2021", "--out", cls.tmp / "b")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_reproduces_appendix_01_and_prints_the_results(self):
        self.assertEqual(self.first.returncode, 0, self.first.stderr)
        out = self.first.stdout
        self.assertIn(APPENDIX_01, out)
        self.assertIn("Results by stars per district", out)
        self.assertIn("Results by stars per industry", out)
        self.assertIn("5-star candidates proposed to the central level", out)
        self.assertIn("SYNTHETIC", out)
        self.assertIn("0 dossiers with a warning", out)
        self.assertRegex(out, r"took \d+ ms")

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

    def test_same_seed_gives_byte_identical_files(self):
        files = sorted(p.name for p in (self.tmp / "a").iterdir())
        self.assertIn("events.jsonl", files)
        self.assertIn("reports.md", files)
        self.assertIn("registrations.csv", files)
        for name in files:
            self.assertEqual((self.tmp / "a" / name).read_bytes(), (self.tmp / "b" / name).read_bytes(), name)

    def test_another_seed_gives_another_run(self):
        other = run("demo", "hanoi-2021", "--seed", "7", "--out", self.tmp / "c")
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
        store = self.tmp / "reports"
        run("campaign", "init", store, "--campaign", "hanoi-2021")
        shutil.copy(self.tmp / "a" / "events.jsonl", store / "events.jsonl")
        shutil.copy(self.tmp / "a" / "head", store / "head")
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

    def test_the_demo_log_opens_as_a_campaign(self):
        store = self.tmp / "store"
        self.assertEqual(run("campaign", "init", store, "--campaign", "hanoi-2021").returncode, 0)
        shutil.copy(self.tmp / "a" / "events.jsonl", store / "events.jsonl")
        shutil.copy(self.tmp / "a" / "head", store / "head")
        status = json.loads(run("campaign", "status", store, "--json").stdout)
        self.assertEqual(status["dossiers"], 541)
        self.assertEqual(status["head"], (self.tmp / "a" / "head").read_text().strip())
        report = run("campaign", "report", store, "--kind", "registrations", "--csv")
        self.assertEqual(report.returncode, 0)
        self.assertEqual(report.stdout.split("\n", 1)[1].strip(), (self.tmp / "a" / "registrations.csv").read_text().strip())


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

    def test_init_needs_a_plan_and_an_empty_directory(self):
        self.assertEqual(run("campaign", "init", self.dir / "x").returncode, 2)
        result = run("campaign", "init", self.dir / "x", "--campaign", "paris-2024")
        self.assertEqual(result.returncode, 3)
        result = run("campaign", "init", self.store, "--campaign", "hanoi-2021")
        self.assertEqual(result.returncode, 1)
        self.assertIn("already holds a campaign", result.stderr)
        self.assertEqual(run("campaign", "status", self.dir / "nothing").returncode, 3)

    def test_apply_acknowledges_each_event(self):
        result = self.apply(self.events[:50])
        self.assertEqual(result.returncode, 0, result.stderr)
        acks = result.stdout.splitlines()
        self.assertEqual(len(acks), 50)
        self.assertTrue(acks[0].startswith("ok 0 registered "))
        self.assertEqual(json.loads(self.status().stdout)["events"], 50)

    def test_a_refused_event_changes_nothing_and_names_the_rule(self):
        self.assertEqual(self.apply(self.events[:20]).returncode, 0)
        before = (self.store / "events.jsonl").read_bytes(), (self.store / "head").read_bytes()
        first = json.loads(self.events[0])
        forged = dict(first, type="forwarded", role="district_people_committee", payload={"to": "province"},
                      at="2021-10-01T09:00:00+07:00")
        result = self.apply([json.dumps(forged)])
        self.assertEqual(result.returncode, 1)
        self.assertIn("refused", result.stderr)
        self.assertIn("1048/QĐ-TTg", result.stderr)
        self.assertEqual(((self.store / "events.jsonl").read_bytes(), (self.store / "head").read_bytes()), before)

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

    def test_an_edited_log_is_detected(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        lines = (self.store / "events.jsonl").read_text(encoding="utf-8").splitlines()
        lines[10] = lines[10].replace("+07:00", "+08:00", 1)
        (self.store / "events.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = self.status()
        self.assertEqual(result.returncode, 5)
        self.assertIn("/10", result.stderr)

    def test_a_truncated_log_is_detected_by_its_head(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        lines = (self.store / "events.jsonl").read_text(encoding="utf-8").splitlines()
        (self.store / "events.jsonl").write_text("\n".join(lines[:25]) + "\n", encoding="utf-8")
        result = self.status()
        self.assertEqual(result.returncode, 5)
        self.assertIn("head", result.stderr)

    def test_a_torn_last_line_is_dropped_on_reopening(self):
        self.assertEqual(self.apply(self.events[:30]).returncode, 0)
        with open(self.store / "events.jsonl", "a", encoding="utf-8") as log:
            log.write('{"index":30,"prev":"abc')
        result = self.status()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("incomplete last line", result.stderr)
        self.assertEqual(json.loads(result.stdout)["events"], 30)

    def test_crash_during_appends_loses_no_acknowledged_event(self):
        rng = random.Random(1)
        path = self.dir / "all.jsonl"
        applied = 0
        for attempt in range(4):
            path.write_text("\n".join(self.events[applied:]) + "\n", encoding="utf-8")
            proc = subprocess.Popen([CLI, "campaign", "apply", str(self.store), str(path)], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            time.sleep(rng.uniform(0.2, 0.8))
            proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate()
            acknowledged = applied + len([line for line in out.splitlines() if line.startswith("ok ")])
            status = self.status()
            self.assertEqual(status.returncode, 0, status.stderr)  # the chain verifies after the crash
            in_log = json.loads(status.stdout)["events"]
            self.assertGreaterEqual(in_log, acknowledged, f"attempt {attempt}: an acknowledged event was lost")
            self.assertLessEqual(in_log, acknowledged + 1)  # at most the one being written when killed
            logged = [json.loads(line)["event"] for line in
                      (self.store / "events.jsonl").read_text(encoding="utf-8").splitlines()]
            self.assertEqual(logged, [json.loads(e) for e in self.events[:in_log]])
            applied = in_log
        self.assertGreater(applied, 0)



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
        self.assertIn("event 3 of 3 (precheck_result PT-001) refused; 2 applied before it", result.stderr)
        self.assertIn('must assess content "local_labour"', result.stderr)

    def test_a_148_1489_dossier_is_refused_after_its_deadline(self):
        store = self.init("148-1489")
        result = run("campaign", "apply", store, EXAMPLES / "events-148-1489.jsonl")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stdout.splitlines()), 6)
        self.assertIn("event 7 of 7 (council_result PT-901) refused; 6 applied before it", result.stderr)
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
