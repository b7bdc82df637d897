#include "store_rows.hpp"

#include <boost/json/serialize.hpp>

#include "ocop/enum_text.hpp"
#include "ocop/event_log.hpp"
#include "ocop/json.hpp"
#include "ocop/workflow_json.hpp"
#include "sqlite_db.hpp"

namespace ocop::cli {

head_row read_head_row(sqlite_connection& db) {
    sqlite_statement s(db.handle(), "SELECT events, hash FROM head WHERE id = 1");
    if (!s.step()) throw error(errc::tampered, "", db.path() + ": the head row is missing");
    return {static_cast<std::uint64_t>(s.integer(0)), std::string(s.text(1))};
}

void throw_tampered(std::uint64_t index, const std::string& message) {
    throw error(errc::tampered, "/" + std::to_string(index), message);
}

boost::json::value checked_entry(sqlite_statement& row, std::uint64_t expected, std::string_view prev) {
    const auto index = static_cast<std::uint64_t>(row.integer(0));
    if (index != expected)
        throw_tampered(expected, index > expected ? "entries " + std::to_string(expected) + " to " + std::to_string(index - 1) + " were deleted"
                                                  : "entry " + std::to_string(index) + " is out of order");
    boost::json::value event;
    try {
        event = parse_json(row.text(2));
    } catch (const error&) {
        throw_tampered(index, "entry " + std::to_string(index) + " was edited: its event is not JSON");
    }
    if (boost::json::serialize(event) != row.text(2) || event_log::entry_hash(index, row.text(1), row.text(2)) != row.text(3))
        throw_tampered(index, "entry " + std::to_string(index) + " was edited: its content does not match its hash " + std::string(row.text(3)));
    if (row.text(1) != prev)
        throw_tampered(index, "entry " + std::to_string(index) + " does not follow entry " +
                                  (index == 0 ? std::string("genesis") : std::to_string(index - 1)) + ": its prev is not that entry's hash");
    return event;
}

void verify_chain_end(sqlite_connection& db, const head_row& head) {
    const auto last = db.scalar("SELECT max(idx) FROM entries");
    if (head.events == 0) {
        if (last) throw_tampered(0, "the head row says the log is empty, yet it holds entries up to " + std::to_string(*last));
        if (head.hash != event_log::genesis()) throw_tampered(0, "the head row of an empty log is not the genesis hash");
        return;
    }
    const std::uint64_t end = head.events - 1;
    if (!last || static_cast<std::uint64_t>(*last) != end)
        throw_tampered(end, "the head row says the log ends at entry " + std::to_string(end) + ", the entries table ends at " +
                                (last ? std::to_string(*last) : std::string("none")) + ": entries were removed or added");
    sqlite_statement s(db.handle(), "SELECT idx, prev, event, hash FROM entries WHERE idx >= ?1 ORDER BY idx");
    s.bind(1, static_cast<std::int64_t>(end > 0 ? end - 1 : 0));
    std::string prev = event_log::genesis();
    if (end > 0) {
        if (!s.step() || static_cast<std::uint64_t>(s.integer(0)) != end - 1) throw_tampered(end - 1, "entry " + std::to_string(end - 1) + " was deleted");
        prev = std::string(s.text(3));
    }
    if (!s.step()) throw_tampered(end, "entry " + std::to_string(end) + " was deleted");
    checked_entry(s, end, prev);
    if (s.text(3) != head.hash)
        throw_tampered(end, "the head row " + head.hash + " is not the hash of the last entry " + std::string(s.text(3)));
}

std::string state_text(const dossier_state& s) { return canonical_json(s); }

namespace {

dossier_state checked_state(std::string_view id, std::string_view text, std::string_view sha) {
    if (sha256_hex(text) != sha)
        throw error(errc::tampered, "", "the snapshot row of dossier " + std::string(id) + " was edited: its state does not match its hash");
    return parse_state(text);
}

}  // namespace

std::optional<dossier_state> read_dossier_row(sqlite_connection& db, const std::string& id) {
    sqlite_statement s(db.handle(), dossier_row_query);
    return read_dossier_row(s, id);
}

std::optional<dossier_state> read_dossier_row(sqlite_statement& query, const std::string& id) {
    query.bind(1, id);
    std::optional<dossier_state> out;
    if (query.step()) out = checked_state(id, query.text(0), query.text(1));
    query.reset();
    return out;
}

std::map<std::string, dossier_state, std::less<>> read_all_dossier_rows(sqlite_connection& db) {
    std::map<std::string, dossier_state, std::less<>> out;
    sqlite_statement s(db.handle(), "SELECT id, state, state_sha FROM dossiers ORDER BY id");
    while (s.step()) out.emplace_hint(out.end(), std::string(s.text(0)), checked_state(s.text(0), s.text(1), s.text(2)));
    return out;
}

void write_dossier_row(sqlite_statement& upsert, const dossier_state& s, std::uint64_t at_index) {
    const std::string text = state_text(s);
    upsert.bind(1, s.dossier.id)
        .bind(2, to_string(s.phase))
        .bind(3, static_cast<std::int64_t>(at_index))
        .bind(4, text)
        .bind(5, sha256_hex(text))
        .run();
}

}  // namespace ocop::cli
