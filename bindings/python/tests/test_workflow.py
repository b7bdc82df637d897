"""unittest tests of the workflow part of the ocop Python package: a dossier from registration to
a province certificate, refusals, the log (export, verify, tampering, import), reports."""

import json
import unittest

import ocop


def ev(type_, role, day, payload, dossier="HN-001", reason="as decided"):
    return {"type": type_, "dossier": dossier, "actor": "actor-" + role, "role": role, "at": day + "T09:00:00+07:00",
            "payload": payload, "reason": reason}


def product(dossier_id, district="Ba Vì"):
    return {"id": dossier_id, "product_name": "Bưởi " + dossier_id, "subject": {"name": "HTX " + dossier_id, "kind": "cooperative"},
            "province": "Hà Nội", "district": district, "industry": "food", "set": "rau-cu-qua-hat-tuoi",
            "documents": ["doc-01", "doc-02", "doc-03", "doc-04", "doc-05"]}


def council(round_, numerator, denominator, stars):
    return {"round": round_, "mean": {"numerator": numerator, "denominator": denominator}, "stars": stars, "members": 5}


def to_certificate(dossier_id, batch=None):
    """The 1048-781 path of a dossier from registration to a 4-star province certificate."""
    registered = {"dossier": product(dossier_id)}
    if batch:
        registered["batch"] = batch
    return [
        ev("registered", "subject", "2021-09-01", registered, dossier_id),
        ev("submitted", "subject", "2021-09-02", {"documents": []}, dossier_id),
        ev("council_result", "district_council", "2021-09-20", council(1, 362, 5, 4), dossier_id),
        ev("forwarded", "district_people_committee", "2021-10-05", {"to": "province"}, dossier_id),
        ev("appraisal_result", "advisory_group", "2021-10-12", {"outcome": "accepted", "field_inspection": True, "missing": []}, dossier_id),
        ev("council_result", "province_council", "2021-10-18", council(1, 4400, 50, 4), dossier_id),
        ev("council_result", "province_council", "2021-10-27", council(2, 440, 5, 4), dossier_id),
        ev("recognition_proposed", "coordination_office", "2021-11-01", {"stars": 4}, dossier_id),
        ev("decision_recorded", "province_people_committee", "2021-12-10",
           {"number": "5678/QĐ-UBND", "signed_on": "2021-12-10", "signer": "Chủ tịch UBND TP"}, dossier_id),
        ev("certificate_issued", "province_people_committee", "2021-12-15",
           {"number": "GCN-" + dossier_id, "issued_on": "2021-12-15"}, dossier_id),
    ]


BEST = {"1.1": "c", "1.2": "d", "1.3": "d", "1.4": "c", "1.5": "e", "1.6": "b", "2.1": "d", "2.2": "d", "2.3": "c", "3.1": "c",
        "3.2": {"case": "1", "level": "b"}, "3.3": "b", "3.4": "b", "3.5": "c", "4.1": "d", "4.2": "d", "4.3": "e", "5.1": "f",
        "5.2": "d", "5.3": "b", "6.1": "c", "6.2": "e", "6.3": "d", "6.4": "d", "6.5": "c", "7": "c", "8": "d", "9.1": "c",
        "9.2": "d", "10": "f", "11": "c"}


def scorecard(evaluator, **lowered):
    """A member's scorecard for rau-cu-qua-hat-tuoi: the best level everywhere but the lowered criteria."""
    answers = dict(BEST, **{k.lstrip("_").replace("_", "."): v for k, v in lowered.items()})
    return {"edition": "1048-781", "set": "rau-cu-qua-hat-tuoi", "evaluator": evaluator, "answers": answers}


