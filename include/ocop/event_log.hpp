#pragma once
/// @file event_log.hpp
/// The append-only, hash-chained event log ("nhật ký sự kiện"). Each entry holds the canonical JSON
/// of one event and the SHA-256 of the entry before it, so an edited, deleted, reordered or
/// (given the head hash the host keeps) truncated log is detected, with the place where it breaks.
///
/// Canonical form: Boost.JSON's serialize() of an object whose keys are inserted in a fixed order
/// (no whitespace; strings as UTF-8 with JSON escapes). An event is {"type","dossier","actor",
/// "role","at","payload","reason"}, its payload members in declaration order (workflow.hpp).
/// Entry i's hash is the lower-case hex SHA-256 (OpenSSL libcrypto) of the canonical
/// {"index":i,"prev":<hash of entry i-1, or 64 zeros>,"event":<event>}. Export writes one line per
/// entry: the canonical {"index","prev","event","hash"} followed by "\n".
///
/// Hashed once: the log counts its leading entries whose hash this process computed from their bytes
/// (append, registry::apply) or checked (registry::replay, adopting the entries of a log it verified),
/// hashed_here(). They cannot have changed since: the log has no way to edit an entry. verify() hashes
/// every entry all the same (it is the tamper check); registry::replay hashes only the entries after
/// them, so a log read from outside (import_jsonl) is hashed in full, and a log this process wrote is
/// checked by its stored hashes.

#include <array>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/detail/paged_vector.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/workflow.hpp"

namespace ocop {

class registry;

/// Lower-case hex SHA-256 of `bytes` (OpenSSL libcrypto: the algorithm fetched once per process, one
/// context per thread). Throws error(errc::io) if libcrypto fails.
std::string sha256_hex(std::string_view bytes);

/// One entry of the log, as event_log::entries() gives it. `event` is the event's canonical JSON
/// text, kept as stored (so that an edited entry can still be read and reported);
/// `parse_event(entry.event)` gives the event back. The log itself stores its entries compactly
/// (the event text and a 32-byte binary hash; "prev" is the entry before it's hash) and makes a
/// log_entry when one is asked for.
struct log_entry {
    std::uint64_t index = 0;
    std::string prev;
    std::string event;
    std::string hash;
};

/// What verify() found.
enum class log_fault {
    intact,         ///< every entry verifies (and the head matches, when given)
    edited,         ///< an entry's content does not match its own hash
    deleted,        ///< an entry is missing: the indices jump
    reordered,      ///< entries are out of order (or one is repeated)
    chain_broken,   ///< an entry's "prev" is not the hash of the entry before it (replaced and re-hashed)
    truncated,      ///< the log ends before the head the host kept: entries were removed from the end
    extended,       ///< the log goes on past the head the host kept
};
BOOST_DESCRIBE_ENUM(log_fault, intact, edited, deleted, reordered, chain_broken, truncated, extended)

struct log_verification {
    bool ok = true;
    log_fault fault = log_fault::intact;
    std::optional<std::uint64_t> first_bad;  ///< position (0-based line) of the first bad entry
    std::string message;
};
BOOST_DESCRIBE_STRUCT(log_verification, (), (ok, fault, first_bad, message))

class log_entries;

/// The log. Copyable value type; not synchronised (one writer, or copies per reader).
class event_log {
public:
    /// The "prev" of the first entry: 64 zeros.
    static const std::string& genesis();
    /// An empty log that continues a chain kept elsewhere (a store holding entries 0..next_index-1
    /// with `head` the hash of the last): its first append gets index `next_index` and prev `head`,
    /// verify() checks its entries from there. Lets a host append without loading the whole log.
    static event_log resume(std::uint64_t next_index, std::string head);
    /// A log that keeps only the end of its chain: like resume(), but an append hashes the entry and
    /// moves the head and the next index on without holding the entry (size() stays 0, entries() empty,
    /// first_index() is the next entry's index). For a host that stores every entry itself (the campaign
    /// store), so that the log neither copies nor codes the event texts. drop_last() undoes the last
    /// append only.
    static event_log chain_only(std::uint64_t next_index, std::string head);

