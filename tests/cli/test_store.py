"""The campaign store under stress (docs/testing.md): two writers at once, readers during writes, kill -9
during large applies, a full disk, a read-only store. Each reproduces a way the JSONL store of earlier
versions lost events (issue 14) and checks that none is lost now.

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from demo_events import demo_events

CLI = os.environ.get("OCOP_CLI", "build/ocop")
EVENTS = []  # the demo's events as JSON lines, read once


def run(*args, env=None, user=None, cli=None):
    return subprocess.run([cli or CLI, *map(str, args)], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, OCOP_LANG="en", **(env or {})), user=user)  # messages in English


def setUpModule():
    EVENTS.extend(demo_events(CLI))


def wait_until_catching(proc, signum, limit=60.0):
    """Waits until `proc` has installed a handler for `signum` (SigCgt in /proc/PID/status), so that a
    signal sent now tests the handler and not how fast a loaded machine starts a process."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with open(f"/proc/{proc.pid}/status", encoding="ascii") as status:
                caught = next(int(line.split()[1], 16) for line in status if line.startswith("SigCgt:"))
        except FileNotFoundError:  # it has ended (and been reaped) already
            return
        if caught & (1 << (signum - 1)):
            return
        time.sleep(0.005)


class StoreTest(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ocop-store-"))
        self.store = self.dir / "store"
        result = run("campaign", "init", self.store, "--campaign", "hanoi-2021")
        self.assertEqual(result.returncode, 0, result.stderr)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, lines):
        path = self.dir / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def logged(self):
        """The events in the store, in order, as dicts (from the JSONL export)."""
        out = run("campaign", "export", self.store)
        self.assertEqual(out.returncode, 0, out.stderr)
        return [json.loads(line)["event"] for line in out.stdout.splitlines()]

    def assert_verifies(self, events):
        result = run("campaign", "verify", self.store)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"verified {events} entries", result.stdout)