class WorkflowTest(unittest.TestCase):
    def test_a_council_result_is_computed_from_the_recorded_scorecards(self):
        cards = [scorecard("Member A"), scorecard("Member B", _1_1="a"), scorecard("Member C", _8="b")]
        with ocop.Registry() as reg:
            reg.apply(ev("registered", "subject", "2021-09-01", {"dossier": product("HN-002")}, "HN-002"))
            reg.apply(ev("submitted", "subject", "2021-09-02", {"documents": []}, "HN-002"))
            for card in cards:
                reg.apply(ev("scorecard_recorded", "council_secretary", "2021-09-20",
                             {"level": "district", "round": 1, "scorecard": card}, "HN-002"))
            with self.assertRaises(ocop.RuleViolationError) as refused:  # a mean the scorecards do not give
                reg.apply(ev("council_result", "district_council", "2021-09-20",
                             {"round": 1, "mean": {"numerator": 300, "denominator": 3}}, "HN-002"))
            self.assertIn("/payload/mean: the 3 scorecards of round 1 at level district give a mean of", str(refused.exception))
            state = reg.apply(ev("council_result", "district_council", "2021-09-20", {"round": 1}, "HN-002"))
            with ocop.Catalog.embedded() as catalog:
                totals = [catalog.score(card)["total"] for card in cards]
            result = state["results"][-1]
            self.assertEqual(result["mean"], {"numerator": sum(totals), "denominator": 3})
            self.assertEqual(result["members"], 3)
            self.assertNotIn("from_paper", result)
            self.assertNotIn("scorecards", state)
            self.assertLess(sum(totals), 300)
            # The log's councils, rebuilt from the recorded cards, analysed.
            analytics = reg.analytics()
            self.assertEqual(analytics["councils"], 1)
            self.assertEqual(analytics["from_paper"], 0)
            self.assertEqual(analytics["industries"][0]["industry"], "food")
            self.assertEqual(analytics["industries"][0]["councils"], 1)
            self.assertEqual(reg.analytics(level="district", analysis={"member_deviation_limit": 0})["councils"], 1)
            with self.assertRaises(ocop.NotFoundError):
                reg.analytics(level="province")
            with self.assertRaises(ocop.InvalidDocumentError):
                reg.analytics(analysis={"member_deviation_limit": 500})

    def test_a_dossier_goes_from_registration_to_a_certificate(self):
        with ocop.Registry() as reg:
            states = [reg.apply(e) for e in to_certificate("HN-001")]
            self.assertEqual(states[0]["phase"], "draft")
            self.assertEqual(states[0]["edition"], "1048-781")
            self.assertEqual(states[2]["results"][-1]["mean_display"], "72.40")
            final = reg.dossier("HN-001")
            self.assertEqual(final, states[-1])
            self.assertEqual(final["certificates"][-1]["stars"], 4)
            self.assertEqual([d["dossier"]["id"] for d in reg.dossiers()], ["HN-001"])
            with self.assertRaises(ocop.NotFoundError):
                reg.dossier("HN-999")

    def test_refused_events_change_nothing_and_say_why(self):
        with ocop.Registry() as reg:
            reg.apply(to_certificate("HN-001")[0])
            head = reg.log_head()
            with self.assertRaises(ocop.ForbiddenError) as cm:
                reg.apply(ev("submitted", "province_council", "2021-09-02", {"documents": []}))
            self.assertEqual(cm.exception.code, -12)
            with self.assertRaises(ocop.RuleViolationError):
                reg.apply(ev("certificate_issued", "province_people_committee", "2021-09-03",
                             {"number": "GCN-1", "issued_on": "2021-09-03"}))
            bad = ev("council_result", "district_council", "2021-09-20", council(1, 362, "5", 4))
            with self.assertRaises(ocop.InvalidDocumentError) as cm:
                reg.apply(bad)
            self.assertIn("/payload/mean/denominator", [p["path"] for p in cm.exception.problems])
            with self.assertRaises(ocop.InvalidJsonError):
                reg.apply("{")
            self.assertEqual(reg.log_head(), head)
            self.assertEqual(reg.dossier("HN-001")["events"], 1)

    def test_the_log_exports_verifies_and_replays_and_detects_tampering(self):
        with ocop.Registry() as reg:
            for e in to_certificate("HN-001") + to_certificate("HN-002")[:3]:
                reg.apply(e)
            log, head, dossiers = reg.export_log(), reg.log_head(), reg.dossiers()
        self.assertEqual(len(log.splitlines()), 13)
        self.assertEqual(ocop.verify_log(log, head), {"ok": True, "fault": "intact", "message": ocop.verify_log(log)["message"]})
        with ocop.Registry.import_log(log, expected_head=head) as again:
            self.assertEqual(again.dossiers(), dossiers)
            self.assertEqual(again.export_log(), log)
        lines = log.splitlines(keepends=True)
        edited = "".join(lines).replace("GCN-HN-001", "GCN-HN-666")
        verdict = ocop.verify_log(edited)
        self.assertFalse(verdict["ok"])
        self.assertEqual(verdict["fault"], "edited")
        with self.assertRaises(ocop.TamperedError):
            ocop.Registry.import_log(edited)
        truncated = "".join(lines[:-1])
        self.assertEqual(ocop.verify_log(truncated, head)["fault"], "truncated")
        with self.assertRaises(ocop.TamperedError) as cm:
            ocop.Registry.import_log(truncated, expected_head=head)
        self.assertEqual(cm.exception.code, -13)
        with self.assertRaises(ocop.InvalidDocumentError) as cm:
            ocop.verify_log("{\n")
        self.assertEqual(cm.exception.problems[0]["path"], "/0")

    def test_pure_apply_matches_the_registry(self):
        events = to_certificate("HN-001")[:3]
        state = None
        for e in events:
            state = ocop.apply_event(state, e)
        with ocop.Registry() as reg:
            for e in events:
                expected = reg.apply(e)
        self.assertEqual(state, expected)
        with self.assertRaises(ocop.OcopError):
            ocop.apply_event(None, events[1])  # not a registration: needs a state

    def test_a_campaign_pins_its_edition_and_batches_and_reports_follow_it(self):
        hanoi = ocop.campaign("hanoi-2021")
        self.assertEqual(hanoi["plan"], "220/KH-UBND")
        ocop.validate_campaign(hanoi)
        with self.assertRaises(ocop.InvalidDocumentError):
            ocop.validate_campaign(dict(hanoi, batches="1"))
        with self.assertRaises(ocop.NotFoundError):
            ocop.campaign("hue-2030")
        with ocop.Registry(campaign="hanoi-2021") as reg:
            with self.assertRaises(ocop.InvalidDocumentError) as cm:
                reg.apply(to_certificate("HN-001", batch="9")[0])
            self.assertEqual(cm.exception.problems[0]["path"], "/payload/batch")
            self.assertIn("expected a batch of campaign hanoi-2021", cm.exception.message)
            reg.apply(to_certificate("HN-001", batch="1")[0])
            registrations = reg.report("registrations")
            self.assertEqual(registrations["total"], 1)
            self.assertEqual(reg.report("planned")["total"], 541)  # Hanoi's plan: 541 products
            self.assertEqual(reg.report("progress")[0]["dossiers"], 1)
            self.assertIsInstance(reg.report("overdue", as_of="2022-01-01"), list)
            with self.assertRaises(ocop.NotFoundError):
                reg.report("gossip")
            with self.assertRaises(ocop.InvalidArgumentError):
                reg.report("overdue")

    def test_a_campaigns_administrative_units_check_registrations(self):
        hanoi = ocop.campaign("hanoi-2021")
        self.assertEqual(hanoi["units"][0], {"id": "ba-vi", "name": "Ba Vì", "kind": "rural_district"})
        with ocop.Registry(campaign=hanoi) as reg:
            registered = ev("registered", "subject", "2021-09-01", {"dossier": product("HN-002", district="Huyện Ba Vi\u0300")}, "HN-002")
            self.assertEqual(reg.apply(registered)["dossier"]["district"], "Ba Vì")  # NFD, with its kind: the list's name
            with self.assertRaises(ocop.InvalidDocumentError) as cm:
                reg.apply(ev("registered", "subject", "2021-09-01", {"dossier": product("HN-003", district="Ba Vi")}, "HN-003"))
            self.assertEqual(cm.exception.problems[0]["path"], "/payload/dossier/district")
            self.assertIn('did you mean "Ba Vì" (huyện Ba Vì)?', cm.exception.message)
            self.assertEqual(reg.report("registrations")["table"][0]["key"], "Ba Vì")
        with self.assertRaises(ocop.InvalidDocumentError):
            ocop.validate_campaign(dict(hanoi, units=hanoi["units"] + [{"id": "ba-vi", "name": "Ba Vì 2", "kind": "town"}]))

    def test_procedures_of_the_editions(self):
        p = ocop.procedure("1048-781")
        self.assertEqual(p["edition"], "1048-781")
        self.assertEqual([level["id"] for level in p["levels"]][:2], ["district", "province"])
        self.assertEqual(ocop.procedure("148-1489")["edition"], "148-1489")
        with self.assertRaises(ocop.NotFoundError):
            ocop.procedure("2050")

    def test_edition_26_2026_procedure_and_the_change_of_rules(self):
        p = ocop.procedure("26-2026")
        self.assertEqual([c["id"] for c in p["levels"][0]["precheck_contents"]],
                         ["product_origin", "local_raw_material", "local_labour", "idea_origin", "local_identity"])
        self.assertEqual(ocop.procedure("148-1489")["transition"]["finish_within_days"], 60)
        # The workflow needs no 26-2026 score sheet: an empty catalog serves (the set is then not checked).
        dossier = dict(product("PT-1"), documents=[])
        del dossier["set"]
        contents = [{"content": c, "met": True, "finding": "đạt"} for c in
                    ("product_origin", "local_raw_material", "local_labour", "idea_origin", "local_identity")]
        with ocop.Registry(catalog=ocop.Catalog()) as reg:
            self.assertEqual(reg.apply(ev("registered", "subject", "2026-06-01", {"dossier": dossier}, "PT-1"))["edition"], "26-2026")
            reg.apply(ev("submitted", "subject", "2026-06-02", {"documents": []}, "PT-1"))
            with self.assertRaises(ocop.RuleViolationError) as cm:
                reg.apply(ev("precheck_result", "commune_people_committee", "2026-06-10",
                             {"passed": True, "findings": [], "contents": contents[:4]}, "PT-1"))
            self.assertIn('must assess content "local_identity"', cm.exception.message)
            state = reg.apply(ev("precheck_result", "commune_people_committee", "2026-06-10",
                                 {"passed": True, "findings": [], "contents": contents}, "PT-1"))
            self.assertEqual(state["phase"], "prechecked")

            # A 148-1489 dossier filed on 2026-05-21 finishes by 2026-07-20 (Điều 11.2, 12.2).
            old = dict(dossier, id="PT-0")
            reg.apply(ev("registered", "subject", "2026-05-21", {"dossier": old}, "PT-0"))
            reg.apply(ev("submitted", "subject", "2026-05-21", {"documents": []}, "PT-0"))
            reg.apply(ev("precheck_result", "commune_people_committee", "2026-07-20", {"passed": True, "findings": []}, "PT-0"))
            with self.assertRaises(ocop.RuleViolationError) as cm:
                reg.apply(ev("forwarded", "commune_people_committee", "2026-07-21", {"to": "province"}, "PT-0"))
            self.assertIn("Điều 12 khoản 2", cm.exception.message)
            self.assertIn("dossier PT-0 had until 2026-07-20", cm.exception.message)

    def test_reports_over_certified_products(self):
        with ocop.Registry() as reg:
            for e in to_certificate("HN-001"):
                reg.apply(e)
            recognised = reg.report("recognised", as_of="2022-01-01")
            self.assertEqual([(r["dossier"], r["stars"], r["valid"]) for r in recognised], [("HN-001", 4, True)])
            self.assertEqual(reg.report("results")["by_district"]["total"], 1)
            self.assertEqual(reg.report("candidates"), [])
            with self.assertRaises(ocop.NotFoundError):
                reg.report("planned")  # no campaign


if __name__ == "__main__":
    unittest.main()
