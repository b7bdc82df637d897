// A dossier of the Hanoi 2021 campaign goes from registration to its certificate; a refused event
// changes nothing; the log verifies, survives export/import byte for byte and replays exactly.
// Run: ./build/ocop_example_workflow

#include <iostream>

#include <boost/json/serialize.hpp>

#include "ocop.hpp"

namespace {

ocop::event make(const std::string& id, ocop::role role, const std::string& at, ocop::event_payload payload, const std::string& reason) {
    return ocop::event{id, "demo", role, at, std::move(payload), reason};
}

}  // namespace

int main() {
    try {
        using ocop::role;
        const ocop::campaign& plan = ocop::embedded_campaign("hanoi-2021");
        ocop::registry reg({}, plan);  // embedded procedures and catalog; windows of 220/KH-UBND

        ocop::dossier d;
        d.id = "HN-BV-001-2021";
        d.product_name = "Bưởi Diễn";
        d.product_code = "HN-BV-001-2021";
        d.subject = {"HTX Nông nghiệp Tản Lĩnh", ocop::subject_kind::cooperative};
        d.province = "Hà Nội";
        d.district = "Ba Vì";
        d.industry = "food";
        d.set = "rau-cu-qua-hat-tuoi";
        d.documents = {"doc-01", "doc-02", "doc-03", "doc-04", "doc-05"};

        const std::string id = d.id;
        reg.apply(make(id, role::subject, "2021-09-01T08:00:00+07:00", ocop::registered_payload{d, std::nullopt, "1", std::nullopt}, "đăng ký"));
        reg.apply(make(id, role::subject, "2021-09-02T08:00:00+07:00", ocop::submitted_payload{}, "nộp hồ sơ"));
        // Councils whose members' scorecards are not in the log: their summaries, entered from paper
        // and marked so (docs/workflow.md, "Councils": a round with recorded scorecards is computed).
        reg.apply(make(id, role::district_council, "2021-09-20T14:00:00+07:00",
                       ocop::council_payload{.round = 1, .mean = ocop::exact_mean{362, 5}, .stars = 4, .members = 5, .from_paper = true},
                       "hội đồng cấp huyện (biên bản giấy)"));

        // Refused: the district council may not forward; nothing changes.
        try {
            reg.apply(make(id, role::district_council, "2021-10-01T08:00:00+07:00", ocop::forwarded_payload{"province"}, "gửi thành phố"));
        } catch (const ocop::error& e) {
            std::cout << "refused: " << e.what() << "\n";
        }
        reg.apply(make(id, role::district_people_committee, "2021-10-05T08:00:00+07:00", ocop::forwarded_payload{"province"}, "đạt 72,40 điểm"));
        reg.apply(make(id, role::advisory_group, "2021-10-12T08:00:00+07:00",
                       ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}, "thẩm định, kiểm tra thực tế"));
        // Dated after the round-1 window (2021-10-16 to 2021-10-20): recorded with a warning.
        reg.apply(make(id, role::province_council, "2021-10-22T09:00:00+07:00",
                       ocop::council_payload{.round = 1, .mean = ocop::exact_mean{1853, 25}, .stars = 4, .members = 25, .from_paper = true},
                       "hội đồng thành phố, vòng 1 (biên bản giấy)"));
        for (const auto& w : reg.last_warnings()) std::cout << "warning: " << w << "\n";
        reg.apply(make(id, role::coordination_office, "2021-11-01T08:00:00+07:00", ocop::recognition_payload{4}, "trình UBND thành phố"));
        reg.apply(make(id, role::province_people_committee, "2021-12-10T08:00:00+07:00",
                       ocop::decision_payload{"5678/QĐ-UBND", *ocop::date::parse("2021-12-10"), "Chủ tịch UBND thành phố"}, "công nhận"));
        reg.apply(make(id, role::province_people_committee, "2021-12-15T08:00:00+07:00",
                       ocop::certificate_payload{"GCN-2021-0001", *ocop::date::parse("2021-12-15")}, "cấp giấy chứng nhận"));

        const ocop::dossier_state& s = *reg.find(id);
        std::cout << id << ": " << boost::json::serialize(ocop::to_json(s).at("phase")) << ", " << s.certificate()->stars
                  << " stars, certificate " << s.certificate()->number << " valid until " << s.certificate()->expires_on.to_string() << "\n";

        // The log: verify against the head the host keeps, export, import, replay.
        const std::string head = reg.log().head();
        const std::string jsonl = reg.log().export_jsonl();
        ocop::event_log back = ocop::event_log::import_jsonl(jsonl);
        ocop::registry again = ocop::registry::replay(back, {}, plan, head);
        const bool same = boost::json::serialize(ocop::to_json(again)) == boost::json::serialize(ocop::to_json(reg));
        std::cout << reg.log().size() << " entries, head " << head.substr(0, 16) << "...\n";
        std::cout << "log verifies: " << (back.verify(head).ok ? "yes" : "no") << ", export round-trips: "
                  << (back.export_jsonl() == jsonl ? "yes" : "no") << ", replay identical: " << (same ? "yes" : "no") << "\n";

        std::cout << "recognised: " << boost::json::serialize(ocop::to_json(ocop::recognised_products(reg, *ocop::date::parse("2022-01-01")))) << "\n";
        return same ? 0 : 1;
    } catch (const ocop::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
