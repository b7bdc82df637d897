#include "demo_hanoi.hpp"

#include <algorithm>
#include <cstdio>

#include "ocop/campaign.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/error.hpp"
#include "synthetic.hpp"

namespace ocop::cli {

namespace {

using synthetic::declared_rules;
using synthetic::rng;
using synthetic::synthetic_scorecard;

/// An event with the time it happens, for ordering the whole campaign before applying it.
struct timed_event {
    std::string at;
    std::size_t sequence;
    event e;
};

std::string stamp(date d, int minute) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00+07:00", d.to_string().c_str(), 8 + minute / 60 % 9, minute % 60);
    return buf;
}

date day(int y, unsigned m, unsigned d) { return date{y, m, d}; }


/// The dates of one batch's steps (appendix 02 of 220/KH-UBND).
struct batch_calendar {
    date registered, district_council, forwarded, appraisal, round1, completion_requested, completion_submitted, round2,
        proposal, decision, certificate, candidacy;
    std::string decision_number;
};

/// The window of step `number` of the plan for `batch`.
const date_window& window_of(const campaign& plan, int number, const std::string& batch) {
    for (const auto& s : plan.steps)
        if (s.step == number)
            if (const date_window* w = s.window_for(batch)) return *w;
    throw error(errc::not_found, "/steps", "plan " + plan.plan + " has no window for step " + std::to_string(number) + ", batch " + batch);
}

/// A batch's calendar. The dates of steps 1 to 6 are read from the plan's windows for the batch
/// (each event then falls on a random day of a span that stays inside its window); registration,
/// the district council and the decision have no window there: those dates, and the decision's
/// number, are this synthetic demo's own choices.
batch_calendar calendar_for(const campaign& plan, const std::string& batch) {
    batch_calendar c;
    if (batch == "1") {
        c.registered = day(2021, 8, 16);
        c.district_council = day(2021, 9, 20);
        c.decision = day(2021, 12, 8);
        c.decision_number = "4321/QĐ-UBND";
    } else {
        c.registered = day(2021, 9, 16);
        c.district_council = day(2021, 10, 20);
        c.decision = day(2021, 12, 20);
        c.decision_number = "4876/QĐ-UBND";
    }
    c.forwarded = window_of(plan, 1, batch).last_day()->plus_days(-8);  // district committees forward
    c.appraisal = window_of(plan, 2, batch).from->plus_days(1);          // appraisal
    c.round1 = *window_of(plan, 3, batch).from;                          // city council, round 1
    c.completion_requested = *window_of(plan, 4, batch).from;            // completion after round 1
    c.completion_submitted = c.completion_requested.plus_days(2);
    c.round2 = window_of(plan, 5, batch).from->plus_days(1);             // city council, round 2
    c.proposal = window_of(plan, 6, batch).last_day()->plus_days(-3);    // proposal to the city committee
    c.certificate = c.decision.plus_days(2);
    c.candidacy = c.certificate.plus_days(5);
    return c;
}

/// The sets of an industry that have a sheet, in classification order.
std::vector<const product_set*> scorable_sets(const edition& ed, const std::string& industry_id) {
    std::vector<const product_set*> out;
    for (const auto& ind : ed.classification)
        if (ind.id == industry_id)
            for (const auto& g : ind.groups)
                for (const auto& id : g.sets)
                    if (const product_set* s = ed.find_set(id); s && s->status != set_status::unavailable) out.push_back(s);
    return out;
}

class simulation {
public:
    simulation(const campaign& c, const edition& ed, std::uint64_t seed, demo_figures& figures)
        : campaign_(c), edition_(ed), random_(seed), figures_(figures) {}

    void add_dossier(const std::string& district, std::size_t district_no, const std::string& industry, std::size_t sequence,
                     std::size_t index);
    std::vector<timed_event>& events() { return events_; }

private:
    /// One synthetic product on its way through the campaign.
    struct product {
        dossier d;
        const product_set* set = nullptr;
        subject_kind kind = subject_kind::enterprise;
        std::string batch;
        batch_calendar cal;
        int quality = 0;  ///< latent quality, per mille
        std::vector<std::string> knockouts;
    };

