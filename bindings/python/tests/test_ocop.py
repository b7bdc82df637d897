"""unittest tests of the ocop Python package, run by ctest with OCOP_LIBRARY set."""

import array
import gc
import json
import os
import threading
import unittest

import ocop

EDITION = "1048-781"
SET = "rau-cu-qua-hat-tuoi"
ANSWERS = {
    "1.1": "c", "1.2": "b", "1.3": "c", "1.4": "b", "1.5": "c", "1.6": "b", "2.1": "d", "2.2": "c", "2.3": "b",
    "3.1": "c", "3.2": {"case": "1", "level": "b"}, "3.3": "b", "3.4": "b", "3.5": "b", "4.1": "c", "4.2": "c",
    "4.3": "c", "5.1": "d", "5.2": "d", "5.3": "b", "6.1": "c", "6.2": "e", "6.3": "c", "6.4": "c", "6.5": "b",
    "7": "b", "8": "c", "9.1": "c", "9.2": "d", "10": "d", "11": "a",
}
DATA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "capi", "data")


def card(evaluator="m1", **changes):
    answers = dict(ANSWERS)
    answers.update(changes)
    return {"edition": EDITION, "set": SET, "evaluator": evaluator, "answers": answers}


class VersionTest(unittest.TestCase):
    def test_versions_of_the_loaded_library_match_the_bindings(self):
        self.assertEqual(ocop.abi_version(), ocop.ABI_VERSION)
        self.assertRegex(ocop.version(), r"^\d+\.\d+\.\d+$")
        self.assertEqual(ocop.__version__, ocop.version())
        self.assertTrue(os.path.exists(ocop.library_path()))


