// Campaigns: loading, step windows, and the check of an event against its step's window.

#include "ocop/campaign.hpp"
#include "ocop/campaign_json.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ocop/detail/campaign_units.hpp"
#include "ocop/detail/campaign_window.hpp"
#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/council_policy_json.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/error.hpp"

namespace ocop {

namespace json = boost::json;

bool date_window::contains(date d) const noexcept {
    return (!from || *from <= d) && (!until || d <= *until) && (!before || d < *before);
}

std::optional<date> date_window::last_day() const {
    std::optional<date> out = until;
    if (before) {
        date d = before->plus_days(-1);
        if (!out || d < *out) out = d;
    }
    return out;
}

std::string date_window::to_string() const {
    std::string out;
    if (from && until) return from->to_string() + " to " + until->to_string();
    if (from) out = "from " + from->to_string();
    if (until) out += (out.empty() ? "" : " ") + std::string("until ") + until->to_string();
    if (before) out += (out.empty() ? "" : " ") + std::string("before ") + before->to_string();
    return out.empty() ? "any date" : out;
}

const date_window* campaign_step::window_for(std::string_view batch) const noexcept {
    for (const auto& w : windows)
        if (w.batch == batch) return &w.window;
    return nullptr;
}

const campaign_batch* campaign::find_batch(std::string_view batch_id) const noexcept {
    for (const auto& b : batches)
        if (b.id == batch_id) return &b;
    return nullptr;
}

const campaign_step* campaign::step_of(const event& e, const dossier_state* before) const noexcept {
    if (!before) return nullptr;
    for (const auto& s : steps)
        for (const auto& m : s.events) {
            if (m.type != e.type() || m.level != before->level) continue;
            if (m.from_phase && *m.from_phase != before->phase) continue;
            if (m.round) {
                const auto* c = std::get_if<council_payload>(&e.payload);
                if (!c || c->round != *m.round) continue;
            }
            return &s;
        }
    return nullptr;
}

std::optional<std::string> check_campaign(const campaign& c, const event& e, const dossier_state* before, const dossier_state& after) {
    if (e.type() == event_type::registered) {
        if (after.edition != c.edition)
            throw error(errc::rule_violation, "/payload/edition",
                        "campaign " + c.id + " (" + c.plan + ") pins edition " + c.edition + "; this dossier would follow " + after.edition);
        if (after.dossier.province != c.province)
            throw error(errc::rule_violation, "/payload/dossier/province",
                        "campaign " + c.id + " (" + c.plan + ") is " + c.province + "'s; this dossier is from " + after.dossier.province);
        if (after.batch && !c.find_batch(*after.batch)) {
            std::string ids;
            for (const auto& b : c.batches) ids += (ids.empty() ? "" : ", ") + b.id;
            throw error(errc::invalid_document, "/payload/batch",
                        "expected a batch of campaign " + c.id + " (" + ids + "), found \"" + *after.batch + "\"");
        }
        return std::nullopt;
    }
    if (!before || !before->batch) return std::nullopt;
    const campaign_step* step = c.step_of(e, before);
    auto ts = parse_timestamp(e.at);
    if (!step || !ts) return std::nullopt;
    return detail::check_campaign_window(c, e, step, *before->batch, ts->day);
}

std::optional<std::string> detail::check_campaign_window(const campaign& c, const event& e, const campaign_step* step,
                                                         const std::string& batch, date day) {
    if (!step) return std::nullopt;
    const date_window* w = step->window_for(batch);
    if (!w || w->contains(day)) return std::nullopt;
    std::string msg = std::string(detail::enum_name(e.type())) + " on " + day.to_string() + " is outside the window of step " +
                      std::to_string(step->step) + " for batch " + batch + " (" + w->to_string() + ", " + c.source + ")";
    if (c.policy == window_policy::enforce) throw error(errc::rule_violation, "/at", msg);
    return msg;
}

namespace {

void validate(const campaign& c, problem_list& p) {
    if (c.council) detail::check_council_policy(*c.council, "/council", p);
    std::set<std::string> batches;
    for (std::size_t i = 0; i < c.batches.size(); ++i)
        if (!batches.insert(c.batches[i].id).second) p.add(json_path(json_path("/batches", i), "id"), "duplicate batch \"" + c.batches[i].id + "\"");
    for (std::size_t i = 0; i < c.steps.size(); ++i)
        for (std::size_t k = 0; k < c.steps[i].windows.size(); ++k) {
            const batch_window& w = c.steps[i].windows[k];
            const std::string at = json_path(json_path(json_path("/steps", i), "windows"), k);
            if (!batches.count(w.batch))
                p.add(json_path(at, "batch"), "expected a batch of this campaign, found \"" + w.batch + "\"");
            if (!w.window.from && !w.window.until && !w.window.before)
                p.add(json_path(at, "window"), "expected the window's dates (from and until, or before), found none");
        }
    detail::check_campaign_units(c, p);
    const std::vector<std::string> rows = c.district_rows();
    for (std::size_t i = 0; i < c.planned.size(); ++i) {
        const auto& row = c.planned[i];
        const std::string at = json_path("/planned", i);
        if (row.by_industry.size() != c.industries.size())
            p.add(json_path(at, "by_industry"), "expected " + std::to_string(c.industries.size()) + " counts (one per industry), found " +
                                                    std::to_string(row.by_industry.size()));
        int sum = 0;
        for (int n : row.by_industry) sum += n;
        if (sum != row.total) p.add(json_path(at, "total"), "expected the sum of by_industry " + std::to_string(sum) + ", found " + std::to_string(row.total));
        if (std::find(rows.begin(), rows.end(), row.district) == rows.end())
            p.add(json_path(at, "district"), "expected a district of the campaign, found \"" + row.district + "\"");
    }
}

}  // namespace

campaign load_campaign(std::string_view json_text) {
    return detail::load_document<campaign>(json_text, [](const campaign& c, problem_list& p) { validate(c, p); });
}

const campaign& embedded_campaign(std::string_view id) {
    static const std::map<std::string, campaign, std::less<>> all = [] {
        std::map<std::string, campaign, std::less<>> out;
        std::size_t count = 0;
        const detail::embedded_file* files = detail::embedded_files(count);
        for (std::size_t i = 0; i < count; ++i) {
            std::string_view path = files[i].path;
            if (!path.starts_with("campaigns/")) continue;
            campaign c = load_campaign(std::string_view(files[i].text, files[i].size));
            std::string key = c.id;
            out.emplace(std::move(key), std::move(c));
        }
        return out;
    }();
    auto it = all.find(id);
    if (it == all.end()) throw error(errc::not_found, "", "no built-in campaign \"" + std::string(id) + "\"");
    return it->second;
}

json::value to_json(const campaign& c) { return detail::write_json(c); }

}  // namespace ocop
