#pragma once
// The SQL baselines (docs/performance.md, "Fair baselines"): the benchmark's rows in SQLite (in
// memory, no journal), in the two schemas a designer would write, each with the query a DBA would
// write for the totals, the council means and their bands:
//   long  one row per (product, round, member, criterion) holding the points entered; the totals by
//         GROUP BY member, then the council by GROUP BY product and round (how OCOP web systems
//         keep scores today; the first baseline of issue 7).
//   wide  one table per product set (its sheet), one row per scorecard, one column per criterion
//         (0 where a criterion does not apply); the total is the sum of the columns, the council a
//         GROUP BY product and round (issue 17: what a schema designer would write, and faster).
// Both tables have the natural primary key, so GROUP BY walks the index instead of sorting. SQL
// applies none of the rules (knock-outs, caps): each query's councils are checked against ours on
// every council without a knocked-out member, and its sum of totals against the answered points.

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "checks.hpp"
#include "harness.hpp"
#include "report.hpp"
#include "workload.hpp"

namespace ocop_bench {

/// Ours per council (product, round), index product * rounds + round, in global product order:
/// what a baseline must give.
struct council_reference {
    std::vector<std::int64_t> totals;       ///< the sum of the members' totals
    std::vector<std::int8_t> stars;         ///< the council's stars (0 when knocked out)
    std::vector<std::uint8_t> knocked_out;  ///< 1 when a member's scorecard was knocked out
    std::int64_t answered_points = 0;       ///< the points of every answered criterion of every row
};

/// One council as a query returns it.
struct sql_council {
    std::int64_t product = 0;
    int round = 0;
    std::int64_t totals = 0;  ///< SUM of the members' totals
    int stars = 0;
};

struct sql_figures {
    double insert = 0;  ///< seconds to load the rows (not counted)
    double query = 0;   ///< seconds for every query, best of the repeats
    std::size_t rows = 0;
    std::vector<sql_council> councils;  ///< the queries' result, read once after the timing
};

namespace detail {

inline void sql_check(int rc, sqlite3* db, const std::string& what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error("SQLite, " + what + ": " + sqlite3_errmsg(db));
}

inline void sql_exec(sqlite3* db, const std::string& sql) { sql_check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, sql); }

/// An SQL identifier for `name` (a criterion id such as "1.2"): double-quoted, quotes doubled.
inline std::string sql_name(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

/// The edition's bands on the mean as a DBA writes them: CASE WHEN AVG(total) >= 90 THEN 5 ...
inline std::string band_case(const ocop::edition& ed) {
    std::vector<ocop::star_band> bands = ed.star_bands;
    std::sort(bands.begin(), bands.end(), [](const auto& a, const auto& b) { return a.from > b.from; });
    std::string sql = "CASE";
    for (std::size_t i = 0; i + 1 < bands.size(); ++i)
        sql += " WHEN AVG(total) >= " + std::to_string(bands[i].from) + " THEN " + std::to_string(bands[i].stars);
    return sql + " ELSE " + std::to_string(bands.back().stars) + " END";
}

inline std::string council_query(const ocop::edition& ed, const std::string& totals) {
    return "WITH totals AS (" + totals + ") SELECT product, round, SUM(total), " + band_case(ed) + " FROM totals GROUP BY product, round";
}

struct statement_deleter {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using statement = std::unique_ptr<sqlite3_stmt, statement_deleter>;

inline statement prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    sql_check(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), db, "prepare " + sql.substr(0, 60));
    return statement(s);
}

/// (product, round, member) of row `row` of block `b`.
struct row_key {
    sqlite3_int64 product;
    int round, member;
};
inline row_key key_of(const workload& w, const set_block& b, std::size_t row) {
    return {static_cast<sqlite3_int64>(b.first_product + row / static_cast<std::size_t>(w.members * w.rounds)),
            static_cast<int>(row / static_cast<std::size_t>(w.members)) % w.rounds, static_cast<int>(row % static_cast<std::size_t>(w.members))};
}

inline void step_done(sqlite3* db, sqlite3_stmt* s) {
    sql_check(sqlite3_step(s), db, "insert");
    sqlite3_reset(s);
}

/// The long schema, loaded: one row per answered criterion. Returns its query.
inline std::vector<std::string> load_long(sqlite3* db, const workload& w, std::size_t& rows) {
    sql_exec(db, "CREATE TABLE score(product INTEGER, round INTEGER, member INTEGER, criterion TEXT, points INTEGER,"
                 " PRIMARY KEY(product, round, member, criterion)) WITHOUT ROWID");
    statement ins = prepare(db, "INSERT INTO score VALUES(?,?,?,?,?)");
    for (const auto& b : w.blocks) {
        const std::size_t n = b.sheet.slots();
        for (std::size_t row = 0; row < w.rows_of(b); ++row) {
            const row_key k = key_of(w, b, row);
            for (std::size_t s = 0; s < n; ++s) {
                const std::uint8_t level = b.rows[row * n + s];
                if (level == ocop::no_answer) continue;
                sqlite3_bind_int64(ins.get(), 1, k.product);
                sqlite3_bind_int(ins.get(), 2, k.round);
                sqlite3_bind_int(ins.get(), 3, k.member);
                sqlite3_bind_text(ins.get(), 4, b.sheet.criterion_id(s).c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_int(ins.get(), 5, b.sheet.options(s)[level].points);
                step_done(db, ins.get());
                ++rows;
            }
        }
    }
    return {council_query(*w.ed, "SELECT product, round, member, SUM(points) AS total FROM score GROUP BY product, round, member")};
}

/// The wide schema, loaded: a table per set, a row per scorecard. Returns one query per table.
inline std::vector<std::string> load_wide(sqlite3* db, const workload& w, std::size_t& rows) {
    std::vector<std::string> queries;
    for (std::size_t i = 0; i < w.blocks.size(); ++i) {
        const auto& b = w.blocks[i];
        const std::size_t n = b.sheet.slots();
        const std::string table = "sheet_" + std::to_string(i);
        std::string columns, sum, marks = "?,?,?";
        for (std::size_t s = 0; s < n; ++s) {
            columns += ", " + sql_name(b.sheet.criterion_id(s)) + " INTEGER NOT NULL DEFAULT 0";
            sum += (s ? " + " : "") + sql_name(b.sheet.criterion_id(s));
            marks += ",?";
        }
        sql_exec(db, "CREATE TABLE " + table + "(product INTEGER, round INTEGER, member INTEGER" + columns +
                         ", PRIMARY KEY(product, round, member)) WITHOUT ROWID");
        statement ins = prepare(db, "INSERT INTO " + table + " VALUES(" + marks + ")");
        for (std::size_t row = 0; row < w.rows_of(b); ++row, ++rows) {
            const row_key k = key_of(w, b, row);
            sqlite3_bind_int64(ins.get(), 1, k.product);
            sqlite3_bind_int(ins.get(), 2, k.round);
            sqlite3_bind_int(ins.get(), 3, k.member);
            for (std::size_t s = 0; s < n; ++s) {
                const std::uint8_t level = b.rows[row * n + s];
                sqlite3_bind_int(ins.get(), static_cast<int>(s) + 4, level == ocop::no_answer ? 0 : b.sheet.options(s)[level].points);
            }
            step_done(db, ins.get());
        }
        queries.push_back(council_query(*w.ed, "SELECT product, round, " + sum + " AS total FROM " + table));
    }
    return queries;
}

}  // namespace detail

enum class sql_schema { long_rows, wide_rows };

/// Loads the rows in `schema` (timed apart), then times its queries, reading every result row.
inline sql_figures sql_baseline(const workload& w, sql_schema schema, int repeats) {
    using namespace detail;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open(":memory:", &raw);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, sqlite3_close);
    sql_check(rc, raw, "open");
    sql_exec(raw, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF");
    sql_figures f;
    auto t0 = now();
    sql_exec(raw, "BEGIN");
    const std::vector<std::string> sql = schema == sql_schema::long_rows ? load_long(raw, w, f.rows) : load_wide(raw, w, f.rows);
    sql_exec(raw, "COMMIT");
    f.insert = seconds_since(t0);
    std::vector<statement> queries;
    for (const auto& q : sql) queries.push_back(prepare(raw, q));
    auto each_council = [&](auto&& use) {
        for (const auto& q : queries) {
            int step;
            while ((step = sqlite3_step(q.get())) == SQLITE_ROW) use(q.get());
            sql_check(step, raw, "query");
            sqlite3_reset(q.get());
        }
    };
    f.query = measure_once(
                  [&] {
                      std::int64_t sum = 0;
                      each_council([&](sqlite3_stmt* q) { sum += sqlite3_column_int64(q, 2) + sqlite3_column_int(q, 3); });
                      keep(sum);
                  },
                  repeats)
                  .best;
    each_council([&](sqlite3_stmt* q) {
        f.councils.push_back({sqlite3_column_int64(q, 0), sqlite3_column_int(q, 1), sqlite3_column_int64(q, 2), sqlite3_column_int(q, 3)});
    });
    return f;
}

/// Whether the query's councils are ours: every council once; on every council without a knocked-out
/// member, the same sum of totals and the same stars; the sum of all totals = the answered points.
inline bool same_councils(const sql_figures& f, const council_reference& ours, int rounds, std::string& note) {
    std::vector<std::uint8_t> seen(ours.totals.size());
    std::size_t compared = 0, differ = 0, bad_keys = 0;
    std::int64_t all_totals = 0;
    for (const auto& c : f.councils) {
        const auto at = static_cast<std::size_t>(c.product * rounds + c.round);
        if (c.product < 0 || c.round < 0 || c.round >= rounds || at >= seen.size() || seen[at]++) {
            ++bad_keys;
            continue;
        }
        all_totals += c.totals;
        if (ours.knocked_out[at]) continue;
        ++compared;
        differ += c.totals != ours.totals[at] || c.stars != ours.stars[at];
    }
    const bool all_seen = std::find(seen.begin(), seen.end(), 0) == seen.end();
    note = std::to_string(compared) + " of " + std::to_string(seen.size()) + " councils compared (the others have a knocked-out member), " +
           std::to_string(differ) + " differ; sum of totals " + std::to_string(all_totals) + ", answered points " +
           std::to_string(ours.answered_points);
    return differ == 0 && bad_keys == 0 && all_seen && all_totals == ours.answered_points;
}

}  // namespace ocop_bench
