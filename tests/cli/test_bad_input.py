"""Bad input, round two (issue 15), through the `ocop` binary: what it does not understand is a
usage error, oversized input is refused before it fills the memory, and messages say what is true.

Run by ctest with OCOP_CLI set to the built binary; stdlib only.
"""
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

CLI = os.environ.get("OCOP_CLI", "build/ocop")
DATA = Path(__file__).resolve().parent / "data"


def run(*args, stdin=None, env=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, input=stdin, timeout=120,
                          env=None if env is None else {**os.environ, **env})


class Strictness(unittest.TestCase):
    def test_a_single_dash_long_flag_is_a_usage_error(self):
        result = run("score", DATA / "scorecard.json", "-explain")
        self.assertEqual(result.returncode, 2, result.stdout)
        self.assertIn("unknown option -explain (long options take two dashes: --explain)", result.stderr)

    def test_an_extra_argument_is_a_usage_error(self):
        result = run("score", DATA / "scorecard.json", DATA / "council.json")
        self.assertEqual(result.returncode, 2)
        self.assertIn('unexpected argument "%s" (this command takes 1 argument)' % (DATA / "council.json"), result.stderr)
        self.assertEqual(run("catalog", "list", "extra", "--edition", "1048-781").returncode, 2)

    def test_conflicting_options_are_a_usage_error(self):
        result = run("catalog", "list", "--edition", "1048-781", "--date", "2021-10-20")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--edition and --date cannot be used together", result.stderr)
        with tempfile.TemporaryDirectory() as tmp:
            result = run("campaign", "init", Path(tmp) / "c", "--campaign", "hanoi-2021", "--file", DATA / "scorecard.json")
            self.assertEqual(result.returncode, 2)
            self.assertIn("--campaign and --file cannot be used together", result.stderr)
            self.assertFalse((Path(tmp) / "c").exists())
            self.assertEqual(run("campaign", "init", Path(tmp) / "c", "--campaign", "hanoi-2021").returncode, 0)
            result = run("campaign", "report", Path(tmp) / "c", "--json", "--csv")
            self.assertEqual(result.returncode, 2)
            self.assertIn("--json and --csv cannot be used together", result.stderr)

    def test_groups_of_commands_have_help(self):
        for group, command in (("catalog", "catalog show"), ("campaign", "campaign apply")):
            result = run(group, "--help")
            self.assertEqual(result.returncode, 0, group)
            self.assertIn("usage: ocop %s COMMAND" % group, result.stdout)
            self.assertIn(command, result.stdout)
            self.assertEqual(run(group).returncode, 2)  # a group alone names no command

    def test_an_empty_events_file_says_no_events(self):
        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "c"
            self.assertEqual(run("campaign", "init", store, "--campaign", "hanoi-2021").returncode, 0)
            # status takes DIR and an optional DOSSIER: a third argument is one too many
            self.assertEqual(run("campaign", "status", store, "HN-1").returncode, 3)
            self.assertEqual(run("campaign", "status", store, "HN-1", "HN-2").returncode, 2)
            empty = Path(tmp) / "events.jsonl"
            for text in ("", "\n\n", "[]"):
                empty.write_text(text)
                result = run("campaign", "apply", store, empty)
                self.assertEqual(result.returncode, 1, repr(text))
                self.assertIn("holds no events", result.stderr)
            result = run("campaign", "apply", store, "-", stdin="")
            self.assertEqual(result.returncode, 1)
            self.assertIn("standard input holds no events", result.stderr)


class Limits(unittest.TestCase):
    def test_an_endless_file_stops_at_the_maximum_document_size(self):
        result = run("score", "/dev/zero", env={"OCOP_MAX_DOCUMENT_BYTES": "100000"})
        self.assertEqual(result.returncode, 1)
        self.assertIn("/dev/zero is larger than the maximum document size, 100000 bytes", result.stderr)

    def test_an_endless_standard_input_stops_too(self):
        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "c"
            self.assertEqual(run("campaign", "init", store, "--campaign", "hanoi-2021").returncode, 0)
            with open("/dev/zero", "rb") as zero:
                result = subprocess.run([CLI, "campaign", "apply", str(store), "-"], stdin=zero, capture_output=True,
                                        text=True, timeout=120, env={**os.environ, "OCOP_MAX_DOCUMENT_BYTES": "65536"})
            self.assertEqual(result.returncode, 1)
            self.assertIn("standard input is larger than the maximum document size, 65536 bytes", result.stderr)

    def test_a_bad_limit_is_a_usage_error(self):
        result = run("score", DATA / "scorecard.json", env={"OCOP_MAX_DOCUMENT_BYTES": "lots"})
        self.assertEqual(result.returncode, 2)
        self.assertIn("OCOP_MAX_DOCUMENT_BYTES expects a positive number of bytes", result.stderr)


class Messages(unittest.TestCase):
    def test_a_directory_is_named_as_such(self):
        result = run("score", DATA)
        self.assertEqual(result.returncode, 4)
        self.assertIn("%s is a directory, not a file" % DATA, result.stderr)
        self.assertNotIn("invalid JSON", result.stderr)

    def test_duplicate_keys_are_refused_with_their_path(self):
        text = (DATA / "scorecard.json").read_text()
        with tempfile.TemporaryDirectory() as tmp:
            card = Path(tmp) / "card.json"
            card.write_text(text.replace('"answers": {', '"answers": {"1.1": "a", ', 1))
            self.assertNotEqual(card.read_text(), text)
            result = run("score", card)
            self.assertEqual(result.returncode, 1)
            self.assertIn('/answers/1.1: the key "1.1" appears twice', result.stderr)


if __name__ == "__main__":
    unittest.main()
