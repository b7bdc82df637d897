#include "store_rows.hpp"

#include <boost/json/serialize.hpp>

#include "ocop/enum_text.hpp"
#include "ocop/json.hpp"
#include "ocop/event_log.hpp"
#include "sqlite_db.hpp"

namespace ocop::cli {

head_row read_head_row(sqlite_connection& db) {
    sqlite_statement s(db.handle(), "SELECT events, hash FROM head WHERE id = 1");
    if (!s.step()) throw error(errc::tampered, "", db.path() + ": the head row is missing");
    return {static_cast<std::uint64_t>(s.integer(0)), std::string(s.text(1))};
}

namespace {

[[noreturn]] void tampered(std::uint64_t index, const std::string& message) {
    throw error(errc::tampered, "/" + std::to_string(index), message);
}

}  // namespace

void verify_chain_end(sqlite_connection& db, const head_row& head) {
    const auto last = db.scalar("SELECT max(idx) FROM entries");
    if (head.events == 0) {
        if (last) tampered(0, "the head row says the log is empty, yet it holds entries up to " + std::to_string(*last));
        if (head.hash != event_log::genesis()) tampered(0, "the head row of an empty log is not the genesis hash");
        return;
    }
    const std::uint64_t end = head.events - 1;
    if (!last || static_cast<std::uint64_t>(*last) != end)
        tampered(end, "the head row says the log ends at entry " + std::to_string(end) + ", the entries table ends at " +
                          (last ? std::to_string(*last) : std::string("none")) + ": entries were removed or added");
    sqlite_statement s(db.handle(), "SELECT idx, prev, event, hash FROM entries WHERE idx >= ?1 ORDER BY idx");
    s.bind(1, static_cast<std::int64_t>(end > 0 ? end - 1 : 0));
    std::string before;
    while (s.step()) {
        const auto index = static_cast<std::uint64_t>(s.integer(0));
        if (end > 0 && index == end - 1) {
            before = std::string(s.text(3));
            continue;
        }
        boost::json::value event;
        try {
            event = parse_json(s.text(2));
        } catch (const error&) {
            tampered(index, "entry " + std::to_string(index) + " was edited: its event is not JSON");
        }
        if (boost::json::serialize(event) != s.text(2))
            tampered(index, "entry " + std::to_string(index) + " was edited: its event is not in canonical form");
        if (event_log::entry_hash(index, s.text(1), event) != s.text(3))
            tampered(index, "entry " + std::to_string(index) + " was edited: its content does not match its hash");
        if (s.text(3) != head.hash)
            tampered(index, "the head row " + head.hash + " is not the hash of the last entry " + std::string(s.text(3)));
        if (end > 0 && s.text(1) != before)
            tampered(index, "entry " + std::to_string(index) + " does not follow entry " + std::to_string(end - 1) +
                                ": its prev is not that entry's hash (one of them was replaced)");
        if (end == 0 && s.text(1) != event_log::genesis()) tampered(0, "entry 0 does not follow genesis");
    }
}

std::string state_text(const dossier_state& s) { return boost::json::serialize(to_json(s)); }

namespace {

dossier_state checked_state(std::string_view id, std::string_view text, std::string_view sha) {
    if (sha256_hex(text) != sha)
        throw error(errc::tampered, "", "the snapshot row of dossier " + std::string(id) + " was edited: its state does not match its hash");
    return parse_state(text);
}

}  // namespace

std::optional<dossier_state> read_dossier_row(sqlite_connection& db, const std::string& id) {
    sqlite_statement s(db.handle(), "SELECT state, state_sha FROM dossiers WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return checked_state(id, s.text(0), s.text(1));
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

std::string entry_line(std::uint64_t index, std::string_view prev, std::string_view event_text, std::string_view hash) {
    std::string line = "{\"index\":" + std::to_string(index) + ",\"prev\":\"";
    line.append(prev).append("\",\"event\":").append(event_text).append(",\"hash\":\"").append(hash).append("\"}");
    return line;
}

}  // namespace ocop::cli