    /// Appends the canonical JSON of `e`. Does not check the event against the procedure: use
    /// registry::apply for that (replay refuses a log whose events break the rules).
    /// Returns the entry written. Strong guarantee. Complexity: O(size of the event).
    log_entry append(const event& e);
    /// Removes the last entry (used to undo an append whose state change failed). noexcept.
    void drop_last() noexcept;

    /// The entries held, as log_entry values made on access (a view: valid while the log lives and
    /// is not changed).
    log_entries entries() const noexcept;
    /// The entries held (from first_index()).
    std::size_t size() const noexcept { return entries_.size(); }
    /// The index of the first entry held: 0, or resume()'s next_index.
    std::uint64_t first_index() const noexcept { return first_index_; }
    /// The index the next append gives its entry, for either kind of log: first_index() + size() for
    /// a log that holds its entries, the chain's end for a chain_only() one. After an append,
    /// next_index() - 1 is the appended entry's index.
    std::uint64_t next_index() const noexcept { return chain_only_ ? first_index_ : first_index_ + entries_.size(); }
    /// The hash of the last entry, or genesis() for an empty log (resume()'s head for a resumed one).
    /// Keep it outside the log to detect truncation.
    std::string head() const;

    /// Checks the chain, and against `expected_head` when given. Reports the first fault only.
    /// A malformed `expected_head` is the caller's error (check_head_form), not a fault of the log.
    /// Complexity: O(total size).
    log_verification verify(std::optional<std::string_view> expected_head = std::nullopt) const;
    /// verify(), and when it finds a fault, throws error(errc::tampered) with the verification's
    /// message at path "/<first bad line>" (what replay and the tools report for a tampered log).
    void verify_or_throw(std::optional<std::string_view> expected_head = std::nullopt) const;
    /// How many of the first entries this process hashed from their bytes (append) or checked
    /// (registry::replay), each following the chain: registry::replay does not hash them again.
    /// 0 for a log from import_jsonl; a copy keeps the count, a move leaves 0 behind.
    std::size_t hashed_here() const noexcept { return hashed_here_.n; }

    /// JSON lines, one canonical entry per line; import_jsonl(export_jsonl()) round-trips byte for byte.
    std::string export_jsonl() const;
    /// Reads JSON lines as export_jsonl() writes them. Checks the shape of every line (path "/<line>")
    /// and that it is in canonical form; does not verify the chain (call verify()).
    /// Throws error(errc::invalid_json or errc::invalid_document).
    static event_log import_jsonl(std::string_view text);

    /// The canonical line of one entry (without the newline).
    static std::string line(const log_entry& entry);
    /// The hash an entry must carry: SHA-256 of canonical {"index","prev","event"}.
    /// `event` is the event's canonical JSON text (log_entry::event).
    static std::string entry_hash(std::uint64_t index, std::string_view prev, std::string_view event);

private:
    friend class registry;
    friend class log_entries;
    using digest = std::array<unsigned char, 32>;
    /// One entry as stored: its hash in binary, where its coded event text starts (chunks_); it
    /// ends where the next entry's starts, or at the end of its chunk. Its index is first_index_
    /// plus its position, unless it was imported with another one (odd_index_).
    struct stored_entry {
        digest hash{};
        std::uint32_t chunk = 0;
        std::uint32_t offset = 0;
    };
    /// An entry of a log whose chain check_chain_or_throw() accepted (registry::replay).
    struct entry_ref {
        const event_log* log;
        std::size_t at;
    };

