// ocop_bench: every performance figure of docs/performance.md, with its baselines, from one run.
//
//   ocop_bench            the full run (about a minute on a 2-core machine)
//   ocop_bench --quick    smaller data, for a fast look (the figures are not the reference ones)
//   ocop_bench --workflow the workflow and log figures alone (with --quick: without the 100k-dossier registry)
//   ocop_bench --batch    the batch figures alone (batch scoring against the memory limits)
//   ocop_bench --baselines  the baselines alone (SQL, pure Python, the Python bindings) beside ours
//   ocop_bench --scale    how cost grows: 1k to 1M dossiers, each size in a child process (--quick: 1k, 10k)
//   ocop_bench --registry-rss N   a registry of N dossiers alone: heap per dossier and peak resident set
//
// A check that fails (a baseline that does not compute what ours computes) makes it exit with 1.
//
// Every contender runs on the same generated data (workload.hpp). Times are the best of several
// samples (harness.hpp); the ratios are computed here, in the same run.

#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "batch_vs_read.hpp"
#include "checks.hpp"
#include "harness.hpp"
#include "memory_limit.hpp"
#include "ocop.hpp"
#include "ocop/campaign.hpp"
#include "ocop/detail/catalog_loader.hpp"
#include "ocop/registry.hpp"
#include "ocop_test/dossier_path.hpp"
#include "process.hpp"
#include "reference.hpp"
#include "report.hpp"
#include "scale.hpp"
#include "workload.hpp"
#include "registry_rss.hpp"
#include "workflow_log.hpp"

#if OCOP_BENCH_HAVE_SQLITE
#include "sql_baselines.hpp"
#endif
#if OCOP_BENCH_HAVE_CAPI
#include "ocop/ocop.h"
#endif

