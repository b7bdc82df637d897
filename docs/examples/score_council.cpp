// Scores a built-in sample council of five members for one "Rau, củ, quả, hạt tươi" product with
// the embedded 1048/781 catalog and prints the result. Run: ./build/ocop_example_council [--json]

#include <cstring>
#include <iostream>

#include <boost/json/serialize.hpp>

#include "ocop.hpp"

namespace {

/// One member's answers: the same product seen by five evaluators who disagree a little.
ocop::scorecard member(const std::string& name, const char* sensory_level, const char* uniqueness_level) {
    ocop::scorecard card;
    card.edition = "1048-781";
    card.set = "rau-cu-qua-hat-tuoi";
    card.evaluator = name;
    auto plain = [&](const char* id, const char* level) { card.answers[id] = ocop::answer{std::nullopt, level}; };
    plain("1.1", "c"); plain("1.2", "b"); plain("1.3", "c"); plain("1.4", "b"); plain("1.5", "c"); plain("1.6", "b");
    plain("2.1", "d"); plain("2.2", "c"); plain("2.3", "b");
    plain("3.1", "c");
    card.answers["3.2"] = ocop::answer{"1", "b"};  // either/or: case 1 (cooperative), level b
    plain("3.3", "b"); plain("3.4", "b"); plain("3.5", "b");
    plain("4.1", "c"); plain("4.2", "c"); plain("4.3", "c");
    plain("5.1", "d"); plain("5.2", "d"); plain("5.3", "b");  // a documented story: 5.2 and 5.3 apply
    plain("6.1", "c"); plain("6.2", sensory_level); plain("6.3", "c"); plain("6.4", "c"); plain("6.5", "b");
    plain("7", "b"); plain("8", uniqueness_level);
    plain("9.1", "c"); plain("9.2", "d");
    plain("10", "d"); plain("11", "a");
    return card;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const ocop::catalog& cat = ocop::embedded_catalog();
        const ocop::edition& ed = cat.in_force(*ocop::date::parse("2021-10-20"));
        const ocop::product_set& set = *ed.find_set("rau-cu-qua-hat-tuoi");

        std::vector<ocop::scorecard_result> cards;
        const char* sensory[] = {"e", "d", "e", "d", "c"};
        const char* unique[] = {"c", "c", "d", "b", "c"};
        for (int i = 0; i < 5; ++i) cards.push_back(ocop::score(ed, set, member("member-" + std::to_string(i + 1), sensory[i], unique[i])));
        ocop::council_result result = ocop::aggregate(ed, ocop::embedded_procedures().get(ed.id), set, cards);

        if (argc > 1 && std::strcmp(argv[1], "--json") == 0) {
            std::cout << boost::json::serialize(ocop::to_json(result)) << "\n";
            return 0;
        }
        std::cout << "Edition " << ed.id << " in force on 2021-10-20: " << ed.name << "\n";
        std::cout << "Product set " << set.code << " " << set.name << " (" << ocop::to_json(result).at("sheet_status").as_string().c_str() << ")\n";
        for (const auto& m : result.members) std::cout << "  " << m.evaluator << ": " << m.total << " points\n";
        std::cout << "Mean " << result.mean_display << " (exact " << result.mean.numerator << "/" << result.mean.denominator << ")\n";
        for (const auto& p : result.part_means) std::cout << "  part " << p.id << ": " << p.mean << " / " << p.max_points << "\n";
        std::cout << "Band " << result.band_stars << " stars: " << result.band_meaning << "\n";
        for (const auto& c : result.caps) std::cout << "  capped to " << c.capped_to << " stars: " << c.text << "\n";
        std::cout << "Stars " << result.stars << (result.recognisable ? ", recognised by " + *result.recognised_by : ", not recognised")
                  << (result.forward_to ? ", may be forwarded to " + *result.forward_to : "") << "\n";
        for (const auto& w : result.warnings) std::cout << "warning: " << w << "\n";
        return 0;
    } catch (const ocop::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
