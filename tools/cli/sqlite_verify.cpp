// The full check of a campaign store (`ocop campaign verify`) and its JSONL export: both read every
// entry in order, in one read transaction.

#include <ostream>

#include <boost/json/serialize.hpp>

#include "ocop/json.hpp"
#include "ocop/workflow_json.hpp"
#include "sqlite_db.hpp"
#include "sqlite_store.hpp"
#include "store_rows.hpp"

namespace ocop::cli {

namespace {

/// Compares the replayed states with the snapshot rows, both in id order.
void compare_snapshot(sqlite_connection& db, const registry& replayed) {
    sqlite_statement s(db.handle(), "SELECT id, state FROM dossiers ORDER BY id");
    auto it = replayed.dossiers().begin();
    for (; s.step(); ++it) {
        if (it == replayed.dossiers().end() || it->first > s.text(0))
            throw error(errc::tampered, "", "the snapshot holds dossier " + std::string(s.text(0)) + ", which no entry registers");
        if (it->first < s.text(0)) throw error(errc::tampered, "", "the snapshot lacks dossier " + it->first);
        if (state_text(it->second) != s.text(1))
            throw error(errc::tampered, "", "the snapshot of dossier " + it->first + " differs from the replay of its events");
    }
    if (it != replayed.dossiers().end()) throw error(errc::tampered, "", "the snapshot lacks dossier " + it->first);
}

}  // namespace

std::uint64_t sqlite_store::verify(const std::optional<std::string>& external_head) {
    registry replayed({}, plan_);
    sqlite_statement rows(db_->handle(), "SELECT idx, prev, event, hash FROM entries ORDER BY idx");
    std::uint64_t n = 0;
    std::string prev = event_log::genesis();
    bool external_seen = external_head && *external_head == prev;
    for (; rows.step(); ++n) {
        const boost::json::value event = checked_entry(rows, n, prev);
        const std::string path = "/" + std::to_string(n) + "/event";
        const ocop::event parsed = event_from_json(event, path);  // its problems already carry `path`
        with_path_prefix(path, [&] { replayed.apply(parsed); });
        prev = std::string(rows.text(3));
        if (replayed.log().entries().back().hash != prev)
            throw error(errc::invalid_document, path, "the event is not in canonical form, so replay cannot reproduce its entry");
        replayed.release_log();
        external_seen = external_seen || (external_head && *external_head == prev);
    }
    head_row h = read_head_row(*db_);
    if (h.events != n || h.hash != prev)
        throw_tampered(n, "the head row (" + std::to_string(h.events) + " entries, " + h.hash + ") is not the end of the log (" +
                        std::to_string(n) + " entries, " + prev + ")");
    if (external_head && *external_head != prev)
        throw_tampered(n, external_seen ? "the log goes on past the head you kept: entries were added after it"
                                  : "the log does not contain the head you kept (" + *external_head +
                                        "): entries were removed from the end, or the log was rewritten");
    compare_snapshot(*db_, replayed);
    return n;
}

std::uint64_t sqlite_store::for_each_checked_row(const std::function<void(sqlite_statement&, const boost::json::value&)>& f) {
    sqlite_statement rows(db_->handle(), "SELECT idx, prev, event, hash FROM entries ORDER BY idx");
    std::uint64_t n = 0;
    std::string prev = event_log::genesis();
    for (; rows.step(); ++n) {
        f(rows, checked_entry(rows, n, prev));
        prev = std::string(rows.text(3));
    }
    head_row h = read_head_row(*db_);
    if (h.events != n || h.hash != prev) throw_tampered(n, "the head row is not the end of the log");
    return n;
}

std::uint64_t sqlite_store::export_jsonl(std::ostream& out) {
    return for_each_checked_row([&](sqlite_statement& row, const boost::json::value&) {
        out << event_log::line({static_cast<std::uint64_t>(row.integer(0)), std::string(row.text(1)), std::string(row.text(2)),
                                std::string(row.text(3))})
            << '\n';
    });
}

std::uint64_t sqlite_store::for_each_event(const std::function<void(const event&)>& f) {
    return for_each_checked_row([&](sqlite_statement& row, const boost::json::value& event) {
        f(event_from_json(event, "/" + std::to_string(row.integer(0)) + "/event"));
    });
}

}  // namespace ocop::cli