namespace {

namespace json = boost::json;
using namespace ocop_bench;

// ---- the machine ----------------------------------------------------------------------------

void describe_machine() {
    heading("Machine");
    std::string cpu = "unknown", cpuinfo = read_text("/proc/cpuinfo");
    if (auto at = cpuinfo.find("model name"); at != std::string::npos) {
        auto colon = cpuinfo.find(':', at), end = cpuinfo.find('\n', at);
        cpu = cpuinfo.substr(colon + 2, end - colon - 2);
    }
    std::string mem = read_text("/proc/meminfo");
    mem = mem.substr(0, mem.find('\n'));
    std::string load = read_text("/proc/loadavg");
    while (!load.empty() && load.back() == '\n') load.pop_back();
    line("CPU", cpu);
    line("logical cores", std::to_string(std::thread::hardware_concurrency()));
    line("memory", mem.substr(mem.find_first_of("0123456789")));
    line("compiler", OCOP_BENCH_COMPILER);
    line("build type, flags", std::string(OCOP_BENCH_BUILD_TYPE) + ": " + OCOP_BENCH_FLAGS);
    line("ocop version", OCOP_VERSION_STRING);
    line("load average at start (1, 5, 15 min)", load.substr(0, load.find(' ', load.find(' ', load.find(' ') + 1) + 1)),
         "(well above 0: other processes were running; see docs/performance.md)");
    std::printf("\n  Single-threaded throughout. Times: best of several samples (median in brackets).\n");
}

// ---- the embedded catalog -------------------------------------------------------------------

int catalog_ready_child() {
    auto t0 = now();
    const auto& cat = ocop::embedded_catalog();
    double s = seconds_since(t0);
    keep(cat);
    std::printf("%.9f %zu\n", s, cat.editions().front().sets.size());
    return 0;
}

/// The JSON parsing part alone: every embedded file of the catalog through boost::json::parse.
int catalog_parse_child() {
    std::size_t count = 0, bytes = 0;
    const ocop::detail::embedded_file* files = ocop::detail::embedded_files(count);
    auto t0 = now();
    for (std::size_t i = 0; i < count; ++i) {
        if (std::string_view(files[i].path).substr(0, 9) != "1048-781/") continue;
        auto v = json::parse(std::string_view(files[i].text, files[i].size));
        keep(v);
        bytes += files[i].size;
    }
    double s = seconds_since(t0);
    std::printf("%.9f %zu\n", s, bytes);
    return 0;
}

void embedded_catalog_ready(int runs) {
    heading("Embedded catalog ready (target: under 5 ms)");
    std::vector<double> s;
    for (int i = 0; i < runs; ++i) {
        std::string out = run_command("'" + self_exe() + "' --catalog-ready-child");
        s.push_back(std::atof(out.c_str()));
    }
    std::sort(s.begin(), s.end());
    line("first embedded_catalog() call, fresh process",
         fmt("%.2f ms", s.front() * 1e3) + fmt(" [%.2f]", s[s.size() / 2] * 1e3),
         verdict(5e-3 / s[s.size() / 2], 1.0, true) + fmt(" (median of %.0f processes)", static_cast<double>(runs)));
    std::vector<double> p;
    double bytes = 0;
    for (int i = 0; i < runs; ++i) {
        std::string out = run_command("'" + self_exe() + "' --catalog-parse-child");
        p.push_back(std::atof(out.c_str()));
        bytes = std::atof(out.c_str() + out.find(' '));
    }
    std::sort(p.begin(), p.end());
    line("  of which: parsing its JSON (Boost.JSON), fresh process", fmt("%.2f ms", p.front() * 1e3) + fmt(" [%.2f]", p[p.size() / 2] * 1e3),
         fmt("%.0f KB of embedded JSON, ", bytes / 1024) + rate(bytes / p.front(), "B"));
}

// ---- the rich API: one scorecard, a council, JSON -------------------------------------------

/// One scorecard scored with its explanation, over a pool of different scorecards (so the branch
/// predictor cannot learn one). Returns the pool, reused for the JSON figures.
std::vector<std::pair<const set_block*, ocop::scorecard>> one_scorecard(const workload& w) {
    std::vector<std::pair<const set_block*, ocop::scorecard>> pool;
    for (std::size_t i = 0; pool.size() < 256; ++i) {
        const auto& b = w.blocks[i % w.blocks.size()];
        pool.emplace_back(&b, to_scorecard(w, b, (i / w.blocks.size()) % w.rows_of(b), "member-1"));
    }
    std::size_t k = 0;
    auto one = measure([&] {
        const auto& [b, card] = pool[k++ % pool.size()];
        auto r = ocop::score(*w.ed, *b->set, card);
        keep(r.total);
    });
    line("one scorecard scored, with explanation", per(one.best, "scorecard") + " [" + med(one.median) + "]",
         rate(1 / one.best, " scorecards"));
    return pool;
}

/// Councils of 9: the rows of one product's first round, aggregated alone and scored + aggregated.
void councils_of_nine(const workload& w) {
    struct council_case {
        const set_block* b;
        std::vector<ocop::scorecard> cards;
        std::vector<ocop::scorecard_result> results;
    };
    std::vector<council_case> councils;
    for (std::size_t i = 0; councils.size() < 64; ++i) {
        const auto& b = w.blocks[i % w.blocks.size()];
        std::size_t product = (i / w.blocks.size()) % b.products;
        council_case c{&b, {}, {}};
        for (int m = 0; m < w.members; ++m) {
            std::size_t row = product * static_cast<std::size_t>(w.members * w.rounds) + static_cast<std::size_t>(m);
            c.cards.push_back(to_scorecard(w, b, row, "member-" + std::to_string(m + 1)));
            c.results.push_back(ocop::score(*w.ed, *b.set, c.cards.back()));
        }
        councils.push_back(std::move(c));
    }
    std::size_t k = 0;
    auto agg = measure([&] {
        const auto& c = councils[k++ % councils.size()];
        auto r = ocop::aggregate(*w.ed, ocop::embedded_procedures().get(w.ed->id), *c.b->set, c.results);
        keep(r.stars);
    });
    line("council of 9 aggregated (scorecards already scored)", per(agg.best, "council") + " [" + med(agg.median) + "]",
         rate(1 / agg.best, " councils"));
    k = 0;
    auto full = measure([&] {
        const auto& c = councils[k++ % councils.size()];
        std::vector<ocop::scorecard_result> results;
        results.reserve(c.cards.size());
        for (const auto& card : c.cards) results.push_back(ocop::score(*w.ed, *c.b->set, card));
        auto r = ocop::aggregate(*w.ed, ocop::embedded_procedures().get(w.ed->id), *c.b->set, results);
        keep(r.stars);
    });
    line("council of 9: 9 scorecards scored + aggregated", per(full.best, "council") + " [" + med(full.median) + "]",
         rate(1 / full.best, " councils"));
}

/// JSON: scorecard documents as a web form or a file would send them, parsed, then parsed and scored.
void json_scorecards(const std::vector<std::pair<const set_block*, ocop::scorecard>>& pool) {
    std::vector<std::string> docs;
    std::size_t bytes = 0;
    for (const auto& [b, card] : pool) {
        docs.push_back(json::serialize(ocop::to_json(card)));
        bytes += docs.back().size();
    }
    const auto& cat = ocop::embedded_catalog();
    auto parse = measure([&] {
        for (const auto& d : docs) {
            auto card = ocop::parse_scorecard(d);
            keep(card.answers.size());
        }
    });
    auto parse_score = measure([&] {
        for (const auto& d : docs) {
            auto r = ocop::score(cat, ocop::parse_scorecard(d));
            keep(r.total);
        }
    });
    const double avg = static_cast<double>(bytes) / static_cast<double>(docs.size());
    line("JSON scorecards parsed", rate(static_cast<double>(bytes) / parse.best, "B"),
         fmt("%.0f bytes/scorecard, ", avg) + rate(static_cast<double>(docs.size()) / parse.best, " scorecards"));
    line("JSON scorecards parsed and scored", rate(static_cast<double>(bytes) / parse_score.best, "B"),
         rate(static_cast<double>(docs.size()) / parse_score.best, " scorecards"));
}

void rich_api(const workload& w) {
    heading("The C++ API with explanations (ocop::score, ocop::aggregate)");
    const auto pool = one_scorecard(w);
    councils_of_nine(w);
    json_scorecards(pool);
}

// ---- batch scoring --------------------------------------------------------------------------

/// Batch scoring of every block, then each product-round's council: exact mean of the members'
/// totals, its band, 0 stars when a member reported a knock-out (policy any_member). No caps:
/// those need per-criterion means, which the batch entry point does not return.
struct batch_run {
    std::vector<std::vector<std::int32_t>> totals, stars;
    std::vector<std::vector<std::uint8_t>> outcomes;
    std::vector<std::int8_t> council_stars;  // per (product, round), global product order
    explicit batch_run(const workload& w) {
        for (const auto& b : w.blocks) {
            totals.emplace_back(w.rows_of(b));
            stars.emplace_back(w.rows_of(b));
            outcomes.emplace_back(w.rows_of(b));
        }
        council_stars.resize(w.products() * static_cast<std::size_t>(w.rounds));
    }
    void score(const workload& w) {
        for (std::size_t i = 0; i < w.blocks.size(); ++i) {
            const auto& b = w.blocks[i];
            b.sheet.score(b.rows, w.rows_of(b), totals[i], stars[i], outcomes[i]);
        }
    }
    void councils(const workload& w) {
        const auto m = static_cast<std::size_t>(w.members);
        for (std::size_t i = 0; i < w.blocks.size(); ++i) {
            const auto& b = w.blocks[i];
            const std::int32_t* t = totals[i].data();
            const std::uint8_t* o = outcomes[i].data();
            std::int8_t* out = council_stars.data() + b.first_product * static_cast<std::size_t>(w.rounds);
            for (std::size_t c = 0; c < b.products * static_cast<std::size_t>(w.rounds); ++c, t += m, o += m) {
                std::int64_t sum = 0;
                bool knocked_out = false;
                for (std::size_t j = 0; j < m; ++j) {
                    sum += t[j];
                    knocked_out |= o[j] != 0;
                }
                out[c] = knocked_out ? 0 : static_cast<std::int8_t>(w.ed->band_for(sum, w.members).stars);
            }
        }
    }
    std::int64_t totals_sum() const {
        std::int64_t s = 0;
        for (const auto& v : totals)
            for (auto x : v) s += x;
        return s;
    }
    std::int64_t stars_sum() const {
        std::int64_t s = 0;
        for (const auto& v : stars)
            for (auto x : v) s += x;
        return s;
    }
    std::int64_t council_stars_sum() const {
        std::int64_t s = 0;
        for (auto x : council_stars) s += x;
        return s;
    }
};

struct memory_figures {
    double read = 0;  // seconds for all bytes
    double copy = 0;
};

memory_figures memory_limit(const workload& w, int repeats) {
    std::vector<std::uint8_t> to(w.bytes());
    auto read = measure(
        [&] {
            std::uint64_t s = 0;
            for (const auto& b : w.blocks) s += read_all(b.rows.data(), b.rows.size());
            keep(s);
        },
        repeats);
    auto copy = measure(
        [&] {
            std::size_t at = 0;
            for (const auto& b : w.blocks) {
                copy_all(to.data() + at, b.rows.data(), b.rows.size());
                at += b.rows.size();
            }
        },
        repeats);
    return {read.best, copy.best};
}

// ---- the C API ------------------------------------------------------------------------------

#if OCOP_BENCH_HAVE_CAPI
struct capi_sheets {
    ocop_catalog* cat = nullptr;
    std::vector<ocop_sheet*> sheets;
    explicit capi_sheets(const workload& w) {
        if (ocop_catalog_new_embedded(&cat) != OCOP_OK) throw std::runtime_error(ocop_last_error());
        for (const auto& b : w.blocks) {
            ocop_sheet* s = nullptr;
            if (ocop_sheet_new(&s, cat, w.ed->id.c_str(), b.set->id.c_str()) != OCOP_OK) throw std::runtime_error(ocop_last_error());
            sheets.push_back(s);
        }
    }
    ~capi_sheets() {
        for (auto* s : sheets) ocop_sheet_free(s);
        ocop_catalog_free(cat);
    }
    capi_sheets(const capi_sheets&) = delete;
    capi_sheets& operator=(const capi_sheets&) = delete;
    void score(const workload& w, batch_run& out) const {
        for (std::size_t i = 0; i < w.blocks.size(); ++i) {
            const auto& b = w.blocks[i];
            if (ocop_sheet_score(sheets[i], b.rows.data(), w.rows_of(b), out.totals[i].data(), out.stars[i].data(),
                                 out.outcomes[i].data()) != OCOP_OK)
                throw std::runtime_error(ocop_last_error());
        }
    }
};
#endif

// ---- the Python baselines -------------------------------------------------------------------

/// The sheets of the workload as plain data for the Python baseline: criteria with their levels
/// by id, conditions, level-triggered knock-outs, the caps that apply, the star bands.
json::value python_spec(const workload& w) {
    json::array sets;
    for (const auto& b : w.blocks) {
        json::array criteria;
        for (const auto& c : b.set->criteria) {
            json::object o;
            o["id"] = c.id;
            auto levels = [](const std::vector<ocop::level>& ls) {
                json::object m;
                for (const auto& l : ls) m[l.id] = l.points;
                return m;
            };
            if (c.has_cases()) {
                json::object cases;
                for (const auto& k : c.cases) cases[k.id] = levels(k.levels);
                o["cases"] = std::move(cases);
            } else {
                o["levels"] = levels(c.levels);
            }
            if (c.applies_if) o["applies_if"] = {{"criterion", c.applies_if->criterion}, {"levels", json::value_from(c.applies_if->levels)}};
            json::array kos;
            for (const auto& rule : c.knockouts) {
                if (rule.trigger != ocop::trigger_kind::levels) continue;
                json::array trig;
                for (const auto& t : rule.trigger_levels) trig.push_back({t.criterion, t.level});
                kos.push_back({{"eliminated", rule.outcome == ocop::knockout_outcome::eliminated}, {"triggers", std::move(trig)}});
            }
            o["knockouts"] = std::move(kos);
            criteria.push_back(std::move(o));
        }
        json::array caps;
        for (const auto& link : b.set->minimum_requirements) {
            const auto* req = w.ed->find_requirement(link.requirement);
            if (!req) continue;
            if (!req->industries.empty() &&
                std::find(req->industries.begin(), req->industries.end(), b.set->industry) == req->industries.end())
                continue;
            caps.push_back({{"criterion", link.criterion}, {"at_least", link.at_least_points}, {"stars", req->stars}});
        }
        json::array options;  // per slot: [case or null, level] by index, to turn rows into answers
        for (std::size_t s = 0; s < b.sheet.slots(); ++s) {
            json::array opts;
            for (const auto& o : b.sheet.options(s)) opts.push_back({o.case_id ? json::value(*o.case_id) : json::value(), o.level});
            options.push_back(std::move(opts));
        }
        sets.push_back({{"id", b.set->id},
                        {"products", b.products},
                        {"criteria", std::move(criteria)},
                        {"caps", std::move(caps)},
                        {"options", std::move(options)}});
    }
    json::array bands;
    for (const auto& band : w.ed->star_bands) bands.push_back({{"stars", band.stars}, {"from", band.from}, {"to", band.to}});
    return {{"members", w.members}, {"rounds", w.rounds}, {"bands", std::move(bands)}, {"sets", std::move(sets)}};
}

struct temp_dir {
    std::string path;
    temp_dir() {
        char tmpl[] = "/tmp/ocop-bench-XXXXXX";
        if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
        path = tmpl;
    }
    ~temp_dir() { std::system(("rm -rf '" + path + "'").c_str()); }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
};

void write_rows(const workload& w, const std::string& dir) {
    std::ofstream spec(dir + "/spec.json");
    spec << json::serialize(python_spec(w));
    for (std::size_t i = 0; i < w.blocks.size(); ++i) {
        std::ofstream f(dir + "/rows-" + std::to_string(i) + ".bin", std::ios::binary);
        f.write(reinterpret_cast<const char*>(w.blocks[i].rows.data()), static_cast<std::streamsize>(w.blocks[i].rows.size()));
    }
}

std::optional<json::object> run_python(const std::string& args, const std::string& env = "") {
    int status = 0;
    std::string out = run_command(env + std::string(OCOP_BENCH_PYTHON) + " " + args, &status);
    if (status != 0) {
        std::printf("  (python failed with status %d: %s)\n", status, out.c_str());
        return std::nullopt;
    }
    try {
        while (!out.empty() && out.back() == '\n') out.pop_back();
        return json::parse(out.substr(out.rfind('\n') + 1)).as_object();
    } catch (const std::exception&) {
        std::printf("  (unexpected python output: %s)\n", out.c_str());
        return std::nullopt;
    }
}

// ---- batch scoring at national scale --------------------------------------------------------

void in_cache_ratio(const workload& smoke, bool quick) {
    auto f = measure_batch_vs_read(smoke, quick ? 5 : 25, 0.01);
    line("in cache (" + std::to_string(f.rows) + " rows, " + std::to_string(f.bytes / 1024) + " KB): C++ batch",
         per(f.batch_ns_per_row * 1e-9, "scorecard"), rate(1e9 / f.batch_ns_per_row, " scorecards"));
    line("in cache: memory read (sum of the same bytes, 16-byte vectors)", per(f.read_ns_per_row * 1e-9, "scorecard"));
    const double reference = smoke_reference_ratio(smoke.blocks.front().sheet.kernel());
    line("in cache: ratio batch / memory read [CI smoke figure]", fmt("%.1fx", f.ratio()),
         verdict(f.ratio(), 2 * reference, false) + fmt(" (the smoke test's limit: 2x the committed reference %.1fx)", reference));
}

/// The limits that hold on any machine: the rows read and the outputs written once, with the
/// widest vectors of the CPU, in cache (`smoke`) and from main memory (`national` repeated to
/// `main_bytes` or more, well beyond the last-level cache). Targets: within 25x and 10x.
void machine_limits(const workload& smoke, const workload& national, std::size_t main_bytes, bool quick) {
    const wide_access access = widest_access();
    line("caches (sysconf, or sysfs)", describe_caches());
    line("widest vector loads and stores (run-time detection)", access.name);
    line("batch kernel on this machine (compiled_sheet::kernel)", std::string(smoke.blocks.front().sheet.kernel()));
    auto c = measure_batch_vs_limit(smoke, access, quick ? 5 : 25, 0.01);
    const double per_row_out = static_cast<double>(c.written) / static_cast<double>(c.rows);
    line("in cache (" + std::to_string(c.rows) + " rows, " + std::to_string(c.bytes / 1024) + " KB + " + std::to_string(c.written / 1024) +
             " KB out): C++ batch", per(c.batch_ns_per_row * 1e-9, "scorecard"), rate(1e9 / c.batch_ns_per_row, " scorecards"));
    line("in cache: limit, rows read + outputs written (widest vectors)", per(c.read_ns_per_row * 1e-9, "scorecard"),
         fmt("%.0f bytes out per scorecard", per_row_out));
    line("in cache: ratio C++ batch / limit", fmt("%.1fx", c.ratio()), verdict(c.ratio(), 25, false) + " (target 25x)");
    const std::size_t times = std::max<std::size_t>(1, (main_bytes + national.bytes() - 1) / national.bytes());
    const workload big = repeated(national, times);
    const long l3 = cache_bytes(3);
    auto m = measure_batch_vs_limit(big, access, quick ? 2 : 5, 0);
    line("main memory (" + fmt("%.2f GB", static_cast<double>(m.bytes) / 1e9) + " of rows" +
             (l3 > 0 ? fmt(", %.1fx the L3", static_cast<double>(m.bytes) / static_cast<double>(l3)) : std::string()) + "): C++ batch",
         per(m.batch_ns_per_row * 1e-9, "scorecard"), rate(1e9 / m.batch_ns_per_row, " scorecards"));
    line("main memory: limit, rows read + outputs written (widest vectors)", per(m.read_ns_per_row * 1e-9, "scorecard"),
         rate(static_cast<double>(m.bytes + m.written) / (m.read_ns_per_row * 1e-9 * static_cast<double>(m.rows)), "B"));
    line("main memory: ratio C++ batch / limit", fmt("%.1fx", m.ratio()), verdict(m.ratio(), 10, false) + " (target 10x)");
}

/// The national figures the other contenders are compared with.
struct national_batch {
    batch_run ours;
    timing batch;
    timing councils;
    memory_figures memory;
};

national_batch national_batch_figures(const workload& national, double generated_in, int repeats) {
    national_batch f{batch_run(national), {}, {}, {}};
    f.batch = measure([&] { f.ours.score(national); }, repeats, 0.2);
    f.councils = measure([&] { f.ours.councils(national); }, repeats, 0.05);
    f.memory = memory_limit(national, repeats);
    const double rows = static_cast<double>(national.scorecards());
    const double bytes = static_cast<double>(national.bytes());
    const std::string nat = std::to_string(national.products()) + " products x 9 x 2 = " + std::to_string(national.scorecards()) +
                            " rows, " + fmt("%.1f MB", bytes / 1e6);
    std::printf("  National scale: %s (generated in %.2f s).\n\n", nat.c_str(), generated_in);
    line("national: C++ batch (compiled_sheet::score)", per(f.batch.best / rows, "scorecard") + " [" + med(f.batch.median / rows) + "]",
         rate(rows / f.batch.best, " scorecards") + ", " + rate(bytes / f.batch.best, "B"));
    line("national: memory read (sum)", per(f.memory.read / rows, "scorecard"), rate(bytes / f.memory.read, "B"));
    line("national: memory copy (memcpy)", per(f.memory.copy / rows, "scorecard"), rate(bytes / f.memory.copy, "B"));
    line("national: ratio C++ batch / memory read", fmt("%.1fx", f.batch.best / f.memory.read),
         "(in the L3 cache, 16-byte vectors: it moves with the machine; the targets are the limits above)");
    return f;
}

/// An independent check of the batch results: every `stride`-th row scored by ocop::score and
/// judged by ocop::aggregate as a council of one (the rich API, scoring.cpp and council.cpp).
void check_against_rich_api(const workload& w, const batch_run& ours, std::size_t stride) {
    ocop::council_policy one;
    one.minimum_members = 1;
    std::size_t checked = 0, differ = 0, knocked = 0;
    for (std::size_t i = 0; i < w.blocks.size(); ++i) {
        const auto& b = w.blocks[i];
        for (std::size_t row = 0; row < w.rows_of(b); ++row) {
            knocked += ours.outcomes[i][row] != 0;
            if (row % stride != 0) continue;
            const ocop::scorecard_result r = ocop::score(*w.ed, *b.set, to_scorecard(w, b, row, "check"));
            const ocop::council_result c = ocop::aggregate(*w.ed, ocop::embedded_procedures().get(w.ed->id), *b.set, std::vector<ocop::scorecard_result>{r}, one);
            const bool same = r.total == ours.totals[i][row] && c.stars == ours.stars[i][row] &&
                              static_cast<std::uint8_t>(r.outcome) == ours.outcomes[i][row];
            differ += !same;
            ++checked;
        }
    }
    const double rows = static_cast<double>(w.scorecards());
    std::printf("  (%.1f%% of the generated scorecards are knocked out: the batch kernel's exact path)\n", 100.0 * static_cast<double>(knocked) / rows);
    line("national: check, batch = ocop::score + ocop::aggregate", differ == 0 ? "yes" : "NO",
         std::to_string(checked) + " rows (every " + std::to_string(stride) + "th), " + std::to_string(differ) + " differ");
}

#if OCOP_BENCH_HAVE_CAPI
void capi_batch(const workload& national, const national_batch& f, int repeats) {
    const double rows = static_cast<double>(national.scorecards());
    capi_sheets c(national);
    batch_run via_c(national);
    auto capi_t = measure([&] { c.score(national, via_c); }, repeats, 0.2);
    const bool same = via_c.totals_sum() == f.ours.totals_sum() && via_c.stars_sum() == f.ours.stars_sum();
    line("national: C API batch (ocop_sheet_score)", per(capi_t.best / rows, "scorecard") + " [" + med(capi_t.median / rows) + "]",
         rate(rows / capi_t.best, " scorecards") + (same ? ", same totals and stars" : ", RESULTS DIFFER FROM C++"));
    line("national: ratio C API batch / memory read", fmt("%.1fx", capi_t.best / f.memory.read), "(as the C++ batch's)");
    line("national: ratio C API batch / C++ batch", fmt("%.2fx", capi_t.best / f.batch.best),
         "(the same kernel behind the C boundary: equal within noise)");
}
#else
void capi_batch(const workload&, const national_batch&, int) {
    line("C API batch", "not measured", "the C API target (ocop_c) was not built");
}
#endif

/// The rich path at national scale: ocop::score with explanations, then ocop::aggregate, per
/// product and round. Scorecards are built from the rows a chunk at a time, outside the timed part.
/// Returns the seconds spent; `councils` receives how many councils were judged.
double rich_path_seconds(const workload& national, std::size_t& councils) {
    const ocop::edition& ed = *national.ed;
    double rich = 0;
    const std::size_t chunk = 250;
    for (const auto& b : national.blocks) {
        for (std::size_t p0 = 0; p0 < b.products; p0 += chunk) {
            std::vector<ocop::scorecard> cards;
            const std::size_t p1 = std::min(b.products, p0 + chunk);
            for (std::size_t r = p0 * 18; r < p1 * 18; ++r) cards.push_back(to_scorecard(national, b, r, "m" + std::to_string(r % 9)));
            auto t = now();
            std::vector<ocop::scorecard_result> results(9);
            for (std::size_t c = 0; c < cards.size(); c += 9) {
                for (std::size_t m = 0; m < 9; ++m) results[m] = ocop::score(ed, *b.set, cards[c + m]);
                auto r = ocop::aggregate(ed, ocop::embedded_procedures().get(ed.id), *b.set, results);
                keep(r.stars);
                ++councils;
            }
            rich += seconds_since(t);
        }
    }
    return rich;
}

void national_end_to_end(const workload& national, national_batch& f, int repeats) {
    heading("National scale end to end: " + std::to_string(national.products()) + " products x 9 members x 2 rounds");
    const double rows = static_cast<double>(national.scorecards());
    // Batch path: compile every sheet, score every row, then every council (mean, band, knock-outs).
    auto e2e = measure_once(
        [&] {
            std::vector<ocop::compiled_sheet> sheets;
            for (const auto& b : national.blocks) sheets.emplace_back(*national.ed, *b.set);
            keep(sheets);
            f.ours.score(national);
            f.ours.councils(national);
        },
        repeats);
    line("batch path: compile " + std::to_string(national.blocks.size()) + " sheets + score + " +
             std::to_string(national.products() * 2) + " councils", fmt("%.1f ms", e2e.best * 1e3) + fmt(" [%.1f]", e2e.median * 1e3),
         per(e2e.best / rows, "scorecard") + "; councils alone " + fmt("%.2f ms", f.councils.best * 1e3));
    std::size_t councils = 0;
    const double rich = rich_path_seconds(national, councils);
    line("rich path: ocop::score x " + std::to_string(national.scorecards()) + " + ocop::aggregate x " + std::to_string(councils),
         fmt("%.2f s", rich), per(rich / rows, "scorecard") + "; " + std::to_string(councils) + " councils with explanations");
    line("ratio rich path / batch path", fmt("%.0fx", rich / e2e.best), "(the price of the explanation per criterion)");
}

// ---- baselines on the same data -------------------------------------------------------------

/// The fastest baseline of a kind (SQL, pure Python), which the target is about.
struct best_baseline {
    std::string name;
    double seconds = 0;  ///< 0: none measured
    void consider(const std::string& n, double s) {
        if (seconds == 0 || s < seconds) name = n, seconds = s;
    }
};

void best_line(const std::string& kind, const best_baseline& best, double ours_seconds, double brows) {
    if (best.seconds == 0) return line("best " + kind, "not measured");
    line("best " + kind + ": " + best.name, per(best.seconds / brows, "scorecard"), faster_than(best.seconds, ours_seconds));
}

#if OCOP_BENCH_HAVE_SQLITE
/// Ours per council (sum of the members' totals, stars, knocked out) and the answered points: what
/// the SQL queries must give. Rows are in (product, round, member) order, so row / members is the
/// council within its block.
council_reference councils_of(const workload& w, const batch_run& ours) {
    council_reference r;
    r.stars = ours.council_stars;
    r.totals.assign(r.stars.size(), 0);
    r.knocked_out.assign(r.stars.size(), 0);
    for (std::size_t i = 0; i < w.blocks.size(); ++i) {
        const auto& b = w.blocks[i];
        const std::size_t n = b.sheet.slots();
        for (std::size_t row = 0; row < w.rows_of(b); ++row) {
            const std::size_t council = b.first_product * static_cast<std::size_t>(w.rounds) + row / static_cast<std::size_t>(w.members);
            r.totals[council] += ours.totals[i][row];
            r.knocked_out[council] |= ours.outcomes[i][row] != 0;
            for (std::size_t s = 0; s < n; ++s)
                if (const auto lv = b.rows[row * n + s]; lv != ocop::no_answer) r.answered_points += b.sheet.options(s)[lv].points;
        }
    }
    return r;
}

best_baseline sql_lines(const workload& base, const batch_run& ours, double ours_seconds, bool quick) {
    const double brows = static_cast<double>(base.scorecards());
    const council_reference reference = councils_of(base, ours);
    struct schema_case {
        sql_schema schema;
        const char* name;
    };
    const schema_case schemas[] = {{sql_schema::long_rows, "SQLite, long schema (a row per criterion score)"},
                                   {sql_schema::wide_rows, "SQLite, wide schema (a row per scorecard, a column per criterion)"}};
    best_baseline best;
    for (const auto& s : schemas) {
        const sql_figures f = sql_baseline(base, s.schema, quick ? 1 : 3);
        line(s.name, per(f.query / brows, "scorecard"), faster_than(f.query, ours_seconds));
        line("  rows, insert time (not counted)", std::to_string(f.rows) + " rows", fmt("%.2f s to insert", f.insert));
        std::string note;
        check_line("  check: its council totals and stars = ours", same_councils(f, reference, base.rounds, note), note);
        best.consider(s.name, f.query);
    }
    line("  SQLite version", sqlite3_libversion(), "in memory, no journal; GROUP BY walks the primary key");
    return best;
}
#else
best_baseline sql_lines(const workload&, const batch_run&, double, bool) {
    line("SQLite", "not measured", "SQLite3 development files were not found at configure time");
    return {};
}
#endif

/// The count, sum and position-weighted sum (sum of (i + 1) * x_i) of values, as baseline.py's checksums.
struct checksum {
    std::int64_t count = 0, sum = 0, weighted = 0;
    void add(std::int64_t x) {
        ++count;
        sum += x;
        weighted += count * x;
    }
    bool matches(const json::object& py, const std::string& name) const {
        return py.at(name + "_sum").to_number<std::int64_t>() == sum && py.at(name + "_weighted").to_number<std::int64_t>() == weighted;
    }
};

/// Whether a Python baseline gave every scorecard's total and stars and every council's stars as ours.
bool same_as_ours(const json::object& py, const batch_run& ours) {
    checksum totals, stars, councils;
    for (const auto& v : ours.totals)
        for (auto x : v) totals.add(x);
    for (const auto& v : ours.stars)
        for (auto x : v) stars.add(x);
    for (auto x : ours.council_stars) councils.add(x);
    return totals.matches(py, "totals") && stars.matches(py, "stars") && councils.matches(py, "council_stars");
}

best_baseline python_lines(const std::string& dir, const batch_run& ours, double ours_seconds, double brows, bool quick) {
    best_baseline best;
    auto py = run_python("'" + std::string(OCOP_BENCH_SOURCE_DIR) + "/baseline.py' score '" + dir + "' " + std::to_string(quick ? 1 : 3));
    if (!check_line("pure Python baselines ran (bench/baseline.py score)", py.has_value(), "")) return best;
    const std::pair<const char*, const char*> versions[] = {{"dict", "pure Python, dicts (sheets and scorecards by id)"},
                                                            {"compiled", "pure Python, sheet compiled once into tuples, rows as bytes"}};
    for (const auto& [key, name] : versions) {
        const json::object& v = py->at(key).as_object();
        const double s = v.at("seconds").to_number<double>();
        line(name, per(s / brows, "scorecard"), faster_than(s, ours_seconds));
        check_line("  check: its totals, stars and council stars = ours", same_as_ours(v, ours), json::serialize(v));
        best.consider(name, s);
    }
    line("  Python version", py->at("python").as_string().c_str());
    return best;
}

#if OCOP_BENCH_HAVE_CAPI
void ctypes_lines(const std::string& dir, const std::string& edition, const batch_run& ours, double ours_seconds, double brows, bool quick) {
    heading("Python bindings (ctypes over libocop.so): one call per batch vs one call per scorecard");
    auto ct = run_python("'" + std::string(OCOP_BENCH_SOURCE_DIR) + "/baseline.py' ctypes '" + dir + "' " + std::to_string(quick ? 1 : 3) +
                             " " + edition,
                         "OCOP_LIBRARY='" OCOP_BENCH_CAPI_LIBRARY "' PYTHONPATH='" OCOP_BENCH_BINDINGS_DIR "' ");
    if (!ct) return;
    const double tb = (*ct)["batch_seconds"].to_number<double>(), tc = (*ct)["per_call_seconds"].to_number<double>();
    const double tj = (*ct)["json_per_call_seconds"].to_number<double>();
    const double nj = (*ct)["json_scorecards"].to_number<double>();
    line("Python: Sheet.score(all rows of a set), 25 calls", per(tb / brows, "scorecard"), rate(brows / tb, " scorecards") + ", results as lists");
    if ((*ct)["batch_arrays_seconds"].is_number()) {
        const double ta = (*ct)["batch_arrays_seconds"].to_number<double>();
        line("Python: Sheet.score(all rows of a set, arrays=True), 25 calls", per(ta / brows, "scorecard"),
             rate(brows / ta, " scorecards") + fmt(", %.0fx faster than one call per scorecard", tc / ta));
    }
    line("Python: Sheet.score(one row), one call per scorecard", per(tc / brows, "scorecard"),
         fmt("batch is %.0fx faster; ", tc / tb) + verdict(tc / tb, 20, true) + " (target 20x)");
    line("Python: Catalog.score(JSON), one call per scorecard", per(tj / nj, "scorecard"),
         fmt("batch is %.0fx faster (with explanations; ", (tj / nj) / (tb / brows)) + fmt("%.0f scorecards)", nj));
    line("Python batch (lists) vs C++ batch + councils (same rows)", fmt("%.1fx", tb / ours_seconds), "slower: building a Python object per result");
    const bool same = (*ct)["totals_sum"].to_number<std::int64_t>() == ours.totals_sum() &&
                      (*ct)["per_call_totals_sum"].to_number<std::int64_t>() == ours.totals_sum() &&
                      (!(*ct)["arrays_totals_sum"].is_number() || (*ct)["arrays_totals_sum"].to_number<std::int64_t>() == ours.totals_sum());
    line("  check: Python batch and per-call totals = ours", same ? "yes" : "NO", json::serialize(*ct));
}
#else
void ctypes_lines(const std::string&, const std::string&, const batch_run&, double, double, bool) {
    line("Python bindings", "not measured", "the C API target (ocop_c) was not built");
}
#endif

void baselines(const workload& base, int repeats, bool quick) {
    heading("Baselines on the same data (" + std::to_string(base.products()) + " products x 9 x 2 = " + std::to_string(base.scorecards()) +
            " scorecards; totals, council means, bands)");
    batch_run ours(base);
    auto ours_t = measure(
        [&] {
            ours.score(base);
            ours.councils(base);
        },
        repeats, 0.1);
    const double brows = static_cast<double>(base.scorecards());
    line("ours: C++ batch + councils", per(ours_t.best / brows, "scorecard"), rate(brows / ours_t.best, " scorecards"));
    {
        // What every contender must at least do: read the bytes once.
        auto m = memory_limit(base, repeats);
        line("memory read of the same rows (sum)", per(m.read / brows, "scorecard"), fmt("ours / read = %.1fx", ours_t.best / m.read));
    }
    const best_baseline sql = sql_lines(base, ours, ours_t.best, quick);
    temp_dir dir;
    write_rows(base, dir.path);
    const best_baseline python = python_lines(dir.path, ours, ours_t.best, brows, quick);
    best_line("SQL", sql, ours_t.best, brows);
    best_line("pure Python", python, ours_t.best, brows);
    ctypes_lines(dir.path, base.ed->id, ours, ours_t.best, brows, quick);
}

// ---- main -----------------------------------------------------------------------------------

/// "Batch scoring vs the memory-read limit": the CI smoke figure, the limits that hold on any
/// machine (main memory and in cache, widest vectors, outputs counted), the national figures.
national_batch batch_section(const workload& national, double generated_in, bool quick) {
    const workload smoke = make_workload(*national.ed, smoke_products, 9, 2);
    heading("Batch scoring vs the memory-read limit (same bytes)");
    std::printf("  A row is one scorecard: one level index (byte) per criterion, %.1f bytes on average.\n\n",
                static_cast<double>(national.bytes()) / static_cast<double>(national.scorecards()));
    in_cache_ratio(smoke, quick);
    machine_limits(smoke, national, quick ? std::size_t{256} << 20 : std::size_t{1} << 30, quick);
    national_batch nat = national_batch_figures(national, generated_in, quick ? 3 : 7);
    check_against_rich_api(national, nat.ours, quick ? 7 : 97);
    capi_batch(national, nat, quick ? 3 : 7);
    return nat;
}

/// What to run: everything, or one part (--workflow, --batch, --baselines, --scale).
enum class part { all, workflow, batch, baselines, scale };

int run(bool quick, part only) {
    std::printf("# ocop performance%s\n", quick ? " (--quick: reduced sizes, not the reference figures)" : "");
    describe_machine();
    if (only == part::workflow) {
        workflow(quick ? 500 : 5000, quick ? 1 : 3, quick ? 0 : 100000);
        return 0;
    }
    if (only == part::scale) {
        scale_table(quick);
        return 0;
    }
    const ocop::edition& ed = ocop::embedded_catalog().get("1048-781");
    const int repeats = quick ? 3 : 7;
    if (only == part::batch) {
        auto t0 = now();
        const workload national = make_workload(ed, quick ? 2000 : 20000, 9, 2);
        batch_section(national, seconds_since(t0), quick);
        return 0;
    }
    const workload base = make_workload(ed, quick ? 500 : 2000, 9, 2, 7);
    if (only == part::baselines) {
        baselines(base, repeats, quick);
        return 0;
    }
    embedded_catalog_ready(quick ? 3 : 9);

    auto t0 = now();
    const workload national = make_workload(ed, quick ? 2000 : 20000, 9, 2);
    const double generated_in = seconds_since(t0);

    rich_api(national);

    national_batch nat = batch_section(national, generated_in, quick);
    national_end_to_end(national, nat, repeats);

    workflow(quick ? 500 : 5000, quick ? 1 : 3, quick ? 0 : 100000);
    baselines(base, repeats, quick);
    std::printf("\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        bool quick = false;
        part only = part::all;
        for (int i = 1; i < argc; ++i) {
            if (std::strcmp(argv[i], "--catalog-ready-child") == 0) return catalog_ready_child();
            if (std::strcmp(argv[i], "--catalog-parse-child") == 0) return catalog_parse_child();
            if (std::strcmp(argv[i], "--scale-child") == 0 && i + 1 < argc) return scale_child(std::strtoull(argv[i + 1], nullptr, 10));
            if (std::strcmp(argv[i], "--registry-rss") == 0 && i + 1 < argc) return registry_rss(std::stoul(argv[i + 1]));
            if (std::strcmp(argv[i], "--quick") == 0) quick = true;
            if (std::strcmp(argv[i], "--workflow") == 0) only = part::workflow;  // the workflow and log figures alone
            if (std::strcmp(argv[i], "--batch") == 0) only = part::batch;  // the batch figures alone
            if (std::strcmp(argv[i], "--baselines") == 0) only = part::baselines;  // the baselines alone
            if (std::strcmp(argv[i], "--scale") == 0) only = part::scale;  // how cost grows, 1k to 1M dossiers
        }
        const int status = run(quick, only);
        if (!failed_checks().empty()) {
            std::fprintf(stderr, "ocop_bench: %zu check(s) FAILED (a baseline or kernel did not compute what ours computes):\n", failed_checks().size());
            for (const auto& f : failed_checks()) std::fprintf(stderr, "  %s\n", f.c_str());
            return 1;
        }
        return status;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ocop_bench: %s\n", e.what());
        return 1;
    }
}
