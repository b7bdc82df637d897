#pragma once
// Reading and writing the rows of a campaign store (sqlite_schema.hpp) with their integrity
// checks: the head against the last entry, a snapshot row against its state's hash.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/workflow.hpp"

namespace ocop::cli {

class sqlite_connection;
class sqlite_statement;

struct head_row {
    std::uint64_t events = 0;
    std::string hash;
};

head_row read_head_row(sqlite_connection& db);

/// Throws error(errc::tampered) at path "/<index>" with `message`.
[[noreturn]] void throw_tampered(std::uint64_t index, const std::string& message);

/// Checks one row of `SELECT idx, prev, event, hash FROM entries` against the chain so far: its
/// index is `expected`, its event is canonical JSON, its hash recomputes, its prev is `prev`.
/// Returns the event; throws error(errc::tampered) naming the entry.
boost::json::value checked_entry(sqlite_statement& row, std::uint64_t expected, std::string_view prev);

/// What opening checks, in O(1) whatever the log's length: the head row names the last entry
/// (entries 0..events-1 end there: no entry past it), that entry's hash recomputes from its
/// index, prev and event, and its prev is the hash of the entry before it.
/// Throws error(errc::tampered) naming the entry.
void verify_chain_end(sqlite_connection& db, const head_row& head);

/// The canonical JSON of a state as the snapshot keeps it.
std::string state_text(const dossier_state& s);
/// The dossier's snapshot row, its state_sha checked (errc::tampered), or nullopt.
std::optional<dossier_state> read_dossier_row(sqlite_connection& db, const std::string& id);
/// The same with `query`, prepared once from dossier_row_query for many ids (reset after each).
inline constexpr const char* dossier_row_query = "SELECT state, state_sha FROM dossiers WHERE id = ?1";
std::optional<dossier_state> read_dossier_row(sqlite_statement& query, const std::string& id);
/// Every snapshot row, each checked.
std::map<std::string, dossier_state, std::less<>> read_all_dossier_rows(sqlite_connection& db);
/// Binds and runs `upsert` (INSERT OR REPLACE INTO dossiers (id, phase, at_index, state, state_sha)).
void write_dossier_row(sqlite_statement& upsert, const dossier_state& s, std::uint64_t at_index);

}  // namespace ocop::cli
