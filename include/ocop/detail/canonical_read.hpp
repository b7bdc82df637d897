#pragma once
// Private: reads a described value from its canonical JSON text (canonical_text.hpp), accepting
// exactly the bytes append_canonical writes and the values read_json accepts (described_json.hpp:
// non-empty strings, integers in range, valid dates and enum names), and nothing else. It builds no
// JSON value and no path string: a refusal is a plain `false`, and the caller reads the text again
// with the full reader, which says where and what is wrong. Replay uses it for the events of a
// verified log (registry.cpp), reading each entry as the log keeps it in memory (coded_cursor: the
// schema's words, dates and timestamps coded, detail/log_text_codec.hpp) without decoding it first.
// tests/canonical_text_test.cpp checks that what it accepts is what the full reader reads and that
// appending it again gives the same bytes; tests/coded_read_test.cpp that the coded text reads as
// the decoded text does.

#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include "ocop/date.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/detail/log_text_codec.hpp"

namespace ocop {
struct event;
struct scorecard;
}

namespace ocop::detail {

/// Reads an event from its canonical text (canonical_json(event), workflow_json.hpp) into `out`:
/// true exactly when the text is the canonical JSON of an event that event_from_json reads, so that
/// canonical_json(out) == text. `at`, when given, receives the parsed out.at (read once: replay
/// passes it on to detail::apply_in_place).
bool read_canonical_event(std::string_view text, event& out, timestamp_parts* at = nullptr);
/// The same from an event's text as the log keeps it in memory (coded: detail/log_text_codec.hpp),
/// without decoding it: true exactly when the decoded text is one read_canonical_event accepts (and
/// `out` is then the event it reads), except that a string holding an escape is refused here (false:
/// decode and read the text instead). Replay reads a log's entries with it.
bool read_coded_event(std::string_view coded, event& out, timestamp_parts* at = nullptr);

/// A key of the event schema, `"name":`, with its code in the log's coding (detail/log_text_codec.hpp),
/// found once: the coded cursor compares one or two bytes. A key the dictionary does not hold (a
/// scorecard's) stays written out in coded text, as in canonical text.
class schema_key {
public:
    /// `key_name` must outlive the key (a string literal, a described member's name).
    explicit schema_key(std::string_view key_name);

    std::string_view name() const noexcept { return name_; }
    /// The code, empty when the key is written out.
    std::string_view code() const noexcept { return std::string_view(code_, code_size_); }

private:
    std::string_view name_;
    char code_[2] = {};
    std::size_t code_size_ = 0;
};

/// The key of a described member (Boost.Describe's descriptor `D`), made on first use.
template <class D>
const schema_key& described_key() {
    static const schema_key key(D::name);
    return key;
}

/// What the two cursors share: punctuation, numbers and the literals true, false and null, which
/// the log's coding leaves as they are.
class cursor_base {
public:
    cursor_base(const char* p, const char* end) noexcept : p_(p), end_(end) {}

    bool done() const noexcept { return p_ == end_; }
    bool peek(char c) const noexcept { return p_ != end_ && *p_ == c; }
    /// Consumes `c` when the text goes on with it (punctuation).
    bool literal(char c) noexcept {
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }
    /// Consumes `s` when the text goes on with it (true, false, null).
    bool literal(std::string_view s) noexcept {
        if (static_cast<std::size_t>(end_ - p_) < s.size() || std::string_view(p_, s.size()) != s) return false;
        p_ += s.size();
        return true;
    }
    /// An integer as std::to_chars writes it, within [min, max].
    bool integer(std::int64_t& out, std::int64_t min, std::int64_t max) noexcept;
    /// Where the cursor is, to go back to it (rewind).
    const char* position() const noexcept { return p_; }
    void rewind(const char* at) noexcept { p_ = at; }

protected:
    /// `"name":` written out, consumed whole or not at all.
    bool written_key(std::string_view name) noexcept {
        const std::size_t n = name.size() + 3;
        if (static_cast<std::size_t>(end_ - p_) < n || p_[0] != '"' || std::string_view(p_ + 1, name.size()) != name ||
            p_[n - 2] != '"' || p_[n - 1] != ':')
            return false;
        p_ += n;
        return true;
    }

    const char* p_;
    const char* end_;
};

/// The enumerator of `E` whose name is `text`, as enum_from_string reads it (describe_enumerators' names).
template <class E>
bool enumerator_named(std::string_view text, E& out) noexcept {
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!found && text == std::string_view(D.name)) {
            out = D.value;
            found = true;
        }
    });
    return found;
}

/// A cursor over canonical text; every read either consumes its token or answers false.
class canonical_cursor : public cursor_base {
public:
    explicit canonical_cursor(std::string_view text) noexcept : cursor_base(text.data(), text.data() + text.size()) {}

    /// `"name":`, consumed whole or not at all.
    bool key(const schema_key& k) noexcept { return written_key(k.name()); }
    /// A string as append_json_string writes it (canonical escapes only, valid UTF-8), into `out`.
    bool string(std::string& out);
    /// A string without escapes, as a view of the text (a date: what holds an escape or is not
    /// UTF-8 is none, and is refused here or fails to parse).
    bool name(std::string_view& out) noexcept;
    /// An enumerator's name (one with an escape or not UTF-8 is none: refused here or unmatched).
    template <class E>
    bool enumerator(E& out) noexcept {
        std::string_view text;
        return name(text) && enumerator_named(text, out);
    }
    /// A string that parse_timestamp reads: its text into `out`, the instant into `parts`.
    bool timestamp(std::string& out, timestamp_parts& parts);
};

