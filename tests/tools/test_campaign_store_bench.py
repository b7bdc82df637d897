"""bench/campaign_store.py's helpers (docs/performance.md, "The campaign store"), stdlib unittest."""
import os
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


if __name__ == "__main__":
    unittest.main()
