#include "sqlite_store.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include <boost/json/serialize.hpp>

#include "ocop/campaign_json.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/json.hpp"
#include "ocop/workflow_json.hpp"
#include "output_dir.hpp"
#include "sqlite_db.hpp"
#include "sqlite_schema.hpp"
#include "store_rows.hpp"

namespace ocop::cli {

namespace fs = std::filesystem;

std::string store_path(const std::string& dir) { return (fs::path(dir) / sqlite_store::file_name).string(); }

std::size_t batch_result::applied() const {
    std::size_t n = 0;
    for (const auto& o : outcomes) n += o.what == event_outcome::kind::applied;
    return n;
}

namespace {

/// The store's version (store_version, or store_version_1 which is read as it is); throws
/// errc::invalid_document when the file is not a campaign store of either.
std::string check_format(sqlite_connection& db) {
    std::optional<std::string> format, version;
    try {
        sqlite_statement s(db.handle(), "SELECT key, value FROM store_info");
        while (s.step()) {
            if (s.text(0) == "format") format = std::string(s.text(1));
            if (s.text(0) == "version") version = std::string(s.text(1));
        }
    } catch (const error&) {
        format.reset();
    }
    if (format != store_format || (version != store_version && version != store_version_1))
        throw error(errc::invalid_document, "", db.path() + " is not an ocop campaign store of version " + store_version);
    return *version;
}

/// Version 1 to 2: the index entries_by_event rebuilt on the first 16 hex digits of event_sha (the
/// tables are the same). One transaction, taken as a writer; another writer may have done it first.
void upgrade_from_version_1(sqlite_connection& db) {
    sqlite_transaction tx(db, "BEGIN IMMEDIATE");
    if (check_format(db) != store_version_1) return;
    const std::string what = "upgrade " + db.path() + " to version " + store_version;
    db.exec("DROP INDEX entries_by_event", what);
    db.exec(applied_event_index, what);
    sqlite_statement version(db.handle(), "UPDATE store_info SET value = ?1 WHERE key = 'version'");
    version.bind(1, std::string_view(store_version)).run();
    tx.commit();
}

campaign read_campaign(sqlite_connection& db) {
    sqlite_statement s(db.handle(), "SELECT json FROM campaign WHERE id = 1");
    if (!s.step()) throw error(errc::tampered, "", db.path() + ": the campaign row is missing");
    return load_campaign(s.text(0));
}

/// Applies each event unless it is already in the log; records the outcome. The event's canonical JSON
/// is made once, for the duplicate check, the entry row and the log's hash (registry::apply_canonical);
/// the registry's log holds no entry (event_log::chain_only): they are in the store.
struct batch_writer {
    batch_writer(sqlite_connection& connection, registry& state) : db(connection), r(state), last_hash(state.log().head()) {}
    sqlite_connection& db;
    registry& r;
    std::string last_hash;  ///< the hash of the last entry: the next one's "prev"
    sqlite_statement state_query{db.handle(), dossier_row_query};  // prepared once for every id
    std::set<std::string, std::less<>> looked_up;                   ///< dossiers whose snapshot row was read (or is absent)
    sqlite_statement find{db.handle(), applied_event_query};
    sqlite_statement insert{db.handle(), "INSERT INTO entries (idx, prev, event, hash, event_sha) VALUES (?1, ?2, ?3, ?4, ?5)"};
    std::map<std::string, std::uint64_t> changed;  ///< dossier -> index of the last entry that changed it

    /// `canonical`: the event's canonical JSON when the caller has it, else empty (made here).
    bool apply(const event& e, std::string_view canonical, const batch_options& options, event_outcome& out) {
        out.type = e.type();
        out.dossier = e.dossier;
        std::string made;
        if (canonical.empty()) made = canonical_json(e);
        const std::string_view text = canonical.empty() ? std::string_view(made) : canonical;
        const std::string sha = sha256_hex(text);
        if (options.skip_applied) {
            find.bind_unowned(1, std::string_view(sha).substr(0, 16)).bind_unowned(2, text);
            const bool found = find.step();
            const auto index = found ? find.integer(0) : 0;
            find.reset();
            if (found) {
                out.what = event_outcome::kind::already_applied;
                out.index = static_cast<std::uint64_t>(index);
                return true;
            }
        }
        load_states(e);
        try {
            r.apply_canonical(e, text);
        } catch (const error& refused) {
            out.what = event_outcome::kind::refused;
            out.refusal = refused;
            return false;
        }
        const std::uint64_t index = r.log().next_index() - 1;  // the entry just appended
        std::string hash = r.log().head();
        insert.bind(1, static_cast<std::int64_t>(index)).bind_unowned(2, last_hash).bind_unowned(3, text).bind_unowned(4, hash);
        insert.bind_unowned(5, sha).run();
        last_hash = std::move(hash);
        out.what = event_outcome::kind::applied;
        out.index = index;
        out.warnings = r.last_warnings();
        changed[e.dossier] = index;
        return true;
    }