    /// The event text of the entry at position `at`, decoded in a buffer the thread reuses: valid
    /// until the next call on this thread.
    std::string_view event_text(std::size_t at) const;
    /// The event text as stored (detail/log_text_codec.hpp).
    std::string_view stored_text(std::size_t at) const noexcept;
    std::uint64_t index_of(std::size_t at) const;
    /// The "prev" of the entry at position `at`: the hash of the entry before it (written in
    /// `buffer`), or base_head_, unless the entry was imported with another one (odd_prev_).
    std::string_view prev_hex(std::size_t at, char (&buffer)[64]) const;
    log_entry entry_at(std::size_t at) const;
    /// Whether an entry with this "prev" appended now continues the chain.
    bool follows_chain(const digest& prev) const;
    /// Stores an entry (`stored`: its coded event text); `prev` is compared with the chain to
    /// record an odd one. Strong guarantee.
    void push(std::uint64_t index, std::string_view prev, std::string_view stored, const digest& hash);
    /// Same, for a `prev` given in binary.
    void push(std::uint64_t index, const digest& prev, std::string_view stored, const digest& hash);
    /// Stores an entry whose "prev" continues the chain. Strong guarantee.
    void store(std::uint64_t index, std::string_view stored, const digest& hash);
    /// append() without making the log_entry it returns (registry::apply).
    void record(const event& e);
    /// The same, given the event's canonical JSON (canonical_json(e)).
    void record_canonical(std::string_view text);
    /// Appends a copy of an entry whose chain was checked (registry::replay: the entry is not
    /// serialised and hashed again), counted in hashed_here() when it follows the entries counted.
    void adopt(const entry_ref& verified);
    /// verify_or_throw() for replay: the entries counted in hashed_here() are not hashed again (their
    /// stored hashes form the chain), the others are, from the first one not counted.
    void check_chain_or_throw(std::optional<std::string_view> expected_head) const;
    /// verify() from position `start`, every entry before it taken as verified.
    log_verification verify_from(std::size_t start, std::optional<std::string_view> expected_head) const;
    /// Counts the last entry in hashed_here() when the ones before it are and it follows the chain.
    void count_if_hashed_here() noexcept;

    detail::paged_vector<stored_entry> entries_;
    /// The event texts, in chunks that are filled and never moved (no doubling of one buffer).
    std::vector<std::string> chunks_;
    /// Positions whose "prev" is not the hash of the entry before them (a log imported broken).
    std::map<std::size_t, std::string> odd_prev_;
    /// Positions whose index is not first_index_ plus the position (a log imported broken).
    std::map<std::size_t, std::uint64_t> odd_index_;
    std::uint64_t first_index_ = 0;
    std::string base_head_ = genesis();
    /// chain_only(): entries are hashed, not held; undo_head_ is the head before the last append.
    bool chain_only_ = false;
    std::string undo_head_;
    /// A count that a move leaves at 0, as it leaves the moved-from log without entries.
    struct entry_count {
        std::size_t n = 0;
        entry_count() = default;
        entry_count(const entry_count&) = default;
        entry_count& operator=(const entry_count&) = default;
        entry_count(entry_count&& o) noexcept : n(std::exchange(o.n, 0)) {}
        entry_count& operator=(entry_count&& o) noexcept {
            n = std::exchange(o.n, 0);
            return *this;
        }
    };
    entry_count hashed_here_;
};

/// The entries of a log, each made as a log_entry on access: size(), operator[], front(), back()
/// and a range over them (`for (const log_entry& e : log.entries())`).
class log_entries {
public:
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = log_entry;
        using difference_type = std::ptrdiff_t;
        using reference = log_entry;
        using pointer = void;
        iterator() = default;
        log_entry operator*() const { return log_->entry_at(at_); }
        iterator& operator++() {
            ++at_;
            return *this;
        }
        iterator operator++(int) {
            iterator old = *this;
            ++at_;
            return old;
        }
        bool operator==(const iterator& o) const noexcept { return at_ == o.at_; }

    private:
        friend class log_entries;
        iterator(const event_log* log, std::size_t at) : log_(log), at_(at) {}
        const event_log* log_ = nullptr;
        std::size_t at_ = 0;
    };

    std::size_t size() const noexcept { return log_->entries_.size(); }
    bool empty() const noexcept { return log_->entries_.empty(); }
    log_entry operator[](std::size_t at) const { return log_->entry_at(at); }
    log_entry front() const { return log_->entry_at(0); }
    log_entry back() const { return log_->entry_at(size() - 1); }
    iterator begin() const noexcept { return {log_, 0}; }
    iterator end() const noexcept { return {log_, size()}; }

private:
    friend class event_log;
    explicit log_entries(const event_log& log) : log_(&log) {}
    const event_log* log_;
};

inline log_entries event_log::entries() const noexcept { return log_entries(*this); }

/// Throws error(errc::invalid_document) naming what is wrong ("ending in a newline", "upper-case
/// digits") unless `head` has the form of an entry's hash: 64 lower-case hex digits.
void check_head_form(std::string_view head);

}  // namespace ocop
