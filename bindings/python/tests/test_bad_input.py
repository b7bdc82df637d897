"""unittest tests of the second round of bad input (issue 15) through the Python bindings: a
registry shared by threads, strings with a NUL, duplicate keys."""

import threading
import unittest

import ocop
from test_workflow import ev, product


def registration(dossier_id):
    return [ev("registered", "subject", "2021-09-01", {"dossier": product(dossier_id)}, dossier_id),
            ev("submitted", "subject", "2021-09-02", {"documents": []}, dossier_id)]


class SharedRegistryTest(unittest.TestCase):
    def test_eight_writers_and_readers_leave_a_log_that_verifies(self):
        writers, per_writer = 8, 15
        errors = []
        done = threading.Event()
        with ocop.Registry() as reg:
            def write(w):
                try:
                    for d in range(per_writer):
                        for e in registration("HN-%d-%d" % (w, d)):
                            reg.apply(e)
                except Exception as exc:  # reported below, never swallowed
                    errors.append(exc)

            def read():
                try:
                    while not done.is_set():
                        reg.dossiers()
                        ocop.verify_log(reg.export_log())
                        reg.log_head()
                except Exception as exc:
                    errors.append(exc)

            threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
            readers = [threading.Thread(target=read) for _ in range(4)]
            for t in threads + readers:
                t.start()
            for t in threads:
                t.join()
            done.set()
            for t in readers:
                t.join()
            self.assertEqual(errors, [])
            log, head = reg.export_log(), reg.log_head()
            self.assertEqual(len(log.splitlines()), writers * per_writer * 2)
            self.assertTrue(ocop.verify_log(log, head)["ok"])
            self.assertEqual(len(reg.dossiers()), writers * per_writer)


class NulTest(unittest.TestCase):
    def test_a_string_with_a_nul_is_a_value_error(self):
        with ocop.Registry() as reg:
            for e in registration("HN-09-040"):
                reg.apply(e)
            with self.assertRaisesRegex(ValueError, "dossier_id: a NUL character at byte 9"):
                reg.dossier("HN-09-040\0zzz")
            head = reg.log_head()
            with self.assertRaises(ValueError):
                ocop.verify_log(reg.export_log(), head + "\0xx")
            with self.assertRaises(ValueError):
                ocop.verify_log(reg.export_log().encode() + b"\0 garbage")
        with ocop.Catalog.embedded() as cat:
            with self.assertRaisesRegex(ValueError, "scorecard: a NUL character"):
                cat.score('{"edition":"1048-781"}\0 garbage')


if __name__ == "__main__":
    unittest.main()
