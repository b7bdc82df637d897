// Procedures as data: loading, validation, lookup, and the embedded procedures.

#include "ocop/procedure.hpp"
#include "ocop/procedure_json.hpp"

#include <algorithm>
#include <set>

#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/error.hpp"
#include "ocop/transition.hpp"

namespace ocop {

namespace json = boost::json;

const event_rule* procedure_level::find_rule(event_type t) const noexcept {
    for (const auto& r : events)
        if (r.type == t) return &r;
    return nullptr;
}

std::optional<std::string> procedure_level::forward_target(std::int64_t numerator, std::int64_t denominator) const {
    if (!forwards_to) return std::nullopt;
    if (forwards_at_least && numerator < *forwards_at_least * denominator) return std::nullopt;
    return forwards_to;
}

bool procedure::in_force_on(date d) const noexcept {
    return valid_from <= d && (!valid_until || d <= *valid_until);
}

const procedure_level* procedure::find_level(std::string_view id) const noexcept {
    for (const auto& l : levels)
        if (l.id == id) return &l;
    return nullptr;
}

const procedure_level* procedure::recognising_level(int stars) const noexcept {
    for (const auto& l : levels)
        if (std::find(l.recognises.begin(), l.recognises.end(), stars) != l.recognises.end()) return &l;
    return nullptr;
}

procedure_library::procedure_library(std::vector<procedure> items) : items_(std::move(items)) {
    for (std::size_t i = 0; i < items_.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const procedure& p = items_[i];
            const procedure& other = items_[j];
            if (p.edition == other.edition)
                throw error(errc::invalid_document, "/edition", "two procedures for edition \"" + p.edition + "\"");
            if (periods_overlap(p.valid_from, p.valid_until, other.valid_from, other.valid_until))
                throw error(errc::invalid_document, "/valid_from",
                            "procedure \"" + p.edition + "\" overlaps procedure \"" + other.edition +
                                "\" in time: exactly one procedure may be in force on a date");
        }
}

const procedure& procedure_library::get(std::string_view edition_id) const {
    for (const auto& p : items_)
        if (p.edition == edition_id) return p;
    throw error(errc::not_found, "", "no procedure for edition \"" + std::string(edition_id) + "\"");
}

const procedure& procedure_library::in_force(date d) const {
    for (const auto& p : items_)
        if (p.in_force_on(d)) return p;
    throw error(errc::no_edition_in_force, "", "no edition's procedure is in force on " + d.to_string());
}

namespace {

void validate(const procedure& p, problem_list& probs) {
    if (p.levels.empty()) probs.add("/levels", "a procedure needs at least one level, found none");
    if (p.valid_until && *p.valid_until < p.valid_from)
        probs.add("/valid_until", "expected a date on or after valid_from " + p.valid_from.to_string());
    if (p.certificate_validity_months < 1 || p.certificate_validity_months > 120)
        probs.add("/certificate_validity_months", "expected 1 to 120 months, found " + std::to_string(p.certificate_validity_months));
    if (p.confidence != "firm" && p.confidence != "one_source" && p.confidence != "open")
        probs.add("/confidence", "expected \"firm\", \"one_source\" or \"open\", found \"" + p.confidence + "\"");
    validate_transition(p, probs);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < p.levels.size(); ++i) {
        const auto& l = p.levels[i];
        const std::string at = json_path("/levels", i);
        if (!ids.insert(l.id).second) probs.add(json_path(at, "id"), "duplicate level id \"" + l.id + "\"");
        if (l.min_rounds < 0 || l.max_rounds < l.min_rounds || l.max_rounds > 5)
            probs.add(json_path(at, "max_rounds"), "expected 0 <= min_rounds <= max_rounds <= 5, found " +
                                                       std::to_string(l.min_rounds) + " and " + std::to_string(l.max_rounds));
        if (l.precheck && l.max_rounds != 0)
            probs.add(json_path(at, "max_rounds"), "a pre-check level has no council rounds, found " + std::to_string(l.max_rounds));
        if (!l.precheck && l.min_rounds < 1)
            probs.add(json_path(at, "min_rounds"), "a council level needs at least one round, found " + std::to_string(l.min_rounds));
        for (std::size_t k = 0; k < l.recognises.size(); ++k)
            if (l.recognises[k] < 1 || l.recognises[k] > 5)
                probs.add(json_path(json_path(at, "recognises"), k), "expected stars 1 to 5, found " + std::to_string(l.recognises[k]));
        if (l.forwards_at_least && (*l.forwards_at_least < 0 || *l.forwards_at_least > 100))
            probs.add(json_path(at, "forwards_at_least"), "expected 0 to 100 points, found " + std::to_string(*l.forwards_at_least));
        if (l.forwards_to) {
            bool later = false;
            for (std::size_t j = i + 1; j < p.levels.size(); ++j) later = later || p.levels[j].id == *l.forwards_to;
            if (!later) probs.add(json_path(at, "forwards_to"), "expected the id of a later level, found \"" + *l.forwards_to + "\"");
            if (l.forward_from.empty()) probs.add(json_path(at, "forward_from"), "a level that forwards needs the phases it forwards from");
        } else if (l.forwards_at_least || !l.forward_from.empty()) {
            probs.add(json_path(at, "forwards_to"), "forwards_at_least and forward_from need forwards_to");
        }
        std::set<event_type> types;
        for (std::size_t k = 0; k < l.events.size(); ++k) {
            const std::string ep = json_path(json_path(at, "events"), k);
            if (!types.insert(l.events[k].type).second) probs.add(json_path(ep, "type"), "the event is listed twice at this level");
            if (l.events[k].roles.empty()) probs.add(json_path(ep, "roles"), "expected at least one role, found none");
            if (l.events[k].type == event_type::registered && i != 0)
                probs.add(json_path(ep, "type"), "dossiers are registered at the first level only");
        }
        if (l.precheck_contents) {
            if (!l.precheck) probs.add(json_path(at, "precheck_contents"), "only a pre-check level has contents to assess");
            validate_precheck_contents(*l.precheck_contents, json_path(at, "precheck_contents"), probs);
        }
    }
}

}  // namespace

procedure load_procedure(std::string_view json_text) {
    return detail::load_document<procedure>(json_text, [](const procedure& p, problem_list& probs) { validate(p, probs); });
}

const procedure_library& embedded_procedures() {
    static const procedure_library instance = [] {
        std::size_t count = 0;
        const detail::embedded_file* files = detail::embedded_files(count);
        std::vector<procedure> items;
        for (std::size_t i = 0; i < count; ++i) {
            std::string_view path = files[i].path;
            if (!path.starts_with("procedures/")) continue;
            try {
                items.push_back(load_procedure(std::string_view(files[i].text, files[i].size)));
            } catch (const error& e) {
                throw error(e.code(), "", "embedded " + std::string(path) + ": " + e.what());
            }
        }
        return procedure_library(std::move(items));
    }();
    return instance;
}

json::value to_json(const procedure& p) { return detail::write_json(p); }

}  // namespace ocop
