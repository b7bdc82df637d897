// Batch scoring on a compiled sheet: the same rules as ocop::score() (scoring.cpp) and, for the
// stars, as a council of one (council.cpp), evaluated from flat tables of level indices.

#include "ocop/batch.hpp"

#include <array>
#include <algorithm>
#include <limits>

#include "batch_vector.hpp"
#include "ocop/error.hpp"
#include "ocop/star_minimums.hpp"

namespace ocop {

namespace {

std::string row_path(std::size_t row, const std::string& criterion_id) {
    return json_path(json_path("/scorecards", row) + "/answers", criterion_id);
}

}  // namespace

compiled_sheet::compiled_sheet(const edition& ed, const product_set& set) : edition_(ed.id), set_(set.id), status_(set.status) {
    if (set.status == set_status::unavailable)
        throw error(errc::unavailable, "/set", "set \"" + set.id + "\" (" + set.name + ") has no score sheet: it cannot be scored");
    compile_options(set);
    compile_conditions(set);
    compile_knockouts(set);
    compile_caps(ed, set);
    compile_bands(ed);
    compile_packed();
    compile_vector_plan();
}

void compiled_sheet::compile_options(const product_set& set) {
    const std::size_t n = set.criteria.size();
    criteria_.reserve(n);
    first_option_.reserve(n + 1);
    for (const criterion& c : set.criteria) {
        criteria_.push_back(c.id);
        first_option_.push_back(static_cast<std::uint32_t>(options_.size()));
        auto add = [&](const std::optional<std::string>& case_id, const level& l) {
            options_.push_back({case_id, l.id, l.points});
            points_.push_back(l.points);
        };
        for (const auto& l : c.levels) add(std::nullopt, l);
        for (const auto& k : c.cases)
            for (const auto& l : k.levels) add(k.id, l);
        if (options_.size() - first_option_.back() >= no_answer)
            throw error(errc::invalid_document, "/criteria/" + c.id,
                        "criterion " + c.id + " has more than 254 options: it cannot be batch scored");
        max_total_ += c.max_points();
    }
    first_option_.push_back(static_cast<std::uint32_t>(options_.size()));
}

// Applicability (scoring.cpp condition_holds): the referenced criterion's answer has one of the
// listed level ids, whatever its case.
void compiled_sheet::compile_conditions(const product_set& set) {
    const std::size_t n = set.criteria.size();
    condition_of_.assign(n, -1);
    for (std::size_t s = 0; s < n; ++s) {
        const criterion& c = set.criteria[s];
        if (!c.applies_if) continue;
        condition cond{static_cast<std::uint32_t>(s), 0, static_cast<std::uint32_t>(enables_.size())};
        if (auto ref = slot_of(c.applies_if->criterion)) {
            cond.slot_ref = static_cast<std::uint32_t>(*ref);
            for (auto o = first_option_[*ref]; o < first_option_[*ref + 1]; ++o) {
                const auto& lv = c.applies_if->levels;
                enables_.push_back(std::find(lv.begin(), lv.end(), options_[o].level) != lv.end() ? 1 : 0);
            }
        } else {
            // A condition on a criterion the sheet does not have never holds (no answer can exist).
            cond.slot_ref = static_cast<std::uint32_t>(s);
            for (auto o = first_option_[s]; o < first_option_[s + 1]; ++o) enables_.push_back(0);
        }
        condition_of_[s] = static_cast<std::int32_t>(conditions_.size());
        conditions_.push_back(cond);
    }
}

// Level-triggered knock-outs (scoring.cpp rule_triggers): an answer without a case whose level
// is listed. Declared knock-outs cannot be expressed as indices (see batch.hpp).
void compiled_sheet::compile_knockouts(const product_set& set) {
    const std::size_t n = set.criteria.size();
    first_knockout_.reserve(n + 1);
    for (std::size_t s = 0; s < n; ++s) {
        first_knockout_.push_back(static_cast<std::uint32_t>(knockouts_.size()));
        for (const auto& rule : set.criteria[s].knockouts) {
            if (rule.trigger != trigger_kind::levels) continue;
            knockout k{static_cast<std::uint32_t>(s), rule.outcome, static_cast<std::uint32_t>(triggers_.size()), 0};
            for (const auto& ref : rule.trigger_levels) {
                auto t = slot_of(ref.criterion);
                if (!t || set.criteria[*t].has_cases()) continue;
                if (auto o = option_index(*t, "", ref.level)) {
                    triggers_.push_back({static_cast<std::uint32_t>(*t), *o});
                    ++k.count;
                }
            }
            knockouts_.push_back(k);
        }
    }
    first_knockout_.push_back(static_cast<std::uint32_t>(knockouts_.size()));
}

// Minimum requirements per star (star_minimums.hpp: 781 links and 26/2026 marked levels), as
// council.cpp applies them; slots are criterion indices.
void compiled_sheet::compile_caps(const edition& ed, const product_set& set) {
    for (const auto& m : star_minimums(ed, set))
        caps_.push_back({static_cast<std::uint32_t>(m.criterion_index), m.at_least_points, m.stars});
}

// 1048/QĐ-TTg, Phụ lục II: the band of each possible total (-1: outside every band).
void compiled_sheet::compile_bands(const edition& ed) {
    stars_by_total_.assign(static_cast<std::size_t>(max_total_) + 1, -1);
    for (int t = 0; t <= max_total_; ++t)
        for (const auto& b : ed.star_bands) {
            bool below_to = t < b.to || (b.to == 100 && t == 100);
            if (t >= b.from && below_to) {
                stars_by_total_[static_cast<std::size_t>(t)] = static_cast<std::int8_t>(b.stars);
                break;
            }
        }
}

// The packed table of the fast path (see batch.hpp). Counts and points must fit in 10 bits.
void compiled_sheet::compile_packed() {
    const std::size_t n = criteria_.size();
    constexpr std::uint32_t out_of_range = 1u << 10, unanswered = 1u << 20;
    packed_ok_ = n < 1024 && max_total_ < 1024;
    if (!packed_ok_) return;
    packed_.assign(n * 256, out_of_range);
    for (std::size_t s = 0; s < n; ++s) {
        for (auto o = first_option_[s]; o < first_option_[s + 1]; ++o)
            packed_[s * 256 + (o - first_option_[s])] = static_cast<std::uint32_t>(points_[o]);
        packed_[s * 256 + no_answer] = unanswered;
    }
    enables_256_.assign(conditions_.size() * 256, 0);
    for (std::size_t c = 0; c < conditions_.size(); ++c) {
        const std::uint32_t ref = conditions_[c].slot_ref;
        const std::uint32_t options = first_option_[ref + 1] - first_option_[ref];
        // (A condition on a criterion the sheet lacks refers to its own slot, with no enabling option.)
        for (std::uint32_t o = 0; o < options; ++o) enables_256_[c * 256 + o] = enables_[conditions_[c].first + o];
    }
}

std::span<const sheet_option> compiled_sheet::options(std::size_t slot) const {
    return {options_.data() + first_option_[slot], first_option_[slot + 1] - first_option_[slot]};
}

std::optional<std::size_t> compiled_sheet::slot_of(std::string_view criterion_id) const noexcept {
    for (std::size_t s = 0; s < criteria_.size(); ++s)
        if (criteria_[s] == criterion_id) return s;
    return std::nullopt;
}

std::optional<std::uint8_t> compiled_sheet::option_index(std::size_t slot, std::string_view case_id, std::string_view level) const noexcept {
    if (slot >= criteria_.size()) return std::nullopt;
    for (auto o = first_option_[slot]; o < first_option_[slot + 1]; ++o) {
        const sheet_option& opt = options_[o];
        bool same_case = opt.case_id ? *opt.case_id == case_id : case_id.empty();
        if (same_case && opt.level == level) return static_cast<std::uint8_t>(o - first_option_[slot]);
    }
    return std::nullopt;
}

// The vector path's tables (batch_vector.hpp), for a sheet whose every criterion has at most 16
// options and whose totals, points and star limits fit in a byte; left null otherwise.
void compiled_sheet::compile_vector_plan() {
    const std::size_t n = criteria_.size();
    if (n == 0 || n > detail::vector_plan::max_slots || max_total_ > 255) return;
    auto plan = std::make_shared<detail::vector_plan>();
    plan->slots = n;
    plan->condition_of = condition_of_;
    for (std::size_t s = 0; s < n; ++s) {
        const std::uint32_t options = first_option_[s + 1] - first_option_[s];
        if (options == 0 || options > 16) return;
        std::array<std::uint8_t, 16> points{};
        for (std::uint32_t o = 0; o < options; ++o) {
            const std::int32_t p = points_[first_option_[s] + o];
            if (p < 0 || p > 255) return;
            points[o] = static_cast<std::uint8_t>(p);
        }
        plan->points.push_back(points);
        plan->options.push_back(static_cast<std::uint8_t>(options));
    }
    for (const condition& c : conditions_) {
        detail::vector_plan::condition vc{c.slot, c.slot_ref, {}};
        const std::uint32_t options = first_option_[c.slot_ref + 1] - first_option_[c.slot_ref];
        if (c.slot_ref != c.slot)  // (a condition on a criterion the sheet lacks never holds)
            for (std::uint32_t o = 0; o < options; ++o) vc.enables[o] = enables_[c.first + o];
        plan->conditions.push_back(vc);
    }
    for (const trigger& t : triggers_) plan->triggers.push_back({t.slot, t.option});
    for (const cap& c : caps_) {
        if (c.stars < 1 || c.stars > 127) return;
        if (c.at_least <= 0) continue;  // always reached
        plan->caps.push_back({c.slot, static_cast<std::uint8_t>(std::min(c.at_least - 1, 255)), static_cast<std::uint8_t>(c.stars - 1)});
    }
    vector_ = std::move(plan);
}

std::string_view compiled_sheet::kernel() const noexcept {
    return vector_ && detail::vector_block_kernel() ? "avx2" : "portable";
}

void compiled_sheet::score(std::span<const std::uint8_t> levels, std::size_t count, std::span<std::int32_t> totals,
                           std::span<std::int32_t> stars, std::span<std::uint8_t> outcomes) const {
    const std::size_t n = slots();
    if (n != 0 && count > std::numeric_limits<std::size_t>::max() / n)
        throw error(errc::invalid_document, "", "batch of " + std::to_string(count) + " scorecards is too large");
    if (levels.size() < count * n)
        throw error(errc::invalid_document, "", "expected " + std::to_string(count * n) + " level indices (" + std::to_string(count) +
                                                    " scorecards x " + std::to_string(n) + " criteria), found " + std::to_string(levels.size()));
    if (totals.size() < count || stars.size() < count || (!outcomes.empty() && outcomes.size() < count))
        throw error(errc::invalid_document, "", "output arrays must hold " + std::to_string(count) + " elements");

    std::vector<std::int32_t> got(n);  // points per slot of a row on the exact path; one allocation per call
    std::size_t i = 0;
    if (vector_ && detail::vector_block_kernel()) {
        // Whole blocks whose loads (16 bytes per chunk of 16 slots, from each row's start) stay in `levels`.
        constexpr std::size_t rows = detail::vector_plan::block_rows;
        const std::size_t reach = (n + 15) / 16 * 16;
        for (; i + rows <= count && (i + rows - 1) * n + reach <= count * n; i += rows) score_block(levels, i, totals, stars, outcomes, got.data());
    }
    for (; i < count; ++i) {
        const std::uint8_t* row = levels.data() + i * n;
        if (packed_ok_ && score_packed(row, totals[i], stars[i])) {
            if (!outcomes.empty()) outcomes[i] = static_cast<std::uint8_t>(evaluation_outcome::evaluated);
            continue;
        }
        std::uint8_t outcome = 0;
        score_row(row, i, got.data(), totals[i], stars[i], outcome);
        if (!outcomes.empty()) outcomes[i] = outcome;
    }
}

void compiled_sheet::score_block(std::span<const std::uint8_t> levels, std::size_t first, std::span<std::int32_t> totals,
                                 std::span<std::int32_t> stars, std::span<std::uint8_t> outcomes, std::int32_t* got) const {
    const std::size_t n = slots();
    detail::block_summary sum;
    detail::vector_block_kernel()(*vector_, levels.data() + first * n, sum);
    for (std::size_t r = 0; r < detail::vector_plan::block_rows; ++r) {
        const std::size_t i = first + r;
        const std::int8_t band = sum.not_simple[r] == 0 ? stars_by_total_[sum.total[r]] : std::int8_t{-1};
        if (band >= 0) {
            totals[i] = sum.total[r];
            stars[i] = std::min<std::int32_t>(band, sum.star_limit[r]);  // a missed minimum for N stars: at most N - 1
            if (!outcomes.empty()) outcomes[i] = static_cast<std::uint8_t>(evaluation_outcome::evaluated);
            continue;
        }
        std::uint8_t outcome = 0;
        score_row(levels.data() + i * n, i, got, totals[i], stars[i], outcome);
        if (!outcomes.empty()) outcomes[i] = outcome;
    }
}

// One load and one add per criterion in four independent chains, then the checks of a simple row:
// nothing out of range, no knock-out triggered, and exactly the criteria whose condition does not
// hold are unanswered. Anything else is left to score_row() (returns false).
bool compiled_sheet::score_packed(const std::uint8_t* row, std::int32_t& total_out, std::int32_t& star_out) const {
    const std::size_t n = slots();
    const std::uint32_t* table = packed_.data();
    std::uint32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    std::size_t s = 0;
    for (; s + 4 <= n; s += 4) {
        a0 += table[s * 256 + row[s]];
        a1 += table[(s + 1) * 256 + row[s + 1]];
        a2 += table[(s + 2) * 256 + row[s + 2]];
        a3 += table[(s + 3) * 256 + row[s + 3]];
    }
    for (; s < n; ++s) a0 += table[s * 256 + row[s]];
    const std::uint32_t acc = a0 + a1 + a2 + a3;
    bool simple = ((acc >> 10) & 0x3ff) == 0;
    for (const trigger& t : triggers_) simple &= row[t.slot] != t.option;
    std::uint32_t disabled = 0;
    for (std::size_t c = 0; c < conditions_.size(); ++c) {
        const std::uint8_t ref = row[conditions_[c].slot_ref];
        const bool holds = ref != no_answer && enables_256_[c * 256 + ref] != 0;
        simple &= holds == (row[conditions_[c].slot] != no_answer);
        disabled += holds ? 0u : 1u;
    }
    simple &= (acc >> 20) == disabled;
    const auto total = static_cast<std::int32_t>(acc & 0x3ff);
    const std::int8_t band = simple ? stars_by_total_[static_cast<std::size_t>(total)] : std::int8_t{-1};
    if (band < 0) return false;
    int star = band;
    for (const cap& c : caps_) {  // branch-free: each test's outcome is data
        const bool capped = band >= c.stars && static_cast<int>(table[c.slot * 256 + row[c.slot]] & 0x3ff) < c.at_least;
        star = std::min(star, capped ? c.stars - 1 : star);
    }
    total_out = total;
    star_out = star;
    return true;
}

void compiled_sheet::score_row(const std::uint8_t* row, std::size_t i, std::int32_t* got, std::int32_t& total_out,
                               std::int32_t& star_out, std::uint8_t& outcome_out) const {
    const std::size_t n = slots();
    for (std::size_t s = 0; s < n; ++s) {
        const std::uint32_t options = first_option_[s + 1] - first_option_[s];
        if (row[s] != no_answer && row[s] >= options)
            throw error(errc::invalid_scorecard, row_path(i, criteria_[s]),
                        "scorecard " + std::to_string(i) + ", criterion " + criteria_[s] + ": level index " + std::to_string(row[s]) +
                            " is out of range (expected 0 to " + std::to_string(options - 1) + ", or 255 for no answer)");
    }
    bool stopped = false, eliminated = false, stopped_any = false;
    std::int32_t total = 0;
    for (std::size_t s = 0; s < n; ++s) {
        const bool answered = row[s] != no_answer;
        bool scored = true;
        std::int32_t pts = 0;
        if (stopped) {
            scored = false;  // not evaluated: the answer, if any, is ignored
        } else if (condition_of_[s] >= 0) {
            const condition& c = conditions_[static_cast<std::size_t>(condition_of_[s])];
            const std::uint8_t ref = row[c.slot_ref];
            scored = ref != no_answer && enables_[c.first + ref] != 0;
            if (!scored && answered)
                throw error(errc::invalid_scorecard, row_path(i, criteria_[s]),
                            "scorecard " + std::to_string(i) + ", criterion " + criteria_[s] + " does not apply: expected no answer (255)");
        }
        if (scored) {
            if (!answered)
                throw error(errc::invalid_scorecard, row_path(i, criteria_[s]),
                            "scorecard " + std::to_string(i) + ": missing answer for criterion " + criteria_[s]);
            pts = points_[first_option_[s] + row[s]];
            for (auto k = first_knockout_[s]; k < first_knockout_[s + 1]; ++k) {
                const knockout& ko = knockouts_[k];
                bool hit = false;
                for (auto t = ko.first; t < ko.first + ko.count && !hit; ++t) hit = row[triggers_[t].slot] == triggers_[t].option;
                if (!hit) continue;
                if (ko.outcome == knockout_outcome::eliminated) eliminated = true;
                else stopped = stopped_any = true;
            }
        }
        got[s] = pts;
        total += pts;
    }
    const evaluation_outcome outcome = eliminated    ? evaluation_outcome::eliminated
                                       : stopped_any ? evaluation_outcome::evaluation_stopped
                                                     : evaluation_outcome::evaluated;
    int star = 0;
    if (outcome == evaluation_outcome::evaluated) {
        const std::int8_t band = stars_by_total_[static_cast<std::size_t>(total)];
        if (band < 0)
            throw error(errc::invalid_scorecard, json_path("/scorecards", i),
                        "scorecard " + std::to_string(i) + ": total " + std::to_string(total) + " is outside every star band of edition " + edition_);
        star = band;
        for (const cap& c : caps_)
            if (band >= c.stars && got[c.slot] < c.at_least) star = std::min(star, c.stars - 1);
    }
    total_out = total;
    star_out = star;
    outcome_out = static_cast<std::uint8_t>(outcome);
}

}  // namespace ocop
