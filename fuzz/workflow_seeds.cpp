// Writes the seed corpora of the workflow fuzz targets (event, log_import) into the directory given
// (tests/fuzz_corpus): the events of one dossier's path from registration to a province certificate
// under 1048-781, and its exported event log with damaged variants.
//   build/fuzz/ocop_fuzz_workflow_seeds tests/fuzz_corpus

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/json/serialize.hpp>

#include "ocop/detail/enum_text.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow.hpp"

namespace {

ocop::event ev(ocop::role r, const std::string& day, ocop::event_payload p) {
    return ocop::event{"HN-001", "actor", r, day + "T09:00:00+07:00", std::move(p), "as decided"};
}

void write(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / ("seed-" + name), std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <tests/fuzz_corpus>\n", argv[0]);
        return 2;
    }
    const std::filesystem::path root(argv[1]);
    using ocop::role;
    ocop::dossier d;
    d.id = "HN-001";
    d.product_name = "Bưởi Diễn";
    d.subject = {"HTX Phú Diễn", ocop::subject_kind::cooperative};
    d.province = "Hà Nội";
    d.district = "Bắc Từ Liêm";
    d.industry = "food";
    d.set = "rau-cu-qua-hat-tuoi";
    d.documents = {"doc-01", "doc-02", "doc-03", "doc-04", "doc-05"};
    const std::vector<ocop::event> path{
        ev(role::subject, "2021-09-01", ocop::registered_payload{d, std::nullopt, std::nullopt, std::nullopt}),
        ev(role::subject, "2021-09-02", ocop::submitted_payload{{"doc-12"}}),
        ev(role::district_council, "2021-09-20", ocop::council_payload{1, {362, 5}, 4, 5}),
        ev(role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}),
        ev(role::advisory_group, "2021-10-11", ocop::appraisal_payload{ocop::appraisal_outcome::returned, true, {"Tem"}}),
        ev(role::subject, "2021-10-12", ocop::completion_payload{{"doc-09"}, {"Tem"}}),
        ev(role::coordination_office, "2021-10-13", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}),
        ev(role::province_council, "2021-10-18", ocop::council_payload{1, {338, 5}, 3, 5}),
        ev(role::advisory_group, "2021-10-21", ocop::completion_request_payload{{"Câu chuyện sản phẩm"}}),
        ev(role::subject, "2021-10-24", ocop::completion_payload{{"doc-16"}, {"Câu chuyện sản phẩm"}}),
        ev(role::province_council, "2021-10-27", ocop::council_payload{2, {371, 5}, 4, 5}),
        ev(role::coordination_office, "2021-11-01", ocop::recognition_payload{4}),
        ev(role::province_people_committee, "2021-12-10",
           ocop::decision_payload{"5678/QĐ-UBND", *ocop::date::parse("2021-12-10"), "Chủ tịch UBND TP"}),
        ev(role::province_people_committee, "2021-12-15", ocop::certificate_payload{"GCN-0001", *ocop::date::parse("2021-12-15")}),
    };
    ocop::registry reg;
    for (std::size_t i = 0; i < path.size(); ++i) {
        reg.apply(path[i]);
        write(root / "event", std::to_string(i) + "-" + std::string(ocop::detail::enum_name(path[i].type())) + ".json",
              boost::json::serialize(ocop::to_json(path[i])));
    }
    const std::string log = reg.log().export_jsonl();
    write(root / "log_import", "path.jsonl", log);
    write(root / "log_import", "first-three.jsonl", log.substr(0, [&] {
              std::size_t p = 0;
              for (int k = 0; k < 3; ++k) p = log.find('\n', p) + 1;
              return p;
          }()));
    std::string edited = log;
    edited[edited.find("GCN-0001")] = 'X';
    write(root / "log_import", "edited.jsonl", edited);
    write(root / "log_import", "no-final-newline.jsonl", log.substr(0, log.size() - 1));
    write(root / "log_import", "empty.jsonl", "");
    std::printf("wrote %zu event seeds and 5 log seeds\n", path.size());
    return 0;
}