    product new_product(const std::string& district, std::size_t district_no, const std::string& industry, std::size_t sequence,
                        std::size_t index);
    void draw_quality(product& p);
    bool district_level(const product& p);
    void appraisal(const product& p);
    council_result province_rounds(product& p);
    void recognition(const product& p, const council_result& round2);
    date on(date base, int spread) { return base.plus_days(static_cast<int>(random_.below(static_cast<std::uint32_t>(spread)))); }
    /// One council round: every member's scorecard and the result they give.
    struct sitting {
        std::vector<scorecard> cards;
        council_result result;
    };
    sitting council(const product_set& set, int quality, subject_kind kind, const std::vector<std::string>& knockouts,
                    const std::string& level, const std::string& who);
    void push(const std::string& dossier, role r, const std::string& actor, date d, event_payload p, std::string reason);
    void push_at(const std::string& dossier, role r, const std::string& actor, const std::string& at, event_payload p, std::string reason);
    void push_round(const std::string& dossier, role r, const std::string& council_name, date d, const std::string& level, int round,
                    const sitting& s, std::string reason);

    const campaign& campaign_;
    const edition& edition_;
    rng random_;
    demo_figures& figures_;
    std::vector<timed_event> events_;
    std::size_t certificates_ = 0;
};

void simulation::push(const std::string& dossier, role r, const std::string& actor, date d, event_payload p, std::string reason) {
    int minute = static_cast<int>(random_.below(480));
    push_at(dossier, r, actor, stamp(d, minute), std::move(p), std::move(reason));
}

void simulation::push_at(const std::string& dossier, role r, const std::string& actor, const std::string& at, event_payload p,
                         std::string reason) {
    events_.push_back({at, events_.size(), event{dossier, actor, r, at, std::move(p), std::move(reason)}});
}

/// A council round in the log: the secretary records every member's scorecard, then the round's
/// result, which the library computes from them (the event's mean, stars and members must agree).
/// All at one time, in this order (the campaign is sorted stably by time).
void simulation::push_round(const std::string& dossier, role r, const std::string& council_name, date d, const std::string& level, int round,
                            const sitting& s, std::string reason) {
    const std::string at = stamp(d, static_cast<int>(random_.below(480)));
    for (const auto& card : s.cards)
        push_at(dossier, role::council_secretary, "Thư ký " + council_name, at, scorecard_payload{level, round, card}, "phiếu chấm điểm của thành viên");
    push_at(dossier, r, council_name, at, council_payload_from(s.result, round), std::move(reason));
}

simulation::sitting simulation::council(const product_set& set, int quality, subject_kind kind, const std::vector<std::string>& knockouts,
                                        const std::string& level, const std::string& who) {
    const int members = 7 + static_cast<int>(random_.below(5));  // 7 to 11 members
    sitting out;
    std::vector<scorecard_result> results;
    for (int m = 0; m < members; ++m) {
        int member_quality = std::clamp(quality + static_cast<int>(random_.below(61)) - 30, 0, 1000);
        out.cards.push_back(synthetic_scorecard(set, edition_.id, who + " member " + std::to_string(m + 1), member_quality, kind, random_, knockouts));
        results.push_back(score(edition_, set, out.cards.back()));
    }
    figures_.scorecards += results.size();
    figures_.councils += 1;
    council_policy policy = campaign_.council.value_or(council_policy{});
    policy.level = level;
    out.result = aggregate(edition_, embedded_procedures().get(edition_.id), set, results, policy);
    return out;
}

void simulation::add_dossier(const std::string& district, std::size_t district_no, const std::string& industry, std::size_t sequence,
                             std::size_t index) {
    product p = new_product(district, district_no, industry, sequence, index);
    draw_quality(p);
    push(p.d.id, role::subject, p.d.subject.name, on(p.cal.registered, 10),
         registered_payload{p.d, campaign_.edition, p.batch, std::nullopt}, "đăng ký sản phẩm tham gia đánh giá OCOP 2021");
    push(p.d.id, role::subject, p.d.subject.name, p.cal.registered.plus_days(12), submitted_payload{}, "nộp hồ sơ");
    if (!district_level(p)) return;
    appraisal(p);
    const council_result round2 = province_rounds(p);
    recognition(p, round2);
}

/// A dossier of the industry's sets, in batch 1 or 2 by turn, with the required documents and about
/// half of the optional ones.
simulation::product simulation::new_product(const std::string& district, std::size_t district_no, const std::string& industry,
                                            std::size_t sequence, std::size_t index) {
    const auto sets = scorable_sets(edition_, industry);
    product p;
    p.set = sets[random_.below(static_cast<std::uint32_t>(sets.size()))];
    p.batch = index % 2 == 0 ? "1" : "2";
    p.cal = calendar_for(campaign_, p.batch);
    const subject_kind kinds[] = {subject_kind::enterprise, subject_kind::cooperative, subject_kind::cooperative_group,
                                  subject_kind::household};
    p.kind = kinds[random_.below(4)];

    char id[32], code[40];
    std::snprintf(id, sizeof id, "HN-%02zu-%03zu", district_no, sequence);
    std::snprintf(code, sizeof code, "HN-%02zu-%03zu-2021", district_no, sequence);
    dossier& d = p.d;
    d.id = id;
    d.product_name = p.set->name + " (synthetic product " + id + ")";
    d.product_code = code;
    d.subject = {"Synthetic subject " + std::string(id), p.kind};
    d.province = campaign_.province;
    d.district = district;
    d.industry = industry;
    d.set = p.set->id;
    d.documents = {"doc-01", "doc-02", "doc-03", "doc-04", "doc-05"};
    for (const auto& doc : edition_.dossier_documents)
        if (!doc.required && random_.chance(500)) d.documents.push_back(doc.id);
    return p;
}

/// A product's latent quality (per mille): mostly 3 stars, some 4, a few below 50 or 90+; now and
/// then a declared knock-out (evaluation stopped, or eliminated).
void simulation::draw_quality(product& p) {
    int quality = 420 + static_cast<int>((random_.below(1000) + random_.below(1000) + random_.below(1000)) / 6);
    if (random_.chance(25)) quality += 250;
    p.quality = std::min(quality, 1000);
    if (random_.chance(15)) {
        auto stops = declared_rules(*p.set, knockout_outcome::evaluation_stopped);
        if (!stops.empty()) p.knockouts.push_back(stops.front());
    } else if (random_.chance(8)) {
        auto eliminations = declared_rules(*p.set, knockout_outcome::eliminated);
        if (!eliminations.empty()) p.knockouts.push_back(eliminations.front());
    }
}

/// The district council, then the district committee forwards the product or closes the dossier.
/// True when forwarded.
bool simulation::district_level(const product& p) {
    const dossier& d = p.d;
    const std::string dist_committee = "UBND " + d.district;
    const sitting district = council(*p.set, p.quality, p.kind, p.knockouts, "district", "Hội đồng " + d.district);
    const council_result& district_result = district.result;
    push_round(d.id, role::district_council, "Hội đồng OCOP " + d.district, on(p.cal.district_council, 8), "district", 1, district,
               "đánh giá, phân hạng cấp huyện");
    if (!district_result.forward_to) {
        if (district_result.knockout.outcome != evaluation_outcome::evaluated) figures_.knocked_out += 1;
        push(d.id, role::district_people_committee, dist_committee, on(p.cal.forwarded, 7), closed_payload{},
             district_result.knockout.outcome != evaluation_outcome::evaluated ? "loại theo ghi chú phiếu đánh giá" : "dưới 50 điểm");
        return false;
    }
    push(d.id, role::district_people_committee, dist_committee, on(p.cal.forwarded, 7), forwarded_payload{"province"},
         "đạt từ 50 điểm, gửi thành phố");
    return true;
}

/// Province appraisal: some dossiers are returned and completed, the others accepted at once.
void simulation::appraisal(const product& p) {
    const dossier& d = p.d;
    if (random_.chance(80)) {
        figures_.returned += 1;
        push(d.id, role::advisory_group, "Tổ tư vấn", p.cal.appraisal,
             appraisal_payload{appraisal_outcome::returned, true, {"Phiếu kết quả kiểm nghiệm chỉ tiêu an toàn thực phẩm"}},
             "hồ sơ thiếu phiếu kiểm nghiệm");
        push(d.id, role::subject, d.subject.name, p.cal.appraisal.plus_days(1),
             completion_payload{{"doc-09"}, {"Phiếu kết quả kiểm nghiệm chỉ tiêu an toàn thực phẩm"}}, "bổ sung phiếu kiểm nghiệm");
        push(d.id, role::advisory_group, "Tổ tư vấn", p.cal.appraisal.plus_days(3), appraisal_payload{appraisal_outcome::accepted, false, {}},
             "hồ sơ đủ điều kiện");
    } else {
        push(d.id, role::advisory_group, "Tổ tư vấn", on(p.cal.appraisal, 4),
             appraisal_payload{appraisal_outcome::accepted, random_.chance(300), {}}, "hồ sơ đủ điều kiện");
    }
}

/// City council round 1, a completion for products with caps or near a band's bound (and a few
/// others), then round 2. Returns round 2's result.
council_result simulation::province_rounds(product& p) {
    const dossier& d = p.d;
    const sitting first = council(*p.set, p.quality, p.kind, p.knockouts, "province", "Hội đồng thành phố vòng 1");
    const council_result& round1 = first.result;
    push_round(d.id, role::province_council, "Hội đồng OCOP thành phố", on(p.cal.round1, 5), "province", 1, first, "đánh giá, phân hạng vòng 1");

    const auto near_bound = [](const exact_mean& m) {
        for (int bound : {50, 70, 90})
            if (!m.at_least(bound) && m.at_least(bound - 5)) return true;
        return false;
    };
    bool completes = round1.knockout.outcome == evaluation_outcome::evaluated &&
                     (!round1.caps.empty() || near_bound(round1.mean) || random_.chance(200));
    if (completes) {
        figures_.completions += 1;
        p.quality = std::min(1000, p.quality + 40);
        std::vector<std::string> items{"Hoàn thiện câu chuyện sản phẩm", "Bổ sung tem truy xuất nguồn gốc"};
        push(d.id, role::coordination_office, "Văn phòng điều phối NTM", on(p.cal.completion_requested, 2), completion_request_payload{items},
             "hoàn thiện minh chứng sau vòng 1");
        push(d.id, role::subject, d.subject.name, on(p.cal.completion_submitted, 2), completion_payload{{"doc-16", "doc-10"}, items},
             "nộp minh chứng bổ sung");
    }
    sitting second = council(*p.set, p.quality, p.kind, p.knockouts, "province", "Hội đồng thành phố vòng 2");
    push_round(d.id, role::province_council, "Hội đồng OCOP thành phố", on(p.cal.round2, 5), "province", 2, second, "đánh giá, phân hạng vòng 2");
    return std::move(second.result);
}

/// Not recognised (knocked out or below 3 stars), or proposed, decided and certified; 90 points or
/// more: proposed for the national 5-star evaluation.
void simulation::recognition(const product& p, const council_result& round2) {
    const dossier& d = p.d;
    if (!round2.recognisable || round2.stars < 3) {
        if (round2.knockout.outcome != evaluation_outcome::evaluated) figures_.knocked_out += 1;
        push(d.id, role::coordination_office, "Văn phòng điều phối NTM", on(p.cal.proposal, 4), not_recognised_payload{},
             round2.knockout.outcome != evaluation_outcome::evaluated ? "loại theo ghi chú phiếu đánh giá" : "dưới 50 điểm sau vòng 2");
        return;
    }
    push(d.id, role::coordination_office, "Văn phòng điều phối NTM", on(p.cal.proposal, 4), recognition_payload{std::min(round2.stars, 4)},
         "đề nghị UBND thành phố công nhận");
    push(d.id, role::province_people_committee, "UBND thành phố Hà Nội", p.cal.decision,
         decision_payload{p.cal.decision_number, p.cal.decision, "Chủ tịch UBND thành phố (synthetic)"}, "quyết định công nhận sản phẩm OCOP");
    char number[40];
    std::snprintf(number, sizeof number, "HN-OCOP-2021-%04zu", ++certificates_);
    push(d.id, role::province_people_committee, "UBND thành phố Hà Nội", p.cal.certificate, certificate_payload{number, p.cal.certificate},
         "cấp giấy chứng nhận");
    if (round2.forward_to)
        push(d.id, role::province_people_committee, "UBND thành phố Hà Nội", p.cal.candidacy, forwarded_payload{*round2.forward_to},
             "đạt từ 90 điểm: đề xuất Bộ NN&PTNT đánh giá 5 sao");
}

}  // namespace

