"""Consistency analysis of a council and campaign analytics through the Python bindings
(docs/scoring.md, "Consistency of a council", "Campaign analytics")."""
import unittest

import ocop
from test_ocop import EmbeddedCatalogCase, card


class CouncilAnalysisTest(EmbeddedCatalogCase):
    def test_members_spread_agreement_and_flags(self):
        council = {"scorecards": [card("a"), card("b", **{"6.2": "d"}), card("c")],
                   "analysis": {"criterion_range_percent": 30}}
        result = self.cat.analyse_council(council)
        b = result["member_totals"][1]
        self.assertEqual((b["evaluator"], b["deviation_from_others"]), ("b", "-3.00"))  # 6.2: 5 of 8 against 8 and 8
        self.assertEqual(result["most_disagreed"], ["6.2"])
        spread = next(c for c in result["criteria"] if c["criterion"] == "6.2")
        self.assertEqual((spread["lowest"], spread["highest"], spread["wide"]), (5, 8, True))  # 3 of 8 is over 30%
        self.assertEqual(result["agreement"]["method"], "krippendorff_alpha_interval")
        self.assertIn("Krippendorff", result["agreement"]["reference"])
        self.assertEqual([f["kind"] for f in result["flags"] if f["subject"] == "6.2"], ["criterion_wide_spread"])
        self.assertEqual(result["policy"]["member_deviation_limit"], 10)  # default kept

    def test_a_council_of_one_is_not_analysed(self):
        with self.assertRaises(ocop.InvalidCouncilError) as cm:
            self.cat.analyse_council({"policy": {"minimum_members": 1}, "scorecards": [card()]})
        self.assertIn("at least 2 scorecards", cm.exception.message)
        with self.assertRaises(ocop.InvalidDocumentError) as cm:
            self.cat.analyse_council({"analysis": {"band_edge_points": 101}, "scorecards": [card(), card()]})
        self.assertEqual(cm.exception.problems[0]["path"], "/analysis/band_edge_points")

    def test_campaign_analytics(self):
        doc = {"councils": [
            {"id": "HN-1", "industry": "food", "scorecards": [card("a"), card("b", **{"6.2": "d"}), card("c")]},
            {"id": "HN-2", "industry": "food", "scorecards": [card("a", **{"6.2": "d"}), card("b", **{"6.2": "d"}), card("c", **{"6.2": "d"})]},
        ]}
        result = self.cat.campaign_analytics(doc)
        self.assertEqual(result["councils"], 2)
        losses = result["sets"][0]["criteria"]
        c62 = next(c for c in losses if c["criterion"] == "6.2")  # (7 + 5) / 2 = 6 of 8
        self.assertEqual((c62["mean_points"], c62["share_reached"], c62["points_lost"]), ("6.00", "75.00", "2.00"))
        lost = [float(c["points_lost"]) for c in losses]
        self.assertEqual(lost, sorted(lost, reverse=True))  # the criteria most lost first
        self.assertEqual([i["industry"] for i in result["industries"]], ["food"])
        self.assertEqual(sum(result["industries"][0]["stars"]), 2)
        with self.assertRaises(ocop.InvalidCouncilError) as cm:
            self.cat.campaign_analytics({"councils": [doc["councils"][0], doc["councils"][0]]})
        self.assertEqual(cm.exception.problems[0]["path"], "/councils/1/id")


if __name__ == "__main__":
    unittest.main()