/// For each index of the log's dictionary, the enumerator of `E` whose quoted name it is, if any.
template <class E>
const std::array<std::optional<E>, max_words>& enumerator_codes() {
    static const auto table = [] {
        std::array<std::optional<E>, max_words> out{};
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
            const std::size_t index = word_index("\"" + std::string(D.name) + "\"");
            if (index < max_words) out[index] = D.value;
        });
        return out;
    }();
    return table;
}

/// A cursor over an event's coded text (detail/log_text_codec.hpp) that reads it as the
/// canonical_cursor reads the decoded text: a key or a string may be a code (a schema word, a packed
/// date or timestamp) or written out. A string holding an escape is refused (the coding pairs
/// quotes without reading escapes, so after an escaped quote it no longer follows the strings).
class coded_cursor : public cursor_base {
public:
    explicit coded_cursor(std::string_view coded) noexcept : cursor_base(coded.data(), coded.data() + coded.size()) {}

    bool key(const schema_key& k) noexcept {
        const std::string_view code = k.code();
        if (code.empty()) return written_key(k.name());
        if (static_cast<std::size_t>(end_ - p_) < code.size() || p_[0] != code[0] || (code.size() == 2 && p_[1] != code[1])) return false;
        p_ += code.size();
        return true;
    }
    bool string(std::string& out);
    bool name(std::string_view& out) noexcept;
    template <class E>
    bool enumerator(E& out) {
        if (p_ == end_ || !is_code_byte(*p_)) {
            std::string_view text;
            return name(text) && enumerator_named(text, out);
        }
        const char* p = p_;
        std::size_t index = 0;
        if (!word_index_at(p, end_, index) || index >= max_words) return false;  // a date or timestamp is no enumerator
        const std::optional<E>& e = enumerator_codes<E>()[index];
        if (!e) return false;
        out = *e;
        p_ = p;
        return true;
    }

    /// A string that parse_timestamp reads: its text into `out`, the instant into `parts` (from the
    /// packed digits, when it is packed, without parsing the text).
    bool timestamp(std::string& out, timestamp_parts& parts);

private:
    /// The word of a value at the cursor, without its quotes (a code's or written out), or false.
    bool word(std::string_view& out) noexcept;
    char unpacked_[max_unpacked];  // a date or timestamp name() gave
};

template <class Cursor, class T>
bool read_canonical(Cursor& in, T& out);

/// Reads a scorecard from its canonical text (append_canonical_scorecard, canonical_text.hpp):
/// true exactly when scorecard_from_json reads it and writing it back gives the same bytes (answers
/// in strictly increasing key order, no empty string, knock-outs each once and present only when
/// declared, the evaluator only when given). Defined for both cursors (scoring_json.cpp).
template <class Cursor>
bool read_canonical_scorecard(Cursor& in, scorecard& out);

/// `"name":` then the member; an optional member may be absent.
template <class Cursor, class T>
bool read_canonical_member(Cursor& in, const schema_key& key, bool& first, T& out) {
    auto at_key = [&] {
        const char* at = in.position();
        if ((first || in.literal(',')) && in.key(key)) return true;
        in.rewind(at);
        return false;
    };
    if constexpr (is_optional<T>::value) {
        if (!at_key()) {
            out.reset();
            return true;
        }
        first = false;
        typename T::value_type x{};
        if (!read_canonical(in, x)) return false;
        out = std::move(x);
        return true;
    } else {
        if (!at_key()) return false;
        first = false;
        return read_canonical(in, out);
    }
}

template <class Cursor, class T>
bool read_canonical(Cursor& in, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        return in.string(out) && !out.empty();
    } else if constexpr (std::is_same_v<T, bool>) {
        if (in.literal("true")) out = true;
        else if (in.literal("false")) out = false;
        else return false;
        return true;
    } else if constexpr (std::is_integral_v<T>) {
        constexpr auto bounds = integer_bounds<T>();
        std::int64_t n = 0;
        if (!in.integer(n, bounds.first, bounds.second)) return false;
        out = static_cast<T>(n);
        return true;
    } else if constexpr (std::is_same_v<T, date>) {
        std::string_view text;
        if (!in.name(text)) return false;
        auto d = date::parse(text);  // exactly "YYYY-MM-DD" in digits: what to_string() writes back
        if (!d) return false;
        out = *d;
        return true;
    } else if constexpr (is_described_enum<T>) {
        return in.enumerator(out);
    } else if constexpr (is_optional<T>::value) {
        if (in.literal("null")) {
            out.reset();
            return true;
        }
        typename T::value_type x{};
        if (!read_canonical(in, x)) return false;
        out = std::move(x);
        return true;
    } else if constexpr (is_vector<T>::value) {
        if (!in.literal('[')) return false;
        out.clear();
        while (!in.literal(']')) {
            if (!out.empty() && !in.literal(',')) return false;
            out.emplace_back();
            if (!read_canonical(in, out.back())) return false;
        }
        return true;
    } else {
        static_assert(is_described_struct<T>, "read_canonical: unsupported type");
        if (!in.literal('{')) return false;
        bool ok = true, first = true;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
            ok = ok && read_canonical_member(in, described_key<decltype(D)>(), first, out.*D.pointer);
        });
        return ok && in.literal('}');
    }
}

}  // namespace ocop::detail
