"""`ocop campaign apply` reads JSON lines as they come (docs/cli.md): a file larger than
OCOP_MAX_DOCUMENT_BYTES in one call, lines across the reader's 1 MiB blocks, standard input, a line
longer than the limit refused with its number, every bad line reported, nothing committed then.

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from demo_events import demo_events

CLI = os.environ.get("OCOP_CLI", "build/ocop")
EVENTS = []  # the demo's events as JSON lines (5,792 events, about 3.5 MB: several blocks)


def run(*args, env=None, stdin=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=300, stdin=stdin,
                          env=dict(os.environ, OCOP_LANG="en", **(env or {})))


def setUpModule():
    EVENTS.extend(demo_events(CLI))


LIMIT = {"OCOP_MAX_DOCUMENT_BYTES": "20000"}  # far less than the file, more than any event


class Streaming(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ocop-streaming-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def store(self, name):
        path = self.dir / name
        result = run("campaign", "init", path, "--campaign", "hanoi-2021")
        self.assertEqual(result.returncode, 0, result.stderr)
        return path

    def write(self, name, lines):
        path = self.dir / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def export(self, store):
        result = run("campaign", "export", store)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.splitlines()

    def test_a_file_larger_than_the_limit_is_applied_event_by_event_as_from_a_document(self):
        lines = self.write("all.jsonl", EVENTS)
        self.assertGreater(lines.stat().st_size, 3 << 20)  # several of the reader's blocks
        streamed = run("campaign", "apply", self.store("lines"), lines, env=LIMIT)
        self.assertEqual(streamed.returncode, 0, streamed.stderr)
        self.assertEqual(len(streamed.stdout.splitlines()), len(EVENTS))
        array = self.dir / "all.json"
        array.write_text("[" + ",\n".join(EVENTS) + "]", encoding="utf-8")
        whole = run("campaign", "apply", self.store("document"), array)
        self.assertEqual(whole.returncode, 0, whole.stderr)
        self.assertEqual(streamed.stdout, whole.stdout)
        self.assertEqual(self.export(self.dir / "lines"), self.export(self.dir / "document"))  # entry by entry, hashes too

    def test_the_limit_still_applies_to_a_document_read_whole(self):
        array = self.dir / "all.json"
        array.write_text("[" + ",\n".join(EVENTS[:100]) + "]", encoding="utf-8")
        result = run("campaign", "apply", self.store("s"), array, env=LIMIT)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"{array} is larger than the maximum document size, 20000 bytes", result.stderr)

    def test_standard_input_is_read_as_it_comes(self):
        with open(self.write("all.jsonl", EVENTS), "rb") as stdin:
            result = run("campaign", "apply", self.store("piped"), "-", env=LIMIT, stdin=stdin)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(result.stdout.splitlines()), len(EVENTS))
        self.assertEqual(len(self.export(self.dir / "piped")), len(EVENTS))

    def test_a_line_longer_than_the_limit_is_refused_with_its_number_and_nothing_committed(self):
        event = json.loads(EVENTS[1])
        event["note"] = "x" * 30000  # a long field: the line passes the limit, the file holds more lines
        lines = EVENTS[:1] + [json.dumps(event, ensure_ascii=False)] + EVENTS[2:50]
        store = self.store("s")
        result = run("campaign", "apply", store, self.write("long.jsonl", lines), env=LIMIT)
        self.assertEqual(result.returncode, 1)
        self.assertIn("error: /2: line 2 is longer than the maximum document size, 20000 bytes"
                      " (set OCOP_MAX_DOCUMENT_BYTES to change it)", result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertEqual(self.export(store), [])

    def test_a_bad_line_in_the_middle_reports_every_later_bad_line(self):
        lines = list(EVENTS[:4000])
        lines[999] = "{not json"
        lines[2499] = json.dumps({"type": "no such event"})
        lines[3499] = json.dumps({"type": "registered", "padding": "x" * 30000})
        store = self.store("s")
        result = run("campaign", "apply", store, self.write("bad.jsonl", lines), env=LIMIT)
        self.assertEqual(result.returncode, 1)
        for line in (1000, 2500, 3500):
            self.assertIn(f"error: /{line}", result.stderr)
        self.assertIn("line 3500 is longer than the maximum document size", result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertEqual(self.export(store), [])


if __name__ == "__main__":
    unittest.main()
