"""bench/campaign_store.py's helpers (docs/performance.md, "The campaign store"), stdlib unittest."""
import os
import sqlite3
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

sys.dont_write_bytecode = True  # nothing written into bench/
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import campaign_store  # noqa: E402


class ScratchCopy(unittest.TestCase):
    """The one-event-per-call figure is timed on a copy at rest: no page of it left dirty for the first
    apply's fdatasync to write out."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        self.src = self.root / "store"
        self.src.mkdir()
        (self.src / "campaign.sqlite").write_bytes(b"SQLite format 3\0" + bytes(range(256)) * 64)
        (self.src / "done").write_text("ok\n")

    def tearDown(self):
        self.tmp.cleanup()

    def test_the_copy_is_whole_and_replaces_an_older_one(self):
        dst = self.root / "work"
        dst.mkdir()
        (dst / "stale").write_text("from an earlier run")
        campaign_store.scratch_copy(self.src, dst)
        self.assertEqual(sorted(p.name for p in dst.iterdir()), ["campaign.sqlite", "done"])
        self.assertEqual((dst / "campaign.sqlite").read_bytes(), (self.src / "campaign.sqlite").read_bytes())

    def test_every_copied_file_and_the_directory_are_flushed(self):
        dst = self.root / "work"
        synced = []
        real_fsync = os.fsync

        def recording_fsync(fd):
            synced.append(os.fstat(fd).st_ino)
            real_fsync(fd)

        with mock.patch.object(campaign_store.os, "fsync", side_effect=recording_fsync):
            campaign_store.scratch_copy(self.src, dst)
        expected = {p.stat().st_ino for p in [dst, dst / "campaign.sqlite", dst / "done"]}
        self.assertEqual(set(synced), expected)
        self.assertNotIn(os.stat(self.src / "campaign.sqlite").st_ino, synced)


class OnePerCall(unittest.TestCase):
    def test_mean_median_and_cpu_of_the_calls(self):
        walls = iter([0.030, 0.050, 0.040, 1.000, 0.045])
        cpus = iter([0.010, 0.012, 0.011, 0.020, 0.012])

        def fake_timed(cmd, stdin=None):
            self.assertEqual(cmd[:4], ["ocop", "campaign", "apply", "STORE"])
            fake_timed.cpu = next(cpus)
            return next(walls), 10.0, b""

        base = ['{"type":"registered","dossier":"HN-1","payload":{"dossier":{"id":"HN-1"}}}']
        with mock.patch.object(campaign_store, "timed", fake_timed):
            mean = campaign_store.one_per_call("ocop", "STORE", base, 0, 5)
        self.assertAlmostEqual(mean, 1.165 / 5)
        self.assertAlmostEqual(campaign_store.one_per_call.median, 0.045)  # one slow call moves the mean, not the median
        self.assertAlmostEqual(campaign_store.one_per_call.cpu, 0.065 / 5)


class BuildStore(unittest.TestCase):
    """A generated store is reused only while it has the format of a store made now."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.data = Path(self.tmp.name)
        self.store = self.data / "sqlite-10"
        self.store.mkdir()
        db = sqlite3.connect(self.store / "campaign.sqlite")
        db.execute("PRAGMA page_size = 4096")
        db.execute("CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO store_info VALUES ('format', 'ocop-campaign-store'), ('version', '1')")
        db.commit()
        db.close()
        (self.store / "done").write_text("ok\n")
        self.calls = []

    def tearDown(self):
        self.tmp.cleanup()

    def build(self, fresh_format):
        def fake_run(cmd, **kwargs):
            self.calls.append(cmd[1:3])
            Path(cmd[3]).mkdir()

        with mock.patch.object(campaign_store.subprocess, "run", fake_run), \
                mock.patch.object(campaign_store, "timed", lambda cmd, stdin=None: self.calls.append(cmd[1:3])):
            return campaign_store.build_store("ocop", ['{"dossier":"HN-1"}'], self.data, 10, fresh_format)

    def test_a_store_of_the_current_format_is_reused(self):
        self.assertEqual(campaign_store.store_format(self.store), ("1", 4096))
        self.assertEqual(self.build(("1", 4096)), self.store)
        self.assertEqual(self.calls, [])
        self.assertTrue((self.store / "campaign.sqlite").exists())

    def test_a_store_of_an_older_format_is_made_again(self):
        self.assertEqual(self.build(("2", 65536)), self.store)
        self.assertEqual(self.calls, [["campaign", "init"], ["campaign", "apply"]])
        self.assertFalse((self.store / "campaign.sqlite").exists())  # the old one removed (init is faked here)
        self.assertEqual((self.store / "done").read_text(), "ok\n")


if __name__ == "__main__":
    unittest.main()
