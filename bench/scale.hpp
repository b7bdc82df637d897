#pragma once
// How cost grows (docs/performance.md, "How cost grows"; issue 17, item 5): the workflow's costs
// for 1k, 10k, 100k and 1M dossiers of the Hanoi 2021 campaign (14 events each, workflow_log.hpp):
// events applied, the log verified, every report, the log replayed, the registry's heap and the
// process's peak memory. Each size runs in a child process (ocop_bench --scale-child N), so that
// its peak RSS is its own. A size runs only if its memory, extrapolated from the sizes before it,
// fits in 80% of what the machine has available, and its time in scale_time_budget; otherwise it
// is reported as not measured, with what it would need.

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "checks.hpp"
#include "harness.hpp"
#include "ocop/campaign.hpp"
#include "ocop/registry.hpp"
#include "ocop/reports_json.hpp"
#include "ocop/workflow_json.hpp"
#include "process.hpp"
#include "report.hpp"
#include "workflow_log.hpp"

namespace ocop_bench {

/// The most CPU time a size may be expected to take before it is left out, in seconds (the wall
/// clock is longer on a loaded machine: other processes share the cores).
inline constexpr double scale_time_budget = 900;

/// The process's CPU time so far, in seconds.
inline double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// One size's figures, as the child prints them (seconds in all, bytes).
struct scale_sample {
    std::size_t dossiers = 0, events = 0;
    double apply = 0, verify = 0, reports = 0, replay = 0;
    double heap = 0;        ///< the registry's heap after applying, bytes
    double peak = 0;        ///< the child's peak RSS (VmHWM), bytes
    double wall = 0;        ///< the child's wall-clock time, seconds (measured by the parent)
    double cpu = 0;         ///< the child's CPU time, seconds (generating the events included)
    bool consistent = false;  ///< every dossier certified, the log verifies, the replay has the same head
    boost::json::object by_report;  ///< seconds for each report, by name
};

/// Every report of ocop::report_names() as JSON, as of the end of the campaign, each timed: seconds by name.
inline boost::json::object time_reports(const ocop::registry& r, int repeats) {
    static const ocop::date as_of = *ocop::date::parse("2021-12-31");
    boost::json::object seconds;
    for (std::string_view name : ocop::report_names())
        seconds[name] = measure_once([&] { keep(ocop::report_json(r, name, as_of)); }, repeats).best;
    return seconds;
}

/// The campaign's events (campaign_events' order: every dossier's first event, then every second
/// one...) kept as canonical JSON texts, one run of bytes per step: about 3 KB per dossier instead of
/// the 19 KB of ocop::event objects, so that the events of 1M dossiers fit beside their registry.
class campaign_texts {
public:
    explicit campaign_texts(std::size_t dossiers) {
        for (std::size_t i = 0; i < dossiers; ++i) {
            const std::vector<ocop::event> path = ocop::test::certified_path("HN-" + std::to_string(i + 1), "1");
            steps_.resize(path.size());
            for (std::size_t s = 0; s < path.size(); ++s) {
                steps_[s].bytes += ocop::canonical_json(path[s]);
                steps_[s].ends.push_back(steps_[s].bytes.size());
            }
        }
    }
    std::size_t size() const {
        std::size_t n = 0;
        for (const auto& s : steps_) n += s.ends.size();
        return n;
    }
    /// Calls `apply(events)` with every event in order, a chunk at a time, each chunk parsed
    /// before the call (the caller times the calls, not the parsing).
    template <class F>
    void for_each_chunk(F&& apply) const {
        constexpr std::size_t chunk = 4096;
        std::vector<ocop::event> events;
        for (const auto& s : steps_)
            for (std::size_t first = 0; first < s.ends.size(); first += chunk) {
                events.clear();
                for (std::size_t k = first; k < std::min(first + chunk, s.ends.size()); ++k) {
                    const std::size_t begin = k == 0 ? 0 : s.ends[k - 1];
                    events.push_back(ocop::parse_event(std::string_view(s.bytes).substr(begin, s.ends[k] - begin)));
                }
                apply(events);
            }
    }

private:
    struct step {
        std::string bytes;
        std::vector<std::size_t> ends;
    };
    std::vector<step> steps_;
};

/// Applies every event to a new registry, best of `repeats`: only the applying is timed (not
/// parsing the texts, nor destroying the previous registry); the last registry goes to `kept`.
inline timing apply_campaign(const ocop::campaign& camp, const campaign_texts& texts, int repeats, std::optional<ocop::registry>& kept) {
    std::vector<double> s;
    for (int r = 0; r < repeats; ++r) {
        kept.reset();
        ocop::registry reg({}, camp);
        double seconds = 0;
        texts.for_each_chunk([&](const std::vector<ocop::event>& events) {
            const auto t0 = now();
            for (const auto& e : events) reg.apply(e);
            seconds += seconds_since(t0);
        });
        s.push_back(seconds);
        kept.emplace(std::move(reg));
    }
    std::sort(s.begin(), s.end());
    return {s.front(), s[s.size() / 2], 1, repeats};
}

/// The child: one size, printed as one JSON line. Best of 3 samples up to 10k dossiers, one above.
inline int scale_child(std::size_t dossiers) {
    const int repeats = dossiers <= 10000 ? 3 : 1;
    const ocop::campaign& camp = ocop::embedded_campaign("hanoi-2021");
    {
        ocop::registry warm({}, camp);  // the embedded procedures, catalog and campaign, once
        for (const auto& e : ocop::test::certified_path("warm-up", "1")) warm.apply(e);
    }
    auto texts = std::make_unique<campaign_texts>(dossiers);  // not std::optional: GCC 12 -O2 warns maybe-uninitialized on its reset
    const std::size_t event_count = texts->size();
    malloc_trim(0);
    const std::size_t before = heap_in_use();
    std::optional<ocop::registry> kept;
    const timing applied = apply_campaign(camp, *texts, repeats, kept);
    malloc_trim(0);
    const double heap = static_cast<double>(heap_in_use() - before);
    texts.reset();  // the registry holds what it needs
    const ocop::registry& reg = *kept;
    bool verified_ok = false;
    const timing verified = measure_once([&] { verified_ok = reg.log().verify(reg.log().head()).ok; }, repeats);
    const boost::json::object reports = time_reports(reg, repeats);
    double reported = 0;
    for (const auto& [name, seconds] : reports) reported += seconds.as_double();
    std::string replayed_head;
    const timing replayed = measure_made([&] { return ocop::registry::replay(reg.log(), {}, camp, reg.log().head()); }, repeats,
                                         [&](const ocop::registry& r) { replayed_head = r.log().head(); });
    std::size_t certified = 0;
    for (const auto& [id, st] : reg.dossiers()) certified += st.certificate() != nullptr;
    const bool consistent = certified == dossiers && verified_ok && replayed_head == reg.log().head();
    std::printf("%s\n", boost::json::serialize(boost::json::value{
                                                   {"dossiers", dossiers}, {"events", event_count}, {"apply", applied.best},
                                                   {"verify", verified.best}, {"reports", reported}, {"report", reports}, {"replay", replayed.best},
                                                   {"heap", heap}, {"peak", proc_kb_field("/proc/self/status", "VmHWM")}, {"cpu", process_cpu_seconds()},
                                                   {"consistent", consistent}})
                            .c_str());
    return 0;
}

/// Runs the child for `dossiers`; nullopt (and a failed check) when it did not finish.
inline std::optional<scale_sample> run_scale_child(std::size_t dossiers) {
    int status = 0;
    const auto t0 = std::chrono::steady_clock::now();
    std::string out = run_command("'" + self_exe() + "' --scale-child " + std::to_string(dossiers), &status);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    try {
        if (status != 0) throw std::runtime_error("exit status " + std::to_string(status));
        const boost::json::object o = boost::json::parse(out).as_object();
        auto num = [&](const char* key) { return o.at(key).to_number<double>(); };
        return scale_sample{o.at("dossiers").to_number<std::size_t>(), o.at("events").to_number<std::size_t>(), num("apply"), num("verify"),
                            num("reports"), num("replay"), num("heap"), num("peak"), wall, num("cpu"), o.at("consistent").as_bool(), o.at("report").as_object()};
    } catch (const std::exception& e) {
        check_line(std::to_string(dossiers) + " dossiers: the child process finished", false, e.what() + std::string(": ") + out);
        return std::nullopt;
    }
}

/// Why `dossiers` is left out, from the sizes measured before it (linear extrapolation of the peak
/// from the last two, of the time from the last); "" when it should run.
inline std::string scale_refusal(std::size_t dossiers, const std::vector<scale_sample>& done) {
    if (done.empty()) return "";
    const scale_sample& last = done.back();
    const double n = static_cast<double>(dossiers), m = static_cast<double>(last.dossiers);
    double per_dossier = last.peak / m;
    if (done.size() >= 2) {
        const scale_sample& prev = done[done.size() - 2];
        per_dossier = (last.peak - prev.peak) / (m - static_cast<double>(prev.dossiers));
    }
    const double need = last.peak + per_dossier * (n - m);
    const double available = proc_kb_field("/proc/meminfo", "MemAvailable");
    if (need > 0.8 * available)
        return fmt("would need about %.1f GB, ", need / 1e9) + fmt("%.1f GB available", available / 1e9) + " (80% at most is used)";
    const double seconds = last.cpu * n / m;
    if (seconds > scale_time_budget)
        return fmt("would take about %.0f min of CPU", seconds / 60) + fmt(" (budget %.0f min)", scale_time_budget / 60);
    return "";
}

/// One cost's cell: per dossier, and in brackets its ratio to the first size's figure.
inline std::string time_cell(double seconds, double first) { return fmt("%.2f us", seconds * 1e6) + fmt(" (%.2f)", seconds / first); }
inline std::string bytes_cell(double bytes, double first) { return fmt("%.0f B", bytes) + fmt(" (%.2f)", bytes / first); }

inline void scale_rows(const std::vector<scale_sample>& done) {
    std::printf("\n  | dossiers | events | apply | replay | verify | reports | registry heap | peak RSS | child CPU |\n"
                "  |--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    const scale_sample& f = done.front();
    const double fd = static_cast<double>(f.dossiers);
    for (const auto& s : done) {
        const double d = static_cast<double>(s.dossiers);
        std::printf("  | %zu | %zu | %s | %s | %s | %s | %s | %s | %.0f s |\n", s.dossiers, s.events,
                    time_cell(s.apply / d, f.apply / fd).c_str(), time_cell(s.replay / d, f.replay / fd).c_str(),
                    time_cell(s.verify / d, f.verify / fd).c_str(), time_cell(s.reports / d, f.reports / fd).c_str(),
                    bytes_cell(s.heap / d, f.heap / fd).c_str(), (fmt("%.2f GB", s.peak / 1e9) + fmt(", %.0f B/dossier", s.peak / d)).c_str(),
                    s.cpu);
    }
    std::printf("\n  Per dossier; in brackets, the ratio to the %zu-dossier figure (1.00: linear).\n\n", f.dossiers);
}

/// Each cost per dossier at the largest size over the first size's and over the size before it;
/// "linear" when the last step stays within `tolerance` (the first step also crosses the cache:
/// 1k dossiers, about 10 MB, fit in the last-level cache; 10k do not).
inline void scale_verdicts(const std::vector<scale_sample>& done, double tolerance) {
    const scale_sample &f = done.front(), &p = done[done.size() - 2], &l = done.back();
    struct cost {
        std::string what;
        double first, previous, last;  // per dossier
    };
    auto per_dossier = [](double v, const scale_sample& s) { return v / static_cast<double>(s.dossiers); };
    std::vector<cost> costs = {{"apply", per_dossier(f.apply, f), per_dossier(p.apply, p), per_dossier(l.apply, l)},
                               {"replay", per_dossier(f.replay, f), per_dossier(p.replay, p), per_dossier(l.replay, l)},
                               {"verify", per_dossier(f.verify, f), per_dossier(p.verify, p), per_dossier(l.verify, l)},
                               {"reports", per_dossier(f.reports, f), per_dossier(p.reports, p), per_dossier(l.reports, l)},
                               {"registry heap", per_dossier(f.heap, f), per_dossier(p.heap, p), per_dossier(l.heap, l)}};
    for (const auto& [name, seconds] : l.by_report) {
        if (name == "planned") continue;  // the campaign's plan: independent of the registry
        const std::string n(name);
        costs.push_back({"  report \"" + n + "\"", per_dossier(f.by_report.at(n).as_double(), f), per_dossier(p.by_report.at(n).as_double(), p),
                         per_dossier(seconds.as_double(), l)});
    }
    const std::string step = std::to_string(p.dossiers) + " to " + std::to_string(l.dossiers);
    for (const auto& c : costs)
        line(c.what + ": per dossier, " + step + " (and from " + std::to_string(f.dossiers) + ")",
             fmt("%.2fx", c.last / c.previous) + fmt(" (%.2fx)", c.last / c.first),
             c.last / c.previous <= tolerance ? fmt("linear (within %.1fx)", tolerance) : fmt("GROWS FASTER THAN LINEAR (beyond %.1fx)", tolerance));
}

/// The scaling table: sizes 1k, 10k, 100k, 1M (with quick: 1k, 10k).
inline void scale_table(bool quick) {
    heading("How cost grows: 1k to 1M dossiers of the Hanoi 2021 campaign, each size in its own process");
    std::printf("  Thread CPU time; best of 3 samples up to 10k dossiers, one sample above. Reports: every report of\n"
                "  ocop::report_names() as JSON. Peak RSS: the child's VmHWM (the events as canonical texts and the registry,\n"
                "  then the registry and its replay).\n\n");
    std::vector<scale_sample> done;
    for (std::size_t dossiers : quick ? std::vector<std::size_t>{1000, 10000} : std::vector<std::size_t>{1000, 10000, 100000, 1000000}) {
        if (const std::string why = scale_refusal(dossiers, done); !why.empty()) {
            line(std::to_string(dossiers) + " dossiers", "not measured", why);
            continue;
        }
        if (auto s = run_scale_child(dossiers)) {
            line(std::to_string(dossiers) + " dossiers: child process, CPU time", fmt("%.0f s", s->cpu),
                 fmt("wall clock %.0f s, ", s->wall) + fmt("peak RSS %.2f GB", s->peak / 1e9));
            check_line("  check: every dossier certified, the log verifies, the replay ends at the same head", s->consistent, "");
            done.push_back(*s);
        }
    }
    if (done.size() < 2) return;
    scale_rows(done);
    scale_verdicts(done, 1.5);
}

}  // namespace ocop_bench