class CatalogTest(unittest.TestCase):
    def setUp(self):
        self.cat = ocop.Catalog.embedded()

    def tearDown(self):
        self.cat.close()

    def test_editions_and_the_edition_in_force(self):
        self.assertEqual([e["id"] for e in self.cat.editions()], [EDITION, "148", "26-2026"])
        self.assertEqual(self.cat.in_force("2024-06-01"), "148")  # 148/QĐ-TTg: one sheet known
        self.assertEqual(self.cat.in_force("2026-11-29"), "26-2026")  # 26/2026/QĐ-TTg from 2026-05-22
        self.assertEqual(self.cat.in_force("2021-10-20"), EDITION)
        import datetime
        self.assertEqual(self.cat.in_force(datetime.date(2020, 1, 1)), EDITION)
        self.assertIn("star_bands", self.cat.edition(EDITION))

    def test_no_edition_in_force_is_an_error_not_a_default(self):
        with self.assertRaises(ocop.NoEditionInForceError) as cm:
            self.cat.in_force("2025-12-01")  # 148 as amended by 1489: no sheet known
        self.assertEqual(cm.exception.code, -7)
        self.assertEqual(cm.exception.name, "OCOP_E_NO_EDITION_IN_FORCE")
        self.assertIn("2025-12-01", cm.exception.message)
        with self.assertRaises(ocop.InvalidArgumentError):
            self.cat.in_force("2021-02-30")

    def test_sets_and_a_sheet(self):
        sets = self.cat.sets(EDITION)
        self.assertEqual(len(sets), 26)
        self.assertEqual({s["verification"] for s in sets},
                         {"two_sources_agree", "single_source", "sources_differ", "corrected"})
        sheet = self.cat.set(EDITION, SET)
        self.assertEqual(sheet["id"], SET)
        with self.assertRaises(ocop.NotFoundError):
            self.cat.set(EDITION, "banh-mi")
        with self.assertRaises(LookupError):  # NotFoundError is also a LookupError
            self.cat.sets("148-1489")

    def test_results_say_how_sure_their_sheet_is(self):
        rice = self.cat.set(EDITION, "gao-ngu-coc")  # from the second transcription only
        best = {c["id"]: (c["levels"][-1]["id"] if "levels" in c else {"case": "1", "level": c["cases"][0]["levels"][-1]["id"]})
                for section in rice["sections"] for c in section["criteria"]}
        result = self.cat.score({"edition": EDITION, "set": "gao-ngu-coc", "answers": best})
        self.assertEqual(result["total"], 100)
        self.assertEqual(result["sheet_verification"]["status"], "single_source")
        self.assertEqual(result["sheet_verification"]["sources"], ["congnn1107/ocop_project (2020-11)"])
        sauce = self.cat.set(EDITION, "tuong-nuoc-mam-gia-vi-dang-long-khac")
        corrected = [c for s in sauce["sections"] for c in s["criteria"] if "verification" in c]
        self.assertEqual([(c["id"], c["verification"]["status"]) for c in corrected], [("7", "corrected")])

    def test_148_has_one_sheet_and_refuses_the_others(self):
        sheet = self.cat.set("148", SET)
        self.assertEqual(sheet["verification"]["status"], "single_source")
        best = {c["id"]: c["levels"][-1]["id"] for section in sheet["sections"] for c in section["criteria"]}
        result = self.cat.score({"edition": "148", "set": SET, "answers": dict(best, **{"1.3": "a"})})  # 4★ mark: b
        self.assertEqual((result["total"], result["band_stars"], result["stars"]), (98, 5, 3))
        with self.assertRaises(ocop.UnavailableError) as cm:
            self.cat.score({"edition": "148", "set": "thit-trung-sua-tuoi", "answers": {}})
        self.assertIn("only the fresh-produce sheet", cm.exception.message)

    def test_26_2026_batch_scoring_applies_the_minimums_per_star(self):
        sheet = self.cat.set("26-2026", SET)
        best = {c["id"]: max(c["levels"], key=lambda l: l["points"])["id"]
                for section in sheet["sections"] for c in section["criteria"]}
        card = {"edition": "26-2026", "set": SET, "answers": dict(best, **{"1.5": "c"})}  # misses the 5★ mark of 1.5
        result = self.cat.score(card)
        self.assertEqual((result["total"], result["band_stars"], result["stars"]), (99, 5, 4))
        self.assertEqual(result["sheet_status"], "complete_with_reading")
        with self.cat.sheet("26-2026", SET) as compiled:
            totals, stars, _ = compiled.score([compiled.row(card["answers"])])
        self.assertEqual((totals[0], stars[0]), (99, 4))

    def test_a_host_catalog_is_validated_with_json_paths(self):
        with open(os.path.join(DATA, "host-edition.json"), encoding="utf-8") as f:
            edition = json.load(f)
        ocop.validate_edition(edition)
        with ocop.Catalog() as host:
            host.add_edition(edition)
            self.assertEqual(host.in_force("2099-03-01"), "host-2099")
            product_set = host.set("host-2099", SET)
            product_set["name"] = "renamed"
            host.add_set("host-2099", product_set)
            self.assertEqual(host.sets("host-2099")[0]["name"], "renamed")
            broken = dict(edition, parts=[{"id": "A", "name": "x", "max_points": "35"}])
            with self.assertRaises(ocop.InvalidDocumentError) as cm:
                host.add_edition(broken)
            self.assertTrue(any(p["path"].startswith("/parts/0") for p in cm.exception.problems), cm.exception.problems)
            with self.assertRaises(ocop.InvalidJsonError):
                host.add_edition("{")
            self.assertEqual(host.sets("host-2099")[0]["name"], "renamed")  # unchanged by the failures

    def test_closed_handles_refuse_calls_and_close_twice_is_fine(self):
        cat = ocop.Catalog.embedded()
        cat.close()
        cat.close()
        self.assertTrue(cat.closed)
        with self.assertRaises(ValueError):
            cat.editions()

    def test_handles_are_freed_by_their_finalizer(self):
        cat = ocop.Catalog.embedded()
        finalizer = cat._finalizer
        del cat
        gc.collect()
        self.assertFalse(finalizer.alive)


class EmbeddedCatalogCase(unittest.TestCase):
    """Test classes sharing one embedded catalog, `cls.cat`, closed after their tests."""

    @classmethod
    def setUpClass(cls):
        cls.cat = ocop.Catalog.embedded()

    @classmethod
    def tearDownClass(cls):
        cls.cat.close()


