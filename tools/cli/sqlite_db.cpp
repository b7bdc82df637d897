#include "sqlite_db.hpp"

#include <cstdlib>
#include <filesystem>

#include <sqlite3.h>

#include "ocop/error.hpp"

namespace ocop::cli {

namespace {

/// How long a writer waits for another one (ms): OCOP_STORE_BUSY_TIMEOUT_MS, default 10 s.
int busy_timeout_ms() {
    const char* v = std::getenv("OCOP_STORE_BUSY_TIMEOUT_MS");
    if (!v || !*v) return 10000;
    char* end = nullptr;
    long ms = std::strtol(v, &end, 10);
    return *end == '\0' && ms >= 0 && ms <= 3600000 ? static_cast<int>(ms) : 10000;
}

}  // namespace

void throw_sqlite(sqlite3* db, int rc, const std::string& what) {
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw error(errc::io, "", what + ": the campaign is being written by another process (waited " +
                                          std::to_string(busy_timeout_ms() / 1000.0).substr(0, 4) + " s); nothing was written, try again");
        case SQLITE_FULL:
            throw error(errc::io, "", what + ": the disk is full (" + detail + "); nothing of this transaction was written");
        case SQLITE_IOERR:
            throw error(errc::io, "", what + ": input/output error (" + detail + "); nothing of this transaction was written");
        case SQLITE_INTERRUPT:
            throw error(errc::io, "", what + ": interrupted; nothing of this transaction was written");
        case SQLITE_READONLY:
            throw error(errc::io, "", what + ": the campaign cannot be written (" + detail + ")");
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            throw error(errc::tampered, "", what + ": the database file is damaged or not a campaign store (" + detail + ")");
        case SQLITE_CANTOPEN: throw error(errc::io, "", what + ": cannot open (" + detail + ")");
        default: throw error(errc::io, "", what + ": " + detail);
    }
}

sqlite_statement::sqlite_statement(sqlite3* db, std::string_view sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db, rc, "prepare " + std::string(sql.substr(0, 40)));
}

sqlite_statement::~sqlite_statement() { sqlite3_finalize(stmt_); }

sqlite_statement& sqlite_statement::bind(int i, std::int64_t v) {
    int rc = sqlite3_bind_int64(stmt_, i, v);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, "bind");
    return *this;
}

namespace {

int bind_text(sqlite3_stmt* stmt, int i, std::string_view text, sqlite3_destructor_type ownership) {
    return sqlite3_bind_text64(stmt, i, text.data(), text.size(), ownership, SQLITE_UTF8);
}

}  // namespace

sqlite_statement& sqlite_statement::bind(int i, std::string_view text) {
    if (int rc = bind_text(stmt_, i, text, SQLITE_TRANSIENT); rc != SQLITE_OK) throw_sqlite(db_, rc, "bind");
    return *this;
}

sqlite_statement& sqlite_statement::bind_unowned(int i, std::string_view text) {
    if (int rc = bind_text(stmt_, i, text, SQLITE_STATIC); rc != SQLITE_OK) throw_sqlite(db_, rc, "bind");
    return *this;
}

bool sqlite_statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    throw_sqlite(db_, rc, "write");
}

void sqlite_statement::run() {
    step();
    reset();
}

void sqlite_statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t sqlite_statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view sqlite_statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}

bool sqlite_statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

namespace {

sqlite3* open_raw(const std::string& uri, int flags, int& rc) {
    sqlite3* db = nullptr;
    rc = sqlite3_open_v2(uri.c_str(), &db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(db, busy_timeout_ms());
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);  // forces the read
    if (rc != SQLITE_OK) {
        sqlite3_close(db);
        return nullptr;
    }
    return db;
}

std::string file_uri(const std::string& path, const char* query) {
    std::string uri = "file:";
    for (char c : std::filesystem::absolute(path).string()) {
        if (c == '?' || c == '#' || c == '%') {
            static constexpr char hex[] = "0123456789ABCDEF";
            uri += '%';
            uri += hex[(static_cast<unsigned char>(c) >> 4) & 0xf];
            uri += hex[static_cast<unsigned char>(c) & 0xf];
        } else {
            uri += c;
        }
    }
    return uri + query;
}

}  // namespace

sqlite_connection::sqlite_connection(const std::string& path, access mode) : path_(path) {
    int rc = SQLITE_OK;
    if (mode == access::read_only) {
        db_ = open_raw(file_uri(path, "?mode=ro"), SQLITE_OPEN_READONLY, rc);
        std::error_code ec;
        if (!db_ && !std::filesystem::exists(path + "-wal", ec))
            db_ = open_raw(file_uri(path, "?mode=ro&immutable=1"), SQLITE_OPEN_READONLY, rc);
    } else {
        int flags = SQLITE_OPEN_READWRITE | (mode == access::create ? SQLITE_OPEN_CREATE : 0);
        db_ = open_raw(file_uri(path, ""), flags, rc);
    }
    if (!db_) throw_sqlite(nullptr, rc, "open " + path);
}

sqlite_connection::~sqlite_connection() { sqlite3_close(db_); }

void sqlite_connection::exec(const char* sql, const std::string& what) {
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, what);
}

std::optional<std::int64_t> sqlite_connection::scalar(const char* sql) {
    sqlite_statement s(db_, sql);
    if (!s.step() || s.is_null(0)) return std::nullopt;
    return s.integer(0);
}

sqlite_transaction::sqlite_transaction(sqlite_connection& db, const char* begin) : db_(db) { db.exec(begin, "begin a transaction"); }

sqlite_transaction::~sqlite_transaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);  // fails harmlessly if SQLite already rolled back
}

void sqlite_transaction::commit() {
    db_.exec("COMMIT", "commit");
    open_ = false;
}

}  // namespace ocop::cli