    /// The states of the dossiers `e` touches (its own, and the previous cycle a registration renews)
    /// from the snapshot into the registry, each row checked (errc::tampered) the first time.
    void load_states(const event& e) {
        load_state(e.dossier);
        if (const auto* reg = std::get_if<registered_payload>(&e.payload); reg && reg->previous_cycle) load_state(*reg->previous_cycle);
    }

    void load_state(const std::string& id) {
        if (looked_up.contains(id)) return;
        if (auto s = read_dossier_row(state_query, id)) r.resume_dossier(std::move(*s));
        looked_up.insert(id);
    }

    void write_snapshot() {
        sqlite_statement upsert(db.handle(), "INSERT OR REPLACE INTO dossiers (id, phase, at_index, state, state_sha) VALUES (?1, ?2, ?3, ?4, ?5)");
        for (const auto& [id, at] : changed) write_dossier_row(upsert, *r.find(id), at);
        sqlite_statement head(db.handle(), "UPDATE head SET events = ?1, hash = ?2 WHERE id = 1");
        head.bind(1, static_cast<std::int64_t>(r.log().next_index())).bind(2, r.log().head()).run();
    }
};

/// OCOP_STORE_MAX_PAGES (tests only, docs/testing.md): caps the database's size in pages, so that a
/// test can fill "the disk" (SQLITE_FULL) where mounting a small file system is not allowed.
void limit_pages_for_tests(sqlite_connection& db) {
    const char* pages = std::getenv("OCOP_STORE_MAX_PAGES");
    if (!pages || std::string_view(pages).find_first_not_of("0123456789") != std::string_view::npos || !*pages) return;
    db.exec(("PRAGMA max_page_count = " + std::string(pages)).c_str(), "limit the store's size");
}

/// A new store's pages are of 64 KiB, SQLite's largest: a commit writes each page it changed to the
/// WAL, and the checkpoint writes it again to the database, one system call each, so a batch of 100k
/// events made 142k system calls with pages of 4 KiB and makes 8k (docs/performance.md, "The
/// campaign store"). Set before the first table is made; a store keeps the page size it was made with.
constexpr const char* creation_pragmas = "PRAGMA page_size = 65536; PRAGMA journal_mode = WAL";

/// Durable commits (docs/cli.md, "Commits"), and a page cache of up to 32 MiB, which SQLite fills only
/// as a batch needs it: it holds the index entries_by_event of about a million events, whose random
/// keys would otherwise make a large batch write pages out and read them back for each event.
constexpr const char* writer_pragmas = "PRAGMA synchronous = FULL; PRAGMA cache_size = -32768";

[[noreturn]] void interrupted_before_commit() {
    throw error(errc::io, "", "interrupted before the commit: nothing of this batch was written");
}

}  // namespace

sqlite_store::sqlite_store(std::unique_ptr<sqlite_connection> db) : db_(std::move(db)) {}
sqlite_store::~sqlite_store() = default;
sqlite_store::sqlite_store(sqlite_store&&) noexcept = default;

void sqlite_store::create(const std::string& dir, const campaign& c) {
    prepare_empty_directory(dir);
    create_in(dir, c, {});
}

std::string sqlite_store::create_in(const std::string& dir, const campaign& c, const std::vector<event>& events) {
    const std::string partial = (fs::path(dir) / ".campaign.sqlite.partial").string();
    std::string head;
    {
        auto db = std::make_unique<sqlite_connection>(partial, sqlite_connection::access::create);
        db->exec(creation_pragmas, "set up " + partial);
        db->exec(writer_pragmas, "set up " + partial);
        {
            sqlite_transaction tx(*db, "BEGIN IMMEDIATE");
            db->exec(store_schema, "create the tables of " + partial);
            db->exec(applied_event_index, "create the tables of " + partial);
            sqlite_statement info(db->handle(), "INSERT INTO store_info (key, value) VALUES (?1, ?2)");
            info.bind(1, std::string_view("format")).bind(2, std::string_view(store_format)).run();
            info.bind(1, std::string_view("version")).bind(2, std::string_view(store_version)).run();
            sqlite_statement plan(db->handle(), "INSERT INTO campaign (id, json) VALUES (1, ?1)");
            plan.bind(1, boost::json::serialize(to_json(c))).run();
            sqlite_statement h(db->handle(), "INSERT INTO head (id, events, hash) VALUES (1, 0, ?1)");
            h.bind(1, event_log::genesis()).run();
            tx.commit();
        }
        sqlite_store store(std::move(db));
        store.plan_ = c;
        batch_result result = store.append(events, batch_options{false, false, {}});
        for (const auto& o : result.outcomes)
            if (o.refusal) throw *o.refusal;
        head = store.head();
    }  // closing checkpoints the WAL into the file and removes -wal and -shm
    std::error_code ec;
    fs::rename(partial, store_path(dir), ec);
    if (ec) throw error(errc::io, "", "cannot rename " + partial + ": " + ec.message());
    return head;
}

sqlite_store sqlite_store::open_read_only(const std::string& dir) {
    if (!fs::exists(store_path(dir)))
        throw error(errc::not_found, "", dir + " holds no campaign store (" + sqlite_store::file_name + "; run `ocop campaign init " + dir +
                                             "` or `ocop campaign import " + dir + " OLD_DIR`)");
    auto db = std::make_unique<sqlite_connection>(store_path(dir), sqlite_connection::access::read_only);
    db->exec("BEGIN", "begin a read transaction");  // one consistent snapshot for the command's lifetime
    check_format(*db);
    sqlite_store store(std::move(db));
    store.plan_ = read_campaign(*store.db_);
    verify_chain_end(*store.db_, read_head_row(*store.db_));
    return store;
}

sqlite_store sqlite_store::open_for_writing(const std::string& dir) {
    if (!fs::exists(store_path(dir))) open_read_only(dir);  // throws the not_found message
    auto db = std::make_unique<sqlite_connection>(store_path(dir), sqlite_connection::access::read_write);
    db->exec(writer_pragmas, "set up " + db->path());
    limit_pages_for_tests(*db);
    if (check_format(*db) == store_version_1) upgrade_from_version_1(*db);
    sqlite_store store(std::move(db));
    store.plan_ = read_campaign(*store.db_);
    return store;
}

store_summary sqlite_store::summary() {
    store_summary out;
    out.plan = plan_;
    head_row h = read_head_row(*db_);
    out.events = h.events;
    out.head = h.hash;
    sqlite_statement s(db_->handle(), "SELECT phase, count(*) FROM dossiers GROUP BY phase ORDER BY phase");
    while (s.step()) out.dossiers_by_phase.emplace_back(std::string(s.text(0)), s.integer(1));
    return out;
}

std::optional<dossier_state> sqlite_store::dossier(const std::string& id) { return read_dossier_row(*db_, id); }

registry sqlite_store::snapshot() {
    head_row h = read_head_row(*db_);
    return registry::resume({}, plan_, read_all_dossier_rows(*db_), event_log::resume(h.events, h.hash));
}

std::string sqlite_store::head() {
    head_row h = read_head_row(*db_);
    verify_chain_end(*db_, h);
    return h.hash;
}

batch_result sqlite_store::append(const std::vector<event>& events, const batch_options& options) {
    return append(
        [&events, at = std::size_t{0}](event& e, std::string_view&) mutable {
            if (at == events.size()) return false;
            e = events[at++];
            return true;
        },
        options);
}

batch_result sqlite_store::append(const event_stream& events, const batch_options& options) {
    sqlite_transaction tx(*db_, "BEGIN IMMEDIATE");  // waits for another writer up to the busy timeout
    head_row h = read_head_row(*db_);
    verify_chain_end(*db_, h);
    registry r = registry::resume({}, plan_, {}, event_log::chain_only(h.events, h.hash));  // states loaded as events come
    batch_writer writer(*db_, r);
    batch_result out;
    bool refused = false;
    event e;  // reused: its strings keep their capacity from one event to the next
    std::string_view canonical;
    while (!refused) {
        if (options.interrupted && options.interrupted()) interrupted_before_commit();
        canonical = {};
        if (!events(e, canonical)) break;
        refused = !writer.apply(e, canonical, options, out.outcomes.emplace_back());
    }
    if (refused)  // the rest read, not applied: a later unreadable event or edited snapshot row still refuses the batch
        while (events(e, canonical)) writer.load_states(e);
    if (refused && !options.up_to_first_refusal) return out;  // the transaction rolls back
    writer.write_snapshot();
    if (options.interrupted && options.interrupted()) interrupted_before_commit();
    tx.commit();
    out.committed = true;
    return out;
}

}  // namespace ocop::cli