registry run_hanoi_2021(std::uint64_t seed, demo_figures& figures, const std::function<void(std::size_t, std::size_t)>& progress) {
    const campaign& plan = embedded_campaign("hanoi-2021");
    const edition& ed = embedded_catalog().get(plan.edition);
    simulation sim(plan, ed, seed, figures);
    std::size_t total = 0;
    for (const auto& row : plan.planned) total += static_cast<std::size_t>(row.total);
    std::size_t index = 0;
    for (std::size_t r = 0; r < plan.planned.size(); ++r) {
        const auto& row = plan.planned[r];
        std::size_t sequence = 0;
        for (std::size_t i = 0; i < plan.industries.size(); ++i)
            for (int n = 0; n < row.by_industry[i]; ++n) {
                sim.add_dossier(row.district, r + 1, plan.industries[i].id, ++sequence, index++);
                if (progress) progress(index, total);
            }
    }
    auto& events = sim.events();
    std::stable_sort(events.begin(), events.end(), [](const timed_event& a, const timed_event& b) { return a.at < b.at; });
    registry reg({}, plan);
    for (const auto& t : events) reg.apply(t.e);
    for (const auto& [id, state] : reg.dossiers())
        if (!state.warnings.empty()) figures.with_warnings += 1;
    figures.dossiers = index;
    figures.events = events.size();
    return reg;
}

}  // namespace ocop::cli
