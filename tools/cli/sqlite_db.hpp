#pragma once
// A thin RAII layer over the SQLite C API for the campaign store: a connection, prepared
// statements, and SQLite's result codes turned into ocop::error with a message that says what
// really happened (disk full, I/O error, locked by another writer, interrupted).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ocop::cli {

/// What a failed SQLite call means for the user, with `what` naming the operation ("commit", ...).
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, const std::string& what);

class sqlite_statement {
public:
    sqlite_statement(sqlite3* db, std::string_view sql);
    ~sqlite_statement();
    sqlite_statement(const sqlite_statement&) = delete;
    sqlite_statement& operator=(const sqlite_statement&) = delete;

    /// Binds parameter `i` (1-based). Text is copied by SQLite (SQLITE_TRANSIENT).
    sqlite_statement& bind(int i, std::int64_t v);
    sqlite_statement& bind(int i, std::string_view text);
    /// The same without the copy (SQLITE_STATIC): `text` must stay alive and unchanged until the
    /// statement is reset (run() or reset()). For the per-event statements of a batch.
    sqlite_statement& bind_unowned(int i, std::string_view text);
    /// Steps once: true when a row is available.
    bool step();
    /// Steps a statement that returns no row, then resets it for the next use.
    void run();
    void reset();
    std::int64_t integer(int column) const;
    std::string_view text(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class sqlite_connection {
public:
    enum class access { read_only, read_write, create };
    /// Opens `path`. read_only uses SQLITE_OPEN_READONLY; when the shared-memory file (-shm) cannot
    /// be created (a read-only directory or medium) and no -wal file exists, it reopens the file as
    /// immutable: nobody can be writing it, since a writer would have to create the -wal there.
    sqlite_connection(const std::string& path, access mode);
    ~sqlite_connection();
    sqlite_connection(const sqlite_connection&) = delete;
    sqlite_connection& operator=(const sqlite_connection&) = delete;

    void exec(const char* sql, const std::string& what);
    /// The first column of the first row of `sql` as an integer (nullopt: no row or NULL).
    std::optional<std::int64_t> scalar(const char* sql);
    sqlite3* handle() const noexcept { return db_; }
    const std::string& path() const noexcept { return path_; }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

/// A transaction rolled back on destruction unless commit() succeeded.
class sqlite_transaction {
public:
    /// `begin`: "BEGIN" (deferred: a read snapshot) or "BEGIN IMMEDIATE" (takes the write lock now).
    sqlite_transaction(sqlite_connection& db, const char* begin);
    ~sqlite_transaction();
    sqlite_transaction(const sqlite_transaction&) = delete;
    sqlite_transaction& operator=(const sqlite_transaction&) = delete;
    void commit();

private:
    sqlite_connection& db_;
    bool open_ = true;
};

}  // namespace ocop::cli