class ScoringTest(EmbeddedCatalogCase):
    def test_a_scorecard_gives_a_result_with_its_explanation(self):
        result = self.cat.score(card())
        self.assertEqual(result["outcome"], "evaluated")
        self.assertEqual(result["max_total"], 100)
        self.assertEqual(sum(c["points"] for c in result["criteria"]), result["total"])
        self.assertEqual(self.cat.score(json.dumps(card())), result)  # JSON text works too

    def test_bad_answers_name_their_json_path(self):
        with self.assertRaises(ocop.InvalidScorecardError) as cm:
            self.cat.score(card(**{"1.1": "z"}))
        self.assertEqual(cm.exception.code, -9)
        self.assertIn({"path": "/answers/1.1", "message": 'level "z" is not a level of criterion 1.1'}, cm.exception.problems)
        self.assertIn("/answers/1.1", str(cm.exception))
        with self.assertRaises(ocop.InvalidDocumentError):
            self.cat.score({"set": 1})
        with self.assertRaises(ocop.UnavailableError):
            self.cat.score({"edition": "148", "set": "gao-ngu-coc", "answers": {}})
        with self.assertRaises(TypeError):
            self.cat.score(42)

    def test_a_council_aggregates_its_members(self):
        council = {"policy": {"minimum_members": 3}, "scorecards": [card("a"), card("b", **{"6.2": "d"}), card("c")]}
        result = self.cat.evaluate_council(council)
        self.assertEqual(len(result["members"]), 3)
        self.assertIn(result["stars"], range(0, 6))
        with self.assertRaises(ocop.InvalidCouncilError) as cm:
            self.cat.evaluate_council({"scorecards": [card()]})
        self.assertIn("minimum_members", cm.exception.message)

    def test_advice_ranks_the_smallest_improvements(self):
        now = self.cat.score(card())
        advice = self.cat.advise({"scorecard": card(), "target": 5, "alternatives": 2, "weights": {"1.1": 3}})
        self.assertEqual((advice["stars"], advice["target_stars"], advice["basis"]), (now["stars"], 5, "scorecard"))
        self.assertEqual(advice["status"], "reachable")
        self.assertEqual([p["rank"] for p in advice["plans"]], [1, 2])
        best = advice["plans"][0]
        self.assertGreaterEqual(best["stars"], 5)
        self.assertEqual(best["total"]["numerator"], now["total"] + sum(s["gain"]["numerator"] for s in best["steps"]))
        self.assertLessEqual((best["cost"], best["points_gained"]["numerator"]),
                             (advice["plans"][1]["cost"], advice["plans"][1]["points_gained"]["numerator"]))
        self.assertEqual(self.cat.advise(json.dumps({"scorecard": card(), "target": 1}))["status"], "already_met")
        with self.assertRaises(ocop.InvalidDocumentError) as cm:
            self.cat.advise({"scorecard": card(), "weights": {"9.9": 1}})
        self.assertEqual(cm.exception.problems[0]["path"], "/weights/9.9")
        with self.assertRaises(ocop.InvalidCouncilError):
            self.cat.advise({"council": {"scorecards": [card()]}})


