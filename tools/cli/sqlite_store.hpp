#pragma once
// A campaign kept on disk in one SQLite database, DIR/campaign.sqlite (docs/cli.md, "The campaign
// store"): the campaign, the hash-chained log entries (index, prev, canonical event JSON, hash),
// the head, and a snapshot of every dossier's state written in the same transaction as the
// entries it follows. WAL journal, synchronous=FULL: a commit is on disk when it returns.
//
// Opening reads the head and the snapshot rows it needs and verifies the end of the chain (the
// last entry against its hash, its link to the one before, and the head row); it never replays.
// verify() replays every entry from the first and compares the result with the snapshot.

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ocop/registry.hpp"

namespace ocop::cli {

class sqlite_connection;
class sqlite_statement;

/// What happened to one event of a batch.
struct event_outcome {
    enum class kind { applied, already_applied, refused, not_attempted } what = kind::not_attempted;
    event_type type{};    ///< the event's type and dossier (attempted events), for the report
    std::string dossier;
    std::uint64_t index = 0;            ///< the entry's index (applied, already_applied)
    std::vector<std::string> warnings;  ///< raised by the event (applied)
    std::optional<ocop::error> refusal;
};

/// A batch given one event at a time, so that a long batch is not held in memory whole: reads the
/// next event into its first argument (reused from one event to the next); false after the last.
/// `canonical` receives the event's canonical JSON when the stream has it already (a line that is
/// canonical text; valid until the next call), else empty: append() then makes it (canonical_json).
/// After a refused event append() reads the rest without applying them, so that a stream can still
/// throw for a later event it cannot read, before anything is committed.
using event_stream = std::function<bool(event&, std::string_view& canonical)>;

/// The result of append(): one outcome per event attempted (up to the first refused one), and
/// whether the batch was committed.
struct batch_result {
    std::vector<event_outcome> outcomes;
    bool committed = false;  ///< false: nothing of the batch is in the store
    std::size_t applied() const;
};

/// How append() treats a batch.
struct batch_options {
    /// false (default): a refused event rolls back the whole batch; true: the events before the
    /// first refused one are committed.
    bool up_to_first_refusal = false;
    /// Skip an event whose canonical bytes are already in the log (reported as already_applied).
    bool skip_applied = true;
    /// Asked between events and before the commit: true abandons the batch (nothing committed).
    std::function<bool()> interrupted;
};

struct store_summary {
    campaign plan;
    std::uint64_t events = 0;
    std::string head;
    std::vector<std::pair<std::string, std::int64_t>> dossiers_by_phase;
};

class sqlite_store {
public:
    static constexpr const char* file_name = "campaign.sqlite";

    /// Creates DIR (absent or an empty directory; anything else is refused, naming what is there)
    /// holding `c` and an empty log.
    static void create(const std::string& dir, const campaign& c);
    /// Creates DIR/campaign.sqlite in a directory the caller has prepared (prepare_empty_directory)
    /// holding `c` and `events`, applied as one batch (nothing skipped); returns the new head.
    /// Built as DIR/.campaign.sqlite.partial and renamed when complete.
    static std::string create_in(const std::string& dir, const campaign& c, const std::vector<event>& events);
    /// Opens DIR/campaign.sqlite read-only (never writes) and verifies the end of the chain.
    static sqlite_store open_read_only(const std::string& dir);
    /// Opens it for writing; append() takes the write lock.
    static sqlite_store open_for_writing(const std::string& dir);
    ~sqlite_store();
    sqlite_store(sqlite_store&&) noexcept;

    store_summary summary();
    /// One dossier's state from the snapshot (its row's hash checked), or nullopt.
    std::optional<dossier_state> dossier(const std::string& id);
    /// A registry holding every dossier of the snapshot (for reports); its log is empty, resumed at the head.
    registry snapshot();

    /// Applies `events` in one transaction (BEGIN IMMEDIATE: one writer at a time, waiting up to the
    /// busy timeout). An event whose canonical bytes are already in the log is skipped as
    /// already_applied. Errors other than a refused event (I/O, disk full, busy) throw: nothing of the
    /// batch is then in the store.
    batch_result append(const std::vector<event>& events, const batch_options& options);
    /// The same for events read one at a time (the outcomes end at the first refused event).
    batch_result append(const event_stream& events, const batch_options& options);

    /// Replays every entry from the first and compares the result with the snapshot and the head
    /// row, and with `external_head` when given. Throws error(errc::tampered) at the first fault.
    /// Returns the number of entries verified.
    std::uint64_t verify(const std::optional<std::string>& external_head);
    /// The head as kept in the store (verified against the last entry).
    std::string head();
    /// Writes every entry as export_jsonl() does, one line each, to `out`. Returns the count.
    std::uint64_t export_jsonl(std::ostream& out);
    /// Calls `f` with every entry's event in log order, each entry's chain checked as export_jsonl()
    /// does. Returns the count.
    std::uint64_t for_each_event(const std::function<void(const event&)>& f);
    /// The campaign the store holds.
    const campaign& plan() const noexcept { return plan_; }

private:
    explicit sqlite_store(std::unique_ptr<sqlite_connection> db);
    /// Calls `f` with every entry row (idx, prev, event, hash) and its parsed event JSON, in order,
    /// after checking the row continues the chain; at the end, checks the head row.
    std::uint64_t for_each_checked_row(const std::function<void(sqlite_statement&, const boost::json::value&)>& f);
    std::unique_ptr<sqlite_connection> db_;
    campaign plan_;
};

/// The store's path in DIR.
std::string store_path(const std::string& dir);

}  // namespace ocop::cli
