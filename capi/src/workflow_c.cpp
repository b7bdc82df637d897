// The workflow: registries of dossiers with their hash-chained event log, pure apply, log
// verification, campaigns and reports, JSON in and out.

#include <mutex>
#include <shared_mutex>

#include <boost/json/serialize.hpp>

#include "capi.hpp"
#include "ocop/campaign.hpp"
#include "ocop/campaign_analytics_json.hpp"
#include "ocop/campaign_json.hpp"
#include "ocop/event_log.hpp"
#include "ocop/event_log_json.hpp"
#include "ocop/procedure.hpp"
#include "ocop/procedure_json.hpp"
#include "ocop/recorded_councils.hpp"
#include "ocop/registry.hpp"
#include "ocop/registry_json.hpp"
#include "ocop/reports.hpp"
#include "ocop/reports_json.hpp"
#include "ocop/workflow.hpp"
#include "ocop/workflow_json.hpp"

using ocop::capi::clear_out;
using ocop::capi::dup;
using ocop::capi::guarded;
using ocop::capi::require;

namespace {

std::string text_of(const boost::json::value& v) { return boost::json::serialize(v); }

/// The rules of a registry: the host's catalog, or the embedded one when `cat` is NULL.
ocop::workflow_rules rules_for(const ocop_catalog* cat) {
    ocop::workflow_rules rules;
    if (cat) rules.editions = cat->cat.get();
    return rules;
}

std::optional<ocop::campaign> campaign_from(const char* campaign_json) {
    if (!campaign_json) return std::nullopt;
    return ocop::load_campaign(campaign_json);
}

ocop::date as_of_date(const char* as_of, const char* report) {
    if (!as_of) throw ocop::capi::invalid_argument{std::string("report \"") + report + "\" needs the date 'as_of'"};
    auto d = ocop::date::parse(as_of);
    if (!d) throw ocop::capi::invalid_argument{std::string("as_of: expected a calendar day \"YYYY-MM-DD\", found \"") + as_of + "\""};
    return *d;
}

}  // namespace

struct ocop_registry {
    ocop_registry(std::shared_ptr<const ocop::catalog> cat, ocop::registry r) : editions(std::move(cat)), reg(std::move(r)) {}

    std::shared_ptr<const ocop::catalog> editions;  // keeps the host's catalog alive for the rules
    ocop::registry reg;
    // One writer (apply) at a time, many readers otherwise: a handle may be shared by the threads
    // of a host (docs/c-api.md#threading). mutable: readers take it through a const handle.
    mutable std::shared_mutex lock;
    // glibc's rwlock prefers readers: under a steady stream of reads a writer would wait forever.
    // Writers queue here and hold it until they have the lock; readers only pass through it.
    mutable std::mutex turnstile;
};

namespace {

/// Shared use of a registry: waits behind a writer already queued.
std::shared_lock<std::shared_mutex> reading(const ocop_registry& r) {
    { std::lock_guard pass(r.turnstile); }
    return std::shared_lock(r.lock);
}

/// Exclusive use of a registry, ahead of readers that arrive after it.
std::unique_lock<std::shared_mutex> writing(ocop_registry& r) {
    std::lock_guard queue(r.turnstile);
    return std::unique_lock(r.lock);
}

}  // namespace

extern "C" {

int ocop_campaign_embedded(const char* campaign_id, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(campaign_id, "campaign_id");
        require(out_json, "out_json");
        *out_json = dup(text_of(ocop::to_json(ocop::embedded_campaign(campaign_id))));
    });
}

int ocop_procedure_embedded(const char* edition_id, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(edition_id, "edition_id");
        require(out_json, "out_json");
        *out_json = dup(text_of(ocop::to_json(ocop::embedded_procedures().get(edition_id))));
    });
}

int ocop_campaign_validate(const char* campaign_json) {
    return guarded([&] {
        require(campaign_json, "campaign_json");
        (void)ocop::load_campaign(campaign_json);
    });
}

int ocop_registry_new(ocop_registry** out, const ocop_catalog* cat, const char* campaign_json) {
    clear_out(out, nullptr);
    return guarded([&] {
        require(out, "out");
        auto c = campaign_from(campaign_json);
        *out = new ocop_registry{cat ? cat->cat : nullptr, ocop::registry(rules_for(cat), std::move(c))};
    });
}

