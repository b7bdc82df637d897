#pragma once
// Input documents shared by the reliability tests: the seed files of the fuzz corpora
// (tests/fuzz_corpus, written by tools/make_fuzz_seeds.py), read once.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ocop::test {

/// The text of tests/fuzz_corpus/<target>/seed-<name>.
inline std::string seed(const std::string& target, const std::string& name) {
    const std::string path = std::string(OCOP_TEST_SOURCE_DIR) + "/fuzz_corpus/" + target + "/seed-" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// An edition "fuzz-2099" (in force from 2099-01-01) with one set, rau-cu-qua-hat-tuoi.
inline const std::string& one_set_edition() {
    static const std::string s = seed("catalog_edition", "one-set.json");
    return s;
}
/// The rau-cu-qua-hat-tuoi set document.
inline const std::string& rau_set() {
    static const std::string s = seed("catalog_set", "rau-cu-qua-hat-tuoi.json");
    return s;
}
/// A best-answer scorecard for rau-cu-qua-hat-tuoi (1048-781): 100 points.
inline const std::string& rau_best_card() {
    static const std::string s = seed("scorecard", "best-rau-cu-qua-hat-tuoi.json");
    return s;
}
/// A council of three rau-cu-qua-hat-tuoi scorecards.
inline const std::string& rau_council() {
    static const std::string s = seed("council", "three.json");
    return s;
}

}  // namespace ocop::test

namespace ocop::test {

/// The events of one dossier (HN-001) from registration to a province certificate under 1048-781,
/// as JSON, in order (tests/fuzz_corpus/event/seed-<i>-<type>.json, written by
/// fuzz/workflow_seeds.cpp).
inline const std::vector<std::string>& path_events() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> v;
        for (const char* name : {"0-registered", "1-submitted", "2-council_result", "3-forwarded", "4-appraisal_result",
                                 "5-completion_submitted", "6-appraisal_result", "7-council_result",
                                 "8-completion_requested", "9-completion_submitted", "10-council_result",
                                 "11-recognition_proposed", "12-decision_recorded", "13-certificate_issued"})
            v.push_back(seed("event", std::string(name) + ".json"));
        return v;
    }();
    return all;
}

/// The exported log of that path (tests/fuzz_corpus/log_import/seed-path.jsonl).
inline const std::string& path_log() {
    static const std::string s = seed("log_import", "path.jsonl");
    return s;
}

}  // namespace ocop::test
