// The hash-chained event log: append, verify, export and import as JSON lines.

#include "ocop/event_log.hpp"

#include <algorithm>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>

#include "ocop/detail/canonical_text.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/detail/log_line_scan.hpp"
#include "ocop/detail/log_text_codec.hpp"
#include "ocop/detail/sha256.hpp"
#include "ocop/error.hpp"
#include "ocop/event_log_json.hpp"
#include "ocop/workflow_json.hpp"

namespace ocop {

namespace json = boost::json;

std::string sha256_hex(std::string_view bytes) { return detail::to_hex(detail::sha256(bytes)); }

const std::string& event_log::genesis() {
    static const std::string zeros(64, '0');
    return zeros;
}

event_log event_log::resume(std::uint64_t next_index, std::string head) {
    event_log log;
    log.first_index_ = next_index;
    log.base_head_ = std::move(head);
    return log;
}

event_log event_log::chain_only(std::uint64_t next_index, std::string head) {
    event_log log = resume(next_index, std::move(head));
    log.chain_only_ = true;
    return log;
}

namespace {

/// Appends the canonical {"index":i,"prev":...,"event":... without its closing brace: the bytes
/// Boost.JSON's serialize() gives for an object built in that key order, without building one.
void append_entry_prefix(std::string& out, std::uint64_t index, std::string_view prev, std::string_view event) {
    out += "{\"index\":";
    detail::append_json_integer(out, static_cast<std::int64_t>(index));
    out += ",\"prev\":";
    detail::append_json_string(out, prev);
    out += ",\"event\":";
    out += event;
}

/// The SHA-256 an entry must carry, the hashed bytes assembled in a buffer reused by the thread.
detail::sha256_digest entry_digest(std::uint64_t index, std::string_view prev, std::string_view event) {
    thread_local std::string bytes;
    bytes.clear();
    append_entry_prefix(bytes, index, prev, event);
    bytes += '}';
    return detail::sha256(bytes);
}

}  // namespace

std::string event_log::entry_hash(std::uint64_t index, std::string_view prev, std::string_view event) {
    return detail::to_hex(entry_digest(index, prev, event));
}

std::string event_log::line(const log_entry& entry) {
    std::string out;
    out.reserve(entry.event.size() + entry.prev.size() + entry.hash.size() + 48);
    append_entry_prefix(out, entry.index, entry.prev, entry.event);
    out += ",\"hash\":";
    detail::append_json_string(out, entry.hash);
    out += '}';
    return out;
}

namespace {

constexpr std::size_t chunk_bytes = 64 * 1024;

}  // namespace

std::string_view event_log::stored_text(std::size_t at) const noexcept {
    const stored_entry& e = entries_[at];
    const std::string& chunk = chunks_[e.chunk];
    const bool next_in_chunk = at + 1 < entries_.size() && entries_[at + 1].chunk == e.chunk;
    const std::size_t end = next_in_chunk ? entries_[at + 1].offset : chunk.size();
    return std::string_view(chunk).substr(e.offset, end - e.offset);
}

std::string_view event_log::event_text(std::size_t at) const {
    thread_local std::string text;
    text.clear();
    detail::decode_event_text(text, stored_text(at));
    return text;
}

std::uint64_t event_log::index_of(std::size_t at) const {
    if (!odd_index_.empty())
        if (auto it = odd_index_.find(at); it != odd_index_.end()) return it->second;
    return first_index_ + at;
}

namespace {

/// `text` coded as the log stores it, in a buffer the thread reuses.
std::string_view coded(std::string_view text) {
    thread_local std::string out;
    out.clear();
    detail::encode_event_text(out, text);
    return out;
}

}  // namespace

/// The "prev" of the entry at `at`, written in `buffer` when it is the hash of the entry before.
std::string_view event_log::prev_hex(std::size_t at, char (&buffer)[64]) const {
    if (!odd_prev_.empty())
        if (auto it = odd_prev_.find(at); it != odd_prev_.end()) return it->second;
    if (at == 0) return base_head_;
    detail::write_hex(entries_[at - 1].hash, buffer);
    return std::string_view(buffer, 64);
}

std::string event_log::head() const {
    return entries_.empty() ? base_head_ : detail::to_hex(entries_.back().hash);
}

log_entry event_log::entry_at(std::size_t at) const {
    char prev[64];
    return log_entry{index_of(at), std::string(prev_hex(at, prev)), std::string(event_text(at)),
                     detail::to_hex(entries_[at].hash)};
}

bool event_log::follows_chain(const digest& prev) const {
    if (!entries_.empty()) return prev == entries_.back().hash;
    char hex[64];
    detail::write_hex(prev, hex);
    return base_head_ == std::string_view(hex, 64);
}

void event_log::push(std::uint64_t index, std::string_view prev, std::string_view stored, const digest& hash) {
    digest binary{};
    if (detail::from_hex(prev, binary) && follows_chain(binary)) return push(index, binary, stored, hash);
    if (entries_.empty() && prev == base_head_) return store(index, stored, hash);  // a resumed head that is not a hash
    const std::size_t at = entries_.size();
    odd_prev_.insert_or_assign(at, std::string(prev));
    try {
        store(index, stored, hash);
    } catch (...) {
        odd_prev_.erase(at);
        throw;
    }
}

void event_log::push(std::uint64_t index, const digest& prev, std::string_view stored, const digest& hash) {
    if (follows_chain(prev)) return store(index, stored, hash);
    char hex[64];
    detail::write_hex(prev, hex);
    push(index, std::string_view(hex, 64), stored, hash);
}

void event_log::store(std::uint64_t index, std::string_view event, const digest& hash) {
    if (event.size() > UINT32_MAX) throw error(errc::invalid_document, "", "an event of more than 4 GB cannot be logged");
    const std::size_t at = entries_.size();
    const bool odd_index = index != first_index_ + at;
    if (odd_index) odd_index_.insert_or_assign(at, index);
    const bool new_chunk = chunks_.empty() || chunks_.back().capacity() - chunks_.back().size() < event.size();
    try {
        if (new_chunk) {
            chunks_.emplace_back();
            try {
                chunks_.back().reserve(std::max(chunk_bytes, event.size()));
            } catch (...) {
                chunks_.pop_back();
                throw;
            }
        }
        try {
            entries_.push_back(stored_entry{hash, static_cast<std::uint32_t>(chunks_.size() - 1),
                                            static_cast<std::uint32_t>(chunks_.back().size())});
        } catch (...) {
            if (new_chunk) chunks_.pop_back();
            throw;
        }
    } catch (...) {
        if (odd_index) odd_index_.erase(at);
        throw;
    }
    std::string& chunk = chunks_.back();
    chunk.append(event);  // within its capacity: does not throw
}

void event_log::record(const event& e) { record_canonical(canonical_json(e)); }

void event_log::record_canonical(std::string_view text) {
    if (chain_only_) {
        std::string next = detail::to_hex(entry_digest(first_index_, base_head_, text));
        undo_head_ = std::move(base_head_);
        base_head_ = std::move(next);
        ++first_index_;
        return;
    }
    char prev[64];
    const std::string_view p = prev_hex(entries_.size(), prev);
    const auto index = first_index_ + entries_.size();
    const digest hash = entry_digest(index, p, text);
    store(index, coded(text), hash);
    count_if_hashed_here();
}

void event_log::count_if_hashed_here() noexcept {
    const std::size_t at = entries_.size() - 1;
    if (hashed_here_.n == at && !odd_prev_.contains(at) && !odd_index_.contains(at)) hashed_here_.n = at + 1;
}

log_entry event_log::append(const event& e) {
    if (chain_only_) {  // the entry is not held: made from what the append computed
        const std::string text = canonical_json(e);
        record_canonical(text);
        return log_entry{first_index_ - 1, undo_head_, text, base_head_};
    }
    record(e);
    return entry_at(entries_.size() - 1);
}

void event_log::adopt(const entry_ref& verified) {
    const event_log& from = *verified.log;
    const stored_entry& e = from.entries_[verified.at];
    const std::uint64_t index = from.index_of(verified.at);
    if (verified.at > 0 && !from.odd_prev_.contains(verified.at)) {
        push(index, from.entries_[verified.at - 1].hash, from.stored_text(verified.at), e.hash);
    } else {
        char prev[64];
        push(index, from.prev_hex(verified.at, prev), from.stored_text(verified.at), e.hash);
    }
    count_if_hashed_here();
}

namespace {

bool is_hex64(std::string_view s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

void check_head_form(std::string_view head) {
    if (is_hex64(head)) return;
    std::string why = std::to_string(head.size()) + " characters";
    if (head.ends_with('\n')) why += " ending in a newline";
    else if (std::any_of(head.begin(), head.end(), [](char c) { return c >= 'A' && c <= 'F'; })) why += " with upper-case digits";
    else why += " that are not all 0-9 and a-f";
    throw error(errc::invalid_document, "",
                "malformed head: expected the 64 lower-case hex digits of an entry's hash, found " + why +
                    " (this is not a fault of the log)");
}

void event_log::drop_last() noexcept {
    if (chain_only_ && !undo_head_.empty()) {
        base_head_ = std::move(undo_head_);
        undo_head_.clear();
        --first_index_;
        return;
    }
    if (entries_.empty()) return;
    const stored_entry e = entries_.back();
    entries_.pop_back();
    odd_prev_.erase(entries_.size());
    odd_index_.erase(entries_.size());
    hashed_here_.n = std::min(hashed_here_.n, entries_.size());
    chunks_[e.chunk].resize(e.offset);
    if (chunks_[e.chunk].empty() && e.chunk + 1 == chunks_.size()) chunks_.pop_back();
}

log_verification event_log::verify(std::optional<std::string_view> expected_head) const { return verify_from(0, expected_head); }

log_verification event_log::verify_from(std::size_t start, std::optional<std::string_view> expected_head) const {
    if (expected_head) check_head_form(*expected_head);
    auto bad = [](log_fault f, std::uint64_t at, std::string msg) { return log_verification{false, f, at, std::move(msg)}; };
    for (std::size_t i = start; i < entries_.size(); ++i) {
        const stored_entry& e = entries_[i];
        const auto pos = first_index_ + static_cast<std::uint64_t>(i);
        if (const std::uint64_t index = index_of(i); index != pos) {
            // A later entry carrying index i means entries were moved; none means one was deleted.
            bool later = false;
            for (std::size_t j = i + 1; j < entries_.size(); ++j) later = later || index_of(j) == pos;
            if (index < pos || later)
                return bad(log_fault::reordered, pos, "entry at line " + std::to_string(pos) + " carries index " + std::to_string(index) +
                                                          ": entries were reordered or repeated");
            return bad(log_fault::deleted, pos, "entry at line " + std::to_string(pos) + " carries index " + std::to_string(index) +
                                                    ": " + std::to_string(index - pos) + " entr" + (index - pos == 1 ? "y" : "ies") +
                                                    " before it were deleted");
        }
        char prev[64];
        const std::string_view p = prev_hex(i, prev);
        if (entry_digest(pos, p, event_text(i)) != e.hash)
            return bad(log_fault::edited, pos,
                       "entry " + std::to_string(pos) + " was edited: its content does not match its hash " + detail::to_hex(e.hash));
        if (odd_prev_.contains(i)) {
            const std::string expected_prev = i == 0 ? base_head_ : detail::to_hex(entries_[i - 1].hash);
            return bad(log_fault::chain_broken, pos, "entry " + std::to_string(pos) + " does not follow entry " +
                                                         (pos == 0 ? std::string("genesis") : std::to_string(pos - 1)) + ": its prev " +
                                                         std::string(p) + " is not " + expected_prev +
                                                         " (the entry before it was replaced and re-hashed, or this one was)");
        }
    }
    if (expected_head && *expected_head != head()) {
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (detail::equals_hex(entries_[i].hash, *expected_head))
                return bad(log_fault::extended, static_cast<std::uint64_t>(i + 1),
                           "the log goes on past the host's head (entry " + std::to_string(i) + "): " +
                               std::to_string(entries_.size() - i - 1) + " entries were added after it");
        return bad(log_fault::truncated, static_cast<std::uint64_t>(entries_.size()),
                   "the log ends at " + std::to_string(entries_.size()) + " entries with head " + head() + ", not the host's head " +
                       std::string(*expected_head) + ": entries were removed from the end (or the log was replaced)");
    }
    return {};
}

namespace {

void throw_if_tampered(const log_verification& v) {
    if (!v.ok) throw error(errc::tampered, "/" + std::to_string(v.first_bad.value_or(0)), v.message);
}

}  // namespace

void event_log::verify_or_throw(std::optional<std::string_view> expected_head) const { throw_if_tampered(verify(expected_head)); }

void event_log::check_chain_or_throw(std::optional<std::string_view> expected_head) const {
    // The entries counted were hashed here and follow the chain, each "prev" being the stored hash
    // of the entry before it (no odd prev or index among them: count_if_hashed_here).
    throw_if_tampered(verify_from(std::min(hashed_here_.n, entries_.size()), expected_head));
}

std::string event_log::export_jsonl() const {
    std::string out;
    std::size_t bytes = 0;
    for (const auto& chunk : chunks_) bytes += chunk.size();
    out.reserve(bytes + entries_.size() * 180);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        char hex[64];
        append_entry_prefix(out, index_of(i), prev_hex(i, hex), event_text(i));
        out += ",\"hash\":\"";
        detail::write_hex(entries_[i].hash, hex);
        out.append(hex, 64);
        out += "\"}\n";
    }
    return out;
}

namespace {

/// One line's entry, every problem in `p` (path "/<line>").
log_entry read_line(const json::value& v, const std::string& path, problem_list& p) {
    log_entry entry;
    detail::object_reader r(v, path, p);
    detail::read_member(r, "index", p, entry.index);
    detail::read_member(r, "prev", p, entry.prev);
    if (const json::value* ev = r.value("event")) {
        if (ev->is_object()) entry.event = json::serialize(*ev);
        else r.report("event", "expected an object, found " + std::string(detail::type_name(*ev)));
    }
    detail::read_member(r, "hash", p, entry.hash);
    if (!entry.prev.empty() && !is_hex64(entry.prev)) r.report("prev", "expected 64 lower-case hex digits");
    if (!entry.hash.empty() && !is_hex64(entry.hash)) r.report("hash", "expected 64 lower-case hex digits");
    return entry;
}

/// True when `text` is exactly event_log::line(entry) (assembled in a buffer reused by the thread).
bool is_line_of(std::string_view text, const log_entry& entry) {
    thread_local std::string line;
    line.clear();
    append_entry_prefix(line, entry.index, entry.prev, entry.event);
    line += ",\"hash\":";
    detail::append_json_string(line, entry.hash);
    line += '}';
    return line == text;
}

/// The full reader of one line, for what the scanner left: parses it (problems in `p`), checks it is
/// canonical (problems in `noncanonical`), and returns the entry when it has neither.
std::optional<log_entry> read_full_line(std::string_view text_line, std::size_t n, problem_list& p, problem_list& noncanonical) {
    const std::string path = "/" + std::to_string(n);
    if (text_line.empty() || text_line == "\r") {
        noncanonical.add(path, "a blank line: not canonical (the log holds one entry a line, nothing else)");
        return std::nullopt;
    }
    // The parsed line lives in a buffer on the stack (spilling to the heap for a long line).
    unsigned char buffer[4096];
    json::monotonic_resource arena(buffer, sizeof buffer);
    log_entry entry;
    const std::size_t problems = p.size();
    try {
        entry = read_line(detail::parse_json(text_line, &arena), path, p);
    } catch (const error& e) {
        p.add(path, e.what());
        return std::nullopt;
    }
    if (p.size() != problems) return std::nullopt;
    if (p.empty() && !is_line_of(text_line, entry)) {
        noncanonical.add(path, std::string("not canonical: the bytes differ from the entry's canonical form (keys index, prev, "
                                           "event, hash in this order, no whitespace, lines ending in \\n") +
                                   (text_line.ends_with('\r') ? "; this line ends in \\r\\n)" : ")"));
        return std::nullopt;
    }
    return entry;
}

}  // namespace

event_log event_log::import_jsonl(std::string_view text) {
    event_log log;
    problem_list p;
    problem_list noncanonical;
    std::size_t start = 0, n = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            p.add("/" + std::to_string(n), "expected every line to end with a newline, the last one does not");
            break;
        }
        const std::string_view text_line = text.substr(start, end - start);
        start = end + 1;
        const bool keep = p.empty() && noncanonical.empty();  // else the import fails: only problems are collected
        detail::scanned_log_line scanned;
        if (detail::scan_log_line(text_line, scanned)) {
            if (keep) log.push(scanned.index, scanned.prev, coded(scanned.event), scanned.hash);
        } else if (auto entry = read_full_line(text_line, n, p, noncanonical); entry && keep) {
            digest hash{};
            if (detail::from_hex(entry->hash, hash)) log.push(entry->index, entry->prev, coded(entry->event), hash);
        }
        ++n;
    }
    p.throw_if_any(errc::invalid_document);
    // Every entry reads, but the bytes are not the ones the log wrote: changed after export.
    noncanonical.throw_if_any(errc::tampered);
    return log;
}

json::value to_json(const log_verification& v) { return detail::write_json(v); }

log_verification parse_log_verification(std::string_view json_text) { return detail::parse_described<log_verification>(json_text); }

}  // namespace ocop
