#pragma once
// Private: reads a described value from its canonical JSON text (canonical_text.hpp), accepting
// exactly the bytes append_canonical writes and the values read_json accepts (described_json.hpp:
// non-empty strings, integers in range, valid dates and enum names), and nothing else. It builds no
// JSON value and no path string: a refusal is a plain `false`, and the caller reads the text again
// with the full reader, which says where and what is wrong. Replay uses it for the events of a
// verified log (registry.cpp); tests/canonical_read_test.cpp checks that what it accepts is what the
// full reader reads and that appending it again gives the same bytes.

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

/// A cursor over canonical text; every read either consumes its token or answers false.
class canonical_cursor {
public:
    explicit canonical_cursor(std::string_view text) noexcept : p_(text.data()), end_(text.data() + text.size()) {}

    bool done() const noexcept { return p_ == end_; }
    bool peek(char c) const noexcept { return p_ != end_ && *p_ == c; }
    bool literal(std::string_view s) noexcept {
        if (static_cast<std::size_t>(end_ - p_) < s.size() || std::string_view(p_, s.size()) != s) return false;
        p_ += s.size();
        return true;
    }
    /// A string as append_json_string writes it (canonical escapes only, valid UTF-8), into `out`.
    bool string(std::string& out);
    /// An integer as std::to_chars writes it, within [min, max].
    bool integer(std::int64_t& out, std::int64_t min, std::int64_t max) noexcept;

private:
    const char* p_;
    const char* end_;
};

template <class T>
bool read_canonical(canonical_cursor& in, T& out);

/// Reads a scorecard from its canonical text (append_canonical_scorecard, canonical_text.hpp):
/// true exactly when scorecard_from_json reads it and writing it back gives the same bytes (answers
/// in strictly increasing key order, no empty string, knock-outs each once and present only when
/// declared, the evaluator only when given).
bool read_canonical_scorecard(canonical_cursor& in, scorecard& out);

/// `"name":` then the member; an optional member may be absent.
template <class T>
bool read_canonical_member(canonical_cursor& in, const char* name, bool& first, T& out) {
    const std::string_view key(name);
    auto at_key = [&] {
        canonical_cursor probe = in;
        if (!first && !probe.literal(",")) return false;
        if (!probe.literal("\"") || !probe.literal(key) || !probe.literal("\":")) return false;
        in = probe;
        return true;
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

template <class T>
bool read_canonical(canonical_cursor& in, T& out) {
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
        std::string text;
        if (!in.string(text)) return false;
        auto d = date::parse(text);  // exactly "YYYY-MM-DD" in digits: what to_string() writes back
        if (!d) return false;
        out = *d;
        return true;
    } else if constexpr (is_described_enum<T>) {
        std::string text;
        if (!in.string(text)) return false;
        bool found = false;  // enum_from_string's rule (describe_enumerators' names), compared by length first
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto D) {
            if (!found && text == std::string_view(D.name)) {
                out = D.value;
                found = true;
            }
        });
        return found;
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
        if (!in.literal("[")) return false;
        out.clear();
        while (!in.literal("]")) {
            if (!out.empty() && !in.literal(",")) return false;
            out.emplace_back();
            if (!read_canonical(in, out.back())) return false;
        }
        return true;
    } else {
        static_assert(is_described_struct<T>, "read_canonical: unsupported type");
        if (!in.literal("{")) return false;
        bool ok = true, first = true;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
            ok = ok && read_canonical_member(in, D.name, first, out.*D.pointer);
        });
        return ok && in.literal("}");
    }
}

}  // namespace ocop::detail