int ocop_registry_import_log(ocop_registry** out, const ocop_catalog* cat, const char* campaign_json, const char* log_jsonl,
                             const char* expected_head) {
    clear_out(out, nullptr);
    return guarded([&] {
        require(out, "out");
        require(log_jsonl, "log_jsonl");
        auto c = campaign_from(campaign_json);
        ocop::event_log log = ocop::event_log::import_jsonl(log_jsonl);
        std::optional<std::string_view> head;
        if (expected_head) head = expected_head;
        *out = new ocop_registry{cat ? cat->cat : nullptr, ocop::registry::replay(log, rules_for(cat), std::move(c), head)};
    });
}

void ocop_registry_free(ocop_registry* reg) { delete reg; }

int ocop_registry_apply(ocop_registry* reg, const char* event_json, char** out_state_json) {
    clear_out(out_state_json, nullptr);
    return guarded([&] {
        require(reg, "reg");
        require(event_json, "event_json");
        ocop::event e = ocop::parse_event(event_json);
        auto exclusive = writing(*reg);
        // The output is prepared before the registry changes, so that running out of memory
        // anywhere leaves the registry and its log as they were.
        char* text = nullptr;
        try {
            reg->reg.apply(e, [&](const ocop::dossier_state& state) {
                if (out_state_json) text = dup(text_of(ocop::to_json(state)));
            });
        } catch (...) {
            ocop_free(text);
            throw;
        }
        if (out_state_json) *out_state_json = text;
    });
}

int ocop_registry_dossier(const ocop_registry* reg, const char* dossier_id, char** out_state_json) {
    clear_out(out_state_json, nullptr);
    return guarded([&] {
        require(reg, "reg");
        require(dossier_id, "dossier_id");
        require(out_state_json, "out_state_json");
        auto shared = reading(*reg);
        const ocop::dossier_state* s = reg->reg.find(dossier_id);
        if (!s) throw ocop::error(ocop::errc::not_found, "", "no dossier \"" + std::string(dossier_id) + "\" in the registry");
        *out_state_json = dup(text_of(ocop::to_json(*s)));
    });
}

int ocop_registry_dossiers(const ocop_registry* reg, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(reg, "reg");
        require(out_json, "out_json");
        auto shared = reading(*reg);
        *out_json = dup(text_of(ocop::to_json(reg->reg)));
    });
}

int ocop_registry_export_log(const ocop_registry* reg, char** out_jsonl) {
    clear_out(out_jsonl, nullptr);
    return guarded([&] {
        require(reg, "reg");
        require(out_jsonl, "out_jsonl");
        auto shared = reading(*reg);
        *out_jsonl = dup(reg->reg.log().export_jsonl());
    });
}

int ocop_registry_log_head(const ocop_registry* reg, char** out_hash) {
    clear_out(out_hash, nullptr);
    return guarded([&] {
        require(reg, "reg");
        require(out_hash, "out_hash");
        auto shared = reading(*reg);
        *out_hash = dup(reg->reg.log().head());
    });
}

int ocop_registry_report(const ocop_registry* reg, const char* report, const char* as_of, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(reg, "reg");
        require(report, "report");
        require(out_json, "out_json");
        // A missing or malformed date is the caller's argument error, checked only where it is used.
        std::optional<ocop::date> day;
        if (ocop::report_needs_date(report)) day = as_of_date(as_of, report);
        auto shared = reading(*reg);
        *out_json = dup(text_of(ocop::report_json(reg->reg, report, day)));
    });
}

int ocop_registry_analytics(const ocop_registry* reg, const char* options_json, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(reg, "reg");
        require(out_json, "out_json");
        const ocop::log_analytics_options options = ocop::parse_log_analytics_options(options_json ? options_json : "");
        auto shared = reading(*reg);
        *out_json = dup(text_of(ocop::to_json(ocop::recorded_councils(reg->reg, options.level).analyse(options.analysis))));
    });
}

int ocop_log_verify(const char* log_jsonl, const char* expected_head, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(log_jsonl, "log_jsonl");
        require(out_json, "out_json");
        ocop::event_log log = ocop::event_log::import_jsonl(log_jsonl);
        std::optional<std::string_view> head;
        if (expected_head) head = expected_head;
        *out_json = dup(text_of(ocop::to_json(log.verify(head))));
    });
}

int ocop_workflow_apply(const ocop_catalog* cat, const char* state_json, const char* event_json, char** out_state_json) {
    clear_out(out_state_json, nullptr);
    return guarded([&] {
        require(event_json, "event_json");
        require(out_state_json, "out_state_json");
        std::optional<ocop::dossier_state> current;
        if (state_json) current = ocop::parse_state(state_json);
        ocop::event e = ocop::parse_event(event_json);
        ocop::dossier_state next = ocop::apply(current ? &*current : nullptr, e, rules_for(cat));
        *out_state_json = dup(text_of(ocop::to_json(next)));
    });
}

}  // extern "C"