class Writers(StoreTest):
    def test_two_writers_at_once_lose_and_duplicate_nothing(self):
        # two files touching different dossiers, each in the demo's order, applied at the same time
        dossiers = sorted({json.loads(e)["dossier"] for e in EVENTS[:1500]})
        mine = set(dossiers[::2])
        first = [e for e in EVENTS[:1500] if json.loads(e)["dossier"] in mine]
        second = [e for e in EVENTS[:1500] if json.loads(e)["dossier"] not in mine]
        procs = [subprocess.Popen([CLI, "campaign", "apply", str(self.store), str(self.write(name, lines))],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for name, lines in (("a.jsonl", first), ("b.jsonl", second))]
        outs = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outs):
            self.assertEqual(p.returncode, 0, err)
        acks = [line for out, _ in outs for line in out.splitlines()]
        self.assertEqual(len(acks), 1500)
        self.assertEqual(sorted(int(a.split()[1]) for a in acks), list(range(1500)))  # each index once
        logged = self.logged()
        self.assertEqual(len(logged), 1500)
        for part in (first, second):  # every event once, each file's order kept
            wanted = [json.loads(e) for e in part]
            self.assertEqual([e for e in logged if e in wanted], wanted)
        self.assert_verifies(1500)

    def test_the_same_file_twice_at_once_is_applied_once(self):
        path = self.write("same.jsonl", EVENTS[:800])
        procs = [subprocess.Popen([CLI, "campaign", "apply", str(self.store), str(path)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outs = [p.communicate(timeout=120) for p in procs]
        self.assertEqual([p.returncode for p in procs], [0, 0], [err for _, err in outs])
        kinds = sorted(out.splitlines()[0].split()[0] for out, _ in outs)
        self.assertEqual(kinds, ["already", "ok"])  # serialised: one applied, the other found it applied
        self.assertEqual(self.logged(), [json.loads(e) for e in EVENTS[:800]])

    def test_a_writer_that_cannot_get_the_lock_says_so(self):
        self.assertEqual(run("campaign", "apply", self.store, self.write("a.jsonl", EVENTS[:10])).returncode, 0)
        holder = sqlite3.connect(self.store / "campaign.sqlite", isolation_level=None)
        try:
            holder.execute("BEGIN IMMEDIATE")  # another process writing
            started = time.monotonic()
            result = run("campaign", "apply", self.store, self.write("b.jsonl", EVENTS[10:20]),
                         env={"OCOP_STORE_BUSY_TIMEOUT_MS": "300"})
            waited = time.monotonic() - started
            self.assertEqual(result.returncode, 4)
            self.assertIn("the campaign is being written by another process", result.stderr)
            self.assertIn("nothing was committed: 0 of 10 events applied", result.stderr)
            self.assertGreaterEqual(waited, 0.3)
            status = run("campaign", "status", self.store, "--json")  # readers are not blocked by the writer
            self.assertEqual(status.returncode, 0, status.stderr)
            self.assertEqual(json.loads(status.stdout)["events"], 10)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        self.assertEqual(run("campaign", "apply", self.store, self.dir / "b.jsonl").returncode, 0)
        self.assertEqual(len(self.logged()), 20)


class Readers(StoreTest):
    def test_readers_during_writes_never_report_tampering(self):
        chunks = [EVENTS[i:i + 150] for i in range(0, 1800, 150)]
        writer = subprocess.Popen(["sh", "-c", " && ".join(
            f"'{CLI}' campaign apply '{self.store}' '{self.write(f'c{i}.jsonl', chunk)}' > /dev/null"
            for i, chunk in enumerate(chunks))])
        reads, seen = 0, set()
        while writer.poll() is None or reads < 5:
            for command in (("status", "--json"), ("verify",), ("report", "--kind", "progress", "--json")):
                result = run("campaign", command[0], self.store, *command[1:])
                self.assertEqual(result.returncode, 0, f"{command}: {result.stderr}")
                if command[0] == "status":
                    seen.add(json.loads(result.stdout)["events"])
            reads += 1
        self.assertEqual(writer.wait(), 0)
        self.assertGreater(len(seen), 1, "the readers ran while the log grew")
        self.assert_verifies(1800)

    def test_read_commands_write_nothing(self):
        self.assertEqual(run("campaign", "apply", self.store, self.write("a.jsonl", EVENTS[:200])).returncode, 0)
        db = self.store / "campaign.sqlite"
        before = db.read_bytes(), db.stat().st_mtime_ns
        for command in (("status",), ("status", json.loads(EVENTS[0])["dossier"]), ("report",), ("verify",), ("head",),
                        ("export",)):
            self.assertEqual(run("campaign", command[0], self.store, *command[1:]).returncode, 0, command)
        self.assertEqual((db.read_bytes(), db.stat().st_mtime_ns), before)

    def test_a_read_only_store_is_readable(self):
        self.reader_cli = self.move_where_others_can_reach() if os.geteuid() == 0 else None
        self.assertEqual(run("campaign", "apply", self.store, self.write("a.jsonl", EVENTS[:200])).returncode, 0)
        self.assertEqual(sorted(p.name for p in self.store.iterdir()), ["campaign.sqlite"])  # the writer cleaned up
        head = run("campaign", "head", self.store).stdout
        for side in ("campaign.sqlite-wal", "campaign.sqlite-shm"):  # left by that reader (docs/cli.md); empty WAL
            if (self.store / side).exists():
                self.assertTrue(side.endswith("-shm") or (self.store / side).stat().st_size == 0, side)
                (self.store / side).unlink()
        self.check_read_only(head, ["campaign.sqlite"])  # no side files: opened as immutable
        self.assertEqual(run("campaign", "status", self.store).returncode, 0)  # a reader, as root, adds them
        self.check_read_only(head, ["campaign.sqlite", "campaign.sqlite-shm", "campaign.sqlite-wal"])

    def move_where_others_can_reach(self):
        """As root, the read-only checks run as nobody, who must reach the store and the tool: the build
        tree may sit in a directory only root can enter (a clone made by `mktemp -d`). The test's
        directory and a copy of the tool (linked only to system libraries) go to a new directory under
        /tmp, open to all; returns the copy."""
        world = Path(tempfile.mkdtemp(prefix="ocop-store-read-only-", dir="/tmp"))
        world.chmod(0o755)
        self.addCleanup(shutil.rmtree, world, True)
        cli = world / "ocop"
        shutil.copy2(CLI, cli)
        cli.chmod(0o755)
        shutil.rmtree(self.dir, ignore_errors=True)  # setUp's store, left for this one
        self.dir = world / "test"
        self.dir.mkdir()
        self.store = self.dir / "store"
        result = run("campaign", "init", self.store, "--campaign", "hanoi-2021")
        self.assertEqual(result.returncode, 0, result.stderr)
        return cli

    def check_read_only(self, head, files):
        """Read commands work on the store made read-only, run as a user the permissions bind."""
        for f in self.store.iterdir():
            f.chmod(0o444)
        self.store.chmod(0o555)
        self.dir.chmod(0o755)
        as_user = 65534 if os.geteuid() == 0 else None  # root ignores permissions: read as nobody
        try:
            status = run("campaign", "status", self.store, "--json", user=as_user, cli=self.reader_cli)
            self.assertEqual(status.returncode, 0, status.stderr)
            self.assertEqual(json.loads(status.stdout)["events"], 200)
            for command in ("report", "verify", "export"):
                result = run("campaign", command, self.store, user=as_user, cli=self.reader_cli)
                self.assertEqual(result.returncode, 0, f"{command}: {result.stderr}")
            self.assertEqual(run("campaign", "head", self.store, user=as_user, cli=self.reader_cli).stdout, head)
            result = run("campaign", "apply", self.store, self.write("b.jsonl", EVENTS[200:210]), user=as_user,
                         cli=self.reader_cli)
            self.assertEqual(result.returncode, 4)
            self.assertIn("the campaign cannot be written", result.stderr)
            self.assertEqual(sorted(p.name for p in self.store.iterdir()), files)
        finally:
            self.store.chmod(0o755)
            for f in self.store.iterdir():
                f.chmod(0o644)


class Format(StoreTest):
    """The store's format (docs/cli.md, "The store"): version 2, pages of 64 KiB, the index that finds an
    event already applied, and stores of version 1 read as they are and upgraded by their first writer."""
    APPLIED_EVENT_QUERY = "SELECT idx FROM entries WHERE substr(event_sha, 1, 16) = ?1 AND event = ?2 LIMIT 1"

    def sql(self, *statements):
        db = sqlite3.connect(self.store / "campaign.sqlite", isolation_level=None)
        try:
            return [db.execute(s).fetchall() for s in statements]
        finally:
            db.close()

    def version_and_index(self):
        version, index = self.sql("SELECT value FROM store_info WHERE key = 'version'",
                                  "SELECT sql FROM sqlite_schema WHERE name = 'entries_by_event'")
        return version[0][0], index[0][0]

    def test_a_new_store_is_of_version_2_with_pages_of_64_kib(self):
        (page_size,), = self.sql("PRAGMA page_size")[0]
        self.assertEqual(page_size, 65536)
        self.assertEqual(self.version_and_index(),
                         ("2", "CREATE INDEX entries_by_event ON entries (substr(event_sha, 1, 16))"))

    def test_the_documented_query_for_an_applied_event_searches_the_index(self):
        """The query of tools/cli/sqlite_store.cpp (applied_event_query) and docs/cli.md: SQLite must search
        the index, not scan the log (it scans when the same query also compares event_sha whole)."""
        plan, = self.sql("EXPLAIN QUERY PLAN " + self.APPLIED_EVENT_QUERY.replace("?1", "'0'").replace("?2", "''"))
        self.assertEqual([row[3] for row in plan], ["SEARCH entries USING INDEX entries_by_event (<expr>=?)"])
        source = (Path(__file__).parents[2] / "tools" / "cli" / "sqlite_schema.hpp").read_text(encoding="utf-8")
        self.assertIn(f'"{self.APPLIED_EVENT_QUERY}"', source)

    def test_a_store_of_version_1_is_read_as_it_is_and_upgraded_by_its_first_writer(self):
        self.assertEqual(run("campaign", "apply", self.store, self.write("a.jsonl", EVENTS[:50])).returncode, 0)
        self.sql("DROP INDEX entries_by_event", "CREATE INDEX entries_by_event ON entries (event_sha)",
                 "UPDATE store_info SET value = '1' WHERE key = 'version'")
        exported = run("campaign", "export", self.store).stdout
        status = run("campaign", "status", self.store, "--json")
        self.assertEqual(status.returncode, 0, status.stderr)
        self.assertEqual(json.loads(status.stdout)["events"], 50)
        self.assertEqual(self.version_and_index(), ("1", "CREATE INDEX entries_by_event ON entries (event_sha)"))
        result = run("campaign", "apply", self.store, self.write("b.jsonl", EVENTS[:60]))  # 50 applied already
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual([line.split()[0] for line in result.stdout.splitlines()[:60]], ["already"] * 50 + ["ok"] * 10)
        self.assertEqual(self.version_and_index(),
                         ("2", "CREATE INDEX entries_by_event ON entries (substr(event_sha, 1, 16))"))
        self.assertTrue(run("campaign", "export", self.store).stdout.startswith(exported))
        self.assert_verifies(60)

    def test_a_store_of_another_version_is_refused(self):
        self.sql("UPDATE store_info SET value = '3' WHERE key = 'version'")
        for command in (("status",), ("apply", self.write("a.jsonl", EVENTS[:1]))):
            result = run("campaign", command[0], self.store, *command[1:])
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("is not an ocop campaign store of version 2", result.stderr)


class Crashes(StoreTest):
    def test_kill_9_during_large_applies_loses_no_acknowledged_event(self):
        rng = random.Random(14)
        acknowledged = 0
        for attempt in range(8):
            if acknowledged == len(EVENTS):  # a fast machine committed everything before a kill landed
                break
            end = rng.randrange(acknowledged + 1, len(EVENTS) + 1)
            path = self.write("batch.jsonl", EVENTS[:end])  # re-running from the start is safe
            proc = subprocess.Popen([CLI, "campaign", "apply", str(self.store), str(path)], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True)
            time.sleep(rng.uniform(0.02, 0.5))
            proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate()
            before = acknowledged
            if out:  # printed only after the commit (maybe cut short by the kill): the whole batch is in
                self.assertTrue(all(line.split()[0] in ("ok", "already") for line in out.splitlines()[:-1]))
                acknowledged = end
            status = run("campaign", "status", self.store, "--json")
            self.assertEqual(status.returncode, 0, status.stderr)
            in_log = json.loads(status.stdout)["events"]
            self.assertGreaterEqual(in_log, acknowledged, f"attempt {attempt}: an acknowledged event was lost")
            self.assertIn(in_log, (before, end), "a batch is committed whole or not at all")
            acknowledged = in_log
        self.assertEqual(self.logged(), [json.loads(e) for e in EVENTS[:acknowledged]])
        self.assert_verifies(acknowledged)
        rest = run("campaign", "apply", self.store, self.write("all.jsonl", EVENTS))
        self.assertEqual(rest.returncode, 0, rest.stderr)
        self.assertEqual(len(self.logged()), len(EVENTS))

    def test_an_interrupted_apply_commits_nothing_and_says_so(self):
        path = self.write("all.jsonl", EVENTS)
        proc = subprocess.Popen([CLI, "campaign", "apply", str(self.store), str(path)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        wait_until_catching(proc, signal.SIGINT)
        time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate()
        status = json.loads(run("campaign", "status", self.store, "--json").stdout)
        if proc.returncode == 0:  # the batch was committed before the signal came: all acknowledged
            self.assertEqual(len(out.splitlines()), len(EVENTS))
            self.assertEqual(status["events"], len(EVENTS))
        else:
            self.assertEqual(proc.returncode, 4, err)
            self.assertIn("interrupted before the commit: nothing of this batch was written", err)
            self.assertEqual(out, "")
            self.assertEqual(status["events"], 0)


class FullDisk(StoreTest):
    def fill_and_free(self, env=None, filler=None):
        self.assertEqual(run("campaign", "apply", self.store, self.write("a.jsonl", EVENTS[:100]), env=env).returncode, 0)
        before = run("campaign", "export", self.store).stdout
        result = run("campaign", "apply", self.store, self.write("b.jsonl", EVENTS[100:3000]), env=env)
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertIn("the disk is full", result.stderr)
        self.assertIn("nothing was committed: 0 of 2900 events applied", result.stderr)
        self.assertEqual(result.stdout, "")
        status = run("campaign", "status", self.store, "--json")  # readable on the full disk
        self.assertEqual(status.returncode, 0, status.stderr)
        self.assertEqual(json.loads(status.stdout)["events"], 100)
        self.assertEqual(run("campaign", "export", self.store).stdout, before)
        self.assert_verifies(100)
        if filler:
            filler.unlink()  # space freed
        again = run("campaign", "apply", self.store, self.dir / "b.jsonl")
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(len(self.logged()), 3000)
        self.assert_verifies(3000)

    def test_full_disk_simulated_by_a_page_limit(self):
        self.fill_and_free(env={"OCOP_STORE_MAX_PAGES": "25"})  # 1.6 MB in pages of 64 KiB: 100 events fit, 3000 do not

    def test_full_disk_on_a_small_file_system(self):
        mount = self.dir / "small"
        mount.mkdir()
        if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                                               capture_output=True).returncode != 0:
            self.skipTest("mounting a tmpfs needs privileges (the page-limit test covers SQLITE_FULL)")
        try:
            self.store = mount / "store"
            self.assertEqual(run("campaign", "init", self.store, "--campaign", "hanoi-2021").returncode, 0)
            filler = mount / "filler"
            with open(filler, "wb") as f:  # leave about 1.5 MB: the first 100 events fit, 2900 more do not
                f.write(b"\0" * (8 * 1024 * 1024 - 1536 * 1024))
            self.fill_and_free(filler=filler)
        finally:
            subprocess.run(["umount", str(mount)], check=False)


if __name__ == "__main__":
    unittest.main()
