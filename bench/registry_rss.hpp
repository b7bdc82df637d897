#pragma once
// A registry of N dossiers in a process of its own, for the memory a large registry takes
// (docs/performance.md, issue 17 item 4): `ocop_bench --registry-rss N` applies the path of each
// dossier in turn (tests/support/ocop_test/dossier_path.hpp; only one dossier's events are held at
// a time) and prints the heap per dossier and the process's peak resident set.

#include <sys/resource.h>

#include <string>

#include "harness.hpp"
#include "ocop/campaign.hpp"
#include "ocop/registry.hpp"
#include "ocop_test/dossier_path.hpp"
#include "report.hpp"
#include "workflow_log.hpp"

namespace ocop_bench {

/// The process's peak resident set, in bytes (getrusage).
inline double peak_rss_bytes() {
    struct rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) * 1024.0;
}

inline int registry_rss(std::size_t dossiers) {
    heading("A registry of " + std::to_string(dossiers) + " dossiers in one process (state + log)");
    const ocop::campaign& camp = ocop::embedded_campaign("hanoi-2021");
    {
        ocop::registry warm({}, camp);  // the embedded procedures, catalog and campaign, once
        for (const auto& e : ocop::test::certified_path("warm-up", "1")) warm.apply(e);
    }
    malloc_trim(0);
    const std::size_t before = heap_in_use();
    const double rss_before = peak_rss_bytes();
    const auto t0 = now();
    ocop::registry r({}, camp);
    std::size_t events = 0;
    for (std::size_t i = 0; i < dossiers; ++i)
        for (const auto& e : ocop::test::certified_path("HN-" + std::to_string(i + 1), "1")) {
            r.apply(e);
            ++events;
        }
    const double seconds = seconds_since(t0);
    malloc_trim(0);
    const double heap = static_cast<double>(heap_in_use() - before);
    const double d = static_cast<double>(dossiers);
    line("dossiers built (" + std::to_string(events) + " events applied)", fmt("%.0f s", seconds), per(seconds / static_cast<double>(events), "event"));
    line("heap per dossier (state + log)", fmt("%.0f bytes", heap / d), verdict(4096.0 / (heap / d), 1.0, true) + " (target 4 KB)");
    line("heap of the registry", fmt("%.2f GB", heap / 1e9));
    line("peak resident set of the process", fmt("%.2f GB", peak_rss_bytes() / 1e9), fmt("%.2f GB before the registry", rss_before / 1e9));
    r.release_log();  // what the log held, by difference
    malloc_trim(0);
    const double states = static_cast<double>(heap_in_use() - before);
    line("  of which: the log entries, per dossier", fmt("%.0f bytes", (heap - states) / d),
         fmt("%.1f bytes an entry", (heap - states) / static_cast<double>(events)));
    line("  of which: the dossier states (with the registry's map), per dossier", fmt("%.0f bytes", states / d));
    return 0;
}

}  // namespace ocop_bench