class BatchTest(EmbeddedCatalogCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sheet = cls.cat.sheet(EDITION, SET)

    @classmethod
    def tearDownClass(cls):
        cls.sheet.close()
        super().tearDownClass()

    def test_batch_totals_match_json_scoring(self):
        variants = [card(), card(**{"6.2": "d"}), card(**{"8": "b", "1.1": "a"}), card(**{"3.2": {"case": "2", "level": "c"}})]
        rows = [self.sheet.row(v["answers"]) for v in variants]
        result = self.sheet.score(rows)
        self.assertEqual(result.totals, [self.cat.score(v)["total"] for v in variants])
        self.assertEqual(result.outcomes, ["evaluated"] * 4)
        for v, stars in zip(variants, result.stars):
            council = self.cat.evaluate_council({"policy": {"minimum_members": 1}, "scorecards": [v]})
            self.assertEqual(stars, council["stars"])

    def test_many_rows_in_one_call_from_flat_bytes_or_arrays(self):
        row = self.sheet.row(ANSWERS)
        flat = row * 10000
        by_bytes = self.sheet.score(flat)
        self.assertEqual(len(by_bytes.totals), 10000)
        self.assertEqual(len(set(by_bytes.totals)), 1)
        self.assertEqual(self.sheet.score(array.array("B", flat)), by_bytes)
        self.assertEqual(self.sheet.score([list(row)] * 10000), by_bytes)
        self.assertEqual(self.sheet.score([]), ocop.BatchResult([], [], []))
        raw = self.sheet.score(flat, arrays=True)
        self.assertIsInstance(raw.totals, array.array)
        self.assertEqual((raw.totals.tolist(), raw.stars.tolist()), (by_bytes.totals, by_bytes.stars))
        self.assertEqual(set(raw.outcomes), {0})

    def test_layout_describes_slots_and_options(self):
        layout = self.sheet.layout()
        self.assertEqual(len(layout["slots"]), self.sheet.slots)
        self.assertEqual(layout["no_answer"], ocop.NO_ANSWER)
        self.assertEqual(self.sheet.criteria()[0], "1.1")
        slot, index = self.sheet.option_index("3.2", "c", case="2")
        option = layout["slots"][slot]["options"][index]
        self.assertEqual((option["case"], option["level"]), ("2", "c"))
        with self.assertRaises(ocop.NotFoundError):
            self.sheet.option_index("3.2", "b", case="9")

    def test_a_level_knock_out_stops_the_evaluation(self):
        # che-bien-tu-rau-cu-qua-hat: 0 points on 6.1 stops the evaluation (a level-triggered knock-out).
        with self.cat.sheet(EDITION, "che-bien-tu-rau-cu-qua-hat") as sheet:
            row = bytearray(sheet.slots)  # the lowest level everywhere: 5.1 "a" (no story), 6.1 "a"
            for criterion in ("5.2", "5.3"):
                row[sheet.option_index(criterion, "a")[0]] = ocop.NO_ANSWER
            result = sheet.score(bytes(row))
            self.assertEqual(result.outcomes, ["evaluation_stopped"])
            self.assertEqual(result.stars, [0])
            answers = {slot["criterion"]: slot["options"][0] for slot in sheet.layout()["slots"]}
            answers = {c: ({"case": o["case"], "level": o["level"]} if "case" in o else o["level"]) for c, o in answers.items()}
            del answers["5.2"], answers["5.3"]
            scored = self.cat.score({"edition": EDITION, "set": "che-bien-tu-rau-cu-qua-hat", "answers": answers})
            self.assertEqual((scored["outcome"], scored["total"]), ("evaluation_stopped", result.totals[0]))

    def test_bad_rows_name_the_scorecard_and_the_criterion(self):
        good = self.sheet.row(ANSWERS)
        bad = bytearray(good)
        bad[3] = 77
        with self.assertRaises(ocop.InvalidScorecardError) as cm:
            self.sheet.score([good, good, bytes(bad)])
        self.assertIn("scorecard 2, criterion 1.4", cm.exception.message)
        self.assertEqual(cm.exception.problems[0]["path"], "/scorecards/2/answers/1.4")
        bad[3] = ocop.NO_ANSWER
        with self.assertRaisesRegex(ocop.InvalidScorecardError, "missing answer for criterion 1.4"):
            self.sheet.score(bytes(bad))
        with self.assertRaises(ocop.InvalidArgumentError):
            self.sheet.score(good[:-1])
        with self.assertRaises(ocop.InvalidArgumentError):
            self.sheet.score([good[:-1]])

    def test_a_set_without_a_sheet_cannot_be_compiled(self):
        with self.assertRaises(ocop.UnavailableError):
            self.cat.sheet("148", "gao-ngu-coc")

    def test_a_sheet_is_shared_by_threads(self):
        row = self.sheet.row(ANSWERS)
        expected = self.sheet.score(row * 100)
        results = []

        def work():
            results.append(self.sheet.score(row * 100))
            try:
                self.sheet.score(b"\x00")
            except ocop.InvalidArgumentError as e:
                results.append(e.code)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results.count(expected), 8)
        self.assertEqual(results.count(-1), 8)


if __name__ == "__main__":
    unittest.main()
