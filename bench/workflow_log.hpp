#pragma once
// The workflow's figures (docs/performance.md, issues 7 and 17): events applied, the log replayed,
// verified and imported, each beside what it must at least do on the same bytes (SHA-256 of each
// entry's hashed bytes; Boost.JSON's parse of each exported line), and memory per dossier.
// Every timed region builds what it names and nothing else: registries and logs made in a sample
// are destroyed after its clock stops (measure_made).

#include <malloc.h>
#include <openssl/evp.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>

#include "harness.hpp"
#include "ocop/campaign.hpp"
#include "ocop/registry.hpp"
#include "ocop_test/dossier_path.hpp"
#include "report.hpp"

namespace ocop_bench {

/// Bytes in use on the heap (glibc: allocated chunks, with their overhead, plus mmapped blocks).
inline std::size_t heap_in_use() {
    struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
}

/// `dossiers` dossiers of the Hanoi 2021 campaign, batch 1, each on the shared path from
/// registration to its province certificate (tests/support/ocop_test/dossier_path.hpp), in the
/// order a province records them: every dossier's step 1, then every step 2, ...
inline std::vector<ocop::event> campaign_events(std::size_t dossiers) {
    std::vector<std::vector<ocop::event>> per;
    for (std::size_t i = 0; i < dossiers; ++i) per.push_back(ocop::test::certified_path("HN-" + std::to_string(i + 1), "1"));
    std::vector<ocop::event> events;
    for (std::size_t step = 0; step < per.front().size(); ++step)
        for (auto& d : per) events.push_back(std::move(d[step]));
    return events;
}

/// The bytes each entry's hash covers: canonical {"index","prev","event"} (event_log.hpp).
inline std::vector<std::string> hashed_bytes(const ocop::event_log& log) {
    std::vector<std::string> out;
    for (const auto& e : log.entries()) {
        std::string line = ocop::event_log::line(e);
        out.push_back(line.substr(0, line.rfind(",\"hash\":")) + "}");
    }
    return out;
}

/// SHA-256 of each string with libcrypto as fast as it goes: the algorithm fetched once, one context.
inline timing sha256_alone(const std::vector<std::string>& items, int repeats) {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    timing t = measure_once(
        [&] {
            for (const auto& s : items) {
                EVP_DigestInit_ex(ctx, md, nullptr);
                EVP_DigestUpdate(ctx, s.data(), s.size());
                EVP_DigestFinal_ex(ctx, out, &len);
                keep(out[0]);
            }
        },
        repeats);
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
    return t;
}

/// Boost.JSON's parse of every line of `jsonl`, each into a value on a stack buffer (no allocation
/// per node), one parser reused: the least a reader of the exported log must do.
inline timing parse_lines_alone(const std::string& jsonl, int repeats) {
    boost::json::parser parser;
    return measure_once(
        [&] {
            std::size_t start = 0;
            while (start < jsonl.size()) {
                const std::size_t end = jsonl.find('\n', start);
                unsigned char buffer[4096];
                boost::json::monotonic_resource arena(buffer, sizeof buffer);
                parser.reset(&arena);
                parser.write(jsonl.data() + start, end - start);
                keep(parser.release());
                start = end + 1;
            }
        },
        repeats);
}

/// "x.xx the baseline": a ratio that must stay within `target`.
inline std::string within(double ours, double baseline, double target) {
    return fmt("%.2fx", ours / baseline) + " the baseline; " + verdict(ours / baseline, target, false) + fmt(" (target within %.0fx)", target);
}

/// Events applied, the log replayed, verified and imported, the state transitions alone.
inline void workflow_throughput(const ocop::campaign& camp, const std::vector<ocop::event>& events, std::size_t dossiers, int repeats) {
    const double n = static_cast<double>(events.size());
    std::optional<ocop::registry> kept;
    auto applied = measure_made(
        [&] {
            ocop::registry r({}, camp);
            for (const auto& e : events) r.apply(e);
            return r;
        },
        repeats, [&](ocop::registry r) { kept.emplace(std::move(r)); });
    const ocop::registry& reg = *kept;
    std::size_t certified = 0;
    for (const auto& [id, st] : reg.dossiers()) certified += st.certificate() != nullptr;
    line("events applied (registry::apply: rules, state, hash-chained log)", rate(n / applied.best, " events") + fmt(" [%.0f k]", n / applied.median / 1e3),
         per(applied.best / n, "event") + "; " + std::to_string(events.size()) + " events, " + std::to_string(dossiers) + " dossiers, " +
             std::to_string(certified) + " certified");
    // The registry's own log: its entries were hashed when applied, so replay checks the chain by
    // their stored hashes (event_log::hashed_here); an imported log is hashed in full (below).
    auto replayed = measure_made([&] { return ocop::registry::replay(reg.log(), {}, camp, reg.log().head()); }, repeats, [](auto&&) {});
    line("full log replayed (registry::replay: chain checked + apply)", rate(n / replayed.best, " events") + fmt(" [%.0f k]", n / replayed.median / 1e3),
         per(replayed.best / n, "event") + "; " + verdict(n / replayed.best / 1e6, 1.0, true) + " (target 1 M events/s)");
    const ocop::event_log read_back = ocop::event_log::import_jsonl(reg.log().export_jsonl());
    auto replayed_read = measure_made([&] { return ocop::registry::replay(read_back, {}, camp, reg.log().head()); }, repeats, [](auto&&) {});
    line("  the same log imported (every entry hashed: replay of a log read from outside)", rate(n / replayed_read.best, " events"),
         per(replayed_read.best / n, "event"));

    auto verified = measure_once([&] { keep(reg.log().verify(reg.log().head()).ok); }, repeats);
    auto sha = sha256_alone(hashed_bytes(reg.log()), repeats);
    line("  of which: hash chain verified (event_log::verify)", rate(n / verified.best, " events"), per(verified.best / n, "event"));
    line("  baseline: SHA-256 alone of the same bytes (libcrypto, EVP)", rate(n / sha.best, " events"),
         per(sha.best / n, "event") + "; verify is " + within(verified.best, sha.best, 2));

    const std::string jsonl = reg.log().export_jsonl();
    auto imported = measure_made([&] { return ocop::event_log::import_jsonl(jsonl); }, repeats, [](auto&&) {});
    auto parsed = parse_lines_alone(jsonl, repeats);
    const double mb = static_cast<double>(jsonl.size()) / 1e6;
    line("log imported (event_log::import_jsonl: read + canonical check)", fmt("%.1f MB/s", mb / imported.best), per(imported.best / n, "event"));
    line("  baseline: Boost.JSON parse of the same lines (arena per line)", fmt("%.1f MB/s", mb / parsed.best),
         per(parsed.best / n, "event") + "; import is " + within(imported.best, parsed.best, 2));

    // The state transitions alone, without the log: ocop::apply on each dossier's state.
    auto pure = measure_made(
        [&] {
            std::map<std::string, ocop::dossier_state, std::less<>> states;
            for (const auto& e : events) {
                auto it = states.find(e.dossier);
                ocop::dossier_state next = ocop::apply(it == states.end() ? nullptr : &it->second, e);
                if (it == states.end()) states.emplace(e.dossier, std::move(next));
                else it->second = std::move(next);
            }
            return states;
        },
        repeats, [](auto&&) {});
    line("  of which: state transitions alone (ocop::apply, no log)", rate(n / pure.best, " events"), per(pure.best / n, "event"));
}

/// The heap a registry of `dossiers` dossiers holds (after applying `events`), and its log's share.
struct registry_memory {
    double with_log = 0;  ///< bytes per dossier
    double log_only = 0;
    double text = 0;      ///< the log as canonical JSON lines, per dossier
    double compact = 0;   ///< the log as canonical event text + 32-byte hashes, per dossier
};

inline registry_memory measure_registry_memory(const ocop::campaign& camp, const std::vector<ocop::event>& events, std::size_t dossiers) {
    registry_memory m;
    const double d = static_cast<double>(dossiers);
    malloc_trim(0);
    const std::size_t before = heap_in_use();
    ocop::registry r({}, camp);
    for (const auto& e : events) r.apply(e);
    malloc_trim(0);
    m.with_log = static_cast<double>(heap_in_use() - before) / d;
    {
        const std::size_t mid = heap_in_use();
        ocop::event_log copy = r.log();
        m.log_only = static_cast<double>(heap_in_use() - mid) / d;
    }
    double text = 0, compact = 0;
    for (const auto& e : r.log().entries()) {
        text += static_cast<double>(ocop::event_log::line(e).size() + 1);
        compact += static_cast<double>(e.event.size() + 32);
    }
    m.text = text / d;
    m.compact = compact / d;
    return m;
}

inline void memory_lines(const std::string& scale, const registry_memory& m, std::size_t entries) {
    line("memory per dossier, " + scale + ": state + its " + std::to_string(entries) + " log entries", fmt("%.0f bytes", m.with_log),
         verdict(4096.0 / m.with_log, 1.0, true) + " (target 4 KB)");
    line("  of which: the log entries (canonical JSON + hex hashes)", fmt("%.0f bytes", m.log_only));
    line("  of which: the dossier state", fmt("%.0f bytes", m.with_log - m.log_only),
         verdict(4096.0 / (m.with_log - m.log_only), 1.0, true) + " (target 4 KB, state alone)");
    line("  for comparison: the log as canonical JSON lines (export_jsonl)", fmt("%.0f bytes", m.text), "per dossier, hashes included");
    line("  for comparison: the log as event text + 32-byte hashes (no prev)", fmt("%.0f bytes", m.compact),
         "the least an in-memory log can hold without compression");
}

inline void workflow(std::size_t dossiers, int repeats, std::size_t large_registry) {
    heading("Workflow: events applied, the log replayed, verified, imported; memory per dossier (Hanoi 2021 campaign)");
    const ocop::campaign& camp = ocop::embedded_campaign("hanoi-2021");
    {
        ocop::registry warm({}, camp);  // the embedded procedures, catalog and campaign, once
        for (const auto& e : ocop::test::certified_path("warm-up", "1")) warm.apply(e);
    }
    const std::vector<ocop::event> events = campaign_events(dossiers);
    workflow_throughput(camp, events, dossiers, repeats);
    const std::size_t entries = events.size() / dossiers;
    memory_lines(std::to_string(dossiers) + " dossiers", measure_registry_memory(camp, events, dossiers), entries);
    if (large_registry) {
        const auto t0 = now();
        const std::vector<ocop::event> many = campaign_events(large_registry);
        const registry_memory m = measure_registry_memory(camp, many, large_registry);
        memory_lines(std::to_string(large_registry) + " dossiers", m, entries);
        line("  that registry in all (" + std::to_string(many.size()) + " events applied, measured in " + fmt("%.0f s)", seconds_since(t0)),
             fmt("%.2f GB", m.with_log * static_cast<double>(large_registry) / 1e9));
    }
}

}  // namespace ocop_bench
