#pragma once
// Private: the canonical JSON text of a described value, written straight into a string. The bytes
// are those of boost::json::serialize(write_json(v)) (described_json.hpp: members in declaration
// order, std::nullopt members left out, dates as "YYYY-MM-DD", enums by name), without building the
// JSON value: no allocation per node, one append per token. tests/canonical_text_test.cpp checks the
// equality on every event type, on dossier states and on every byte value inside strings.

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include "ocop/date.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/detail/enum_text.hpp"

namespace ocop {
struct scorecard;
}

namespace ocop::detail {

/// Appends `s` as a JSON string, quoted and escaped exactly as Boost.JSON's serializer does:
/// `"` and `\` escaped, \b \t \n \f \r, other bytes below 0x20 as \u00xx (lower-case hex),
/// everything else (0x7f, UTF-8 sequences) as is.
void append_json_string(std::string& out, std::string_view s);

inline void append_json_integer(std::string& out, std::int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

/// Appends the canonical JSON of a scorecard: the bytes of serialize(to_json(card))
/// (scoring_json.hpp: answers in key order, "evaluator" and "knockouts" only when present).
void append_canonical_scorecard(std::string& out, const scorecard& card);

/// Appends the canonical JSON of `v` (the types write_json supports).
template <class T>
void append_canonical(std::string& out, const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        append_json_string(out, v);
    } else if constexpr (std::is_same_v<T, bool>) {
        out += v ? "true" : "false";
    } else if constexpr (std::is_integral_v<T>) {
        append_json_integer(out, static_cast<std::int64_t>(v));
    } else if constexpr (std::is_same_v<T, date>) {
        append_json_string(out, v.to_string());
    } else if constexpr (is_described_enum<T>) {
        append_json_string(out, enum_name(v));
    } else if constexpr (is_optional<T>::value) {
        if (v) append_canonical(out, *v);
        else out += "null";
    } else if constexpr (is_vector<T>::value) {
        out += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ',';
            append_canonical(out, v[i]);
        }
        out += ']';
    } else {
        static_assert(is_described_struct<T>, "append_canonical: unsupported type");
        out += '{';
        bool first = true;
        auto key = [&](const char* name) {
            if (!first) out += ',';
            first = false;
            append_json_string(out, name);
            out += ':';
        };
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
            const auto& m = v.*D.pointer;
            using M = std::remove_cvref_t<decltype(m)>;
            if constexpr (is_optional<M>::value) {
                if (m) {
                    key(D.name);
                    append_canonical(out, *m);
                }
            } else {
                key(D.name);
                append_canonical(out, m);
            }
        });
        out += '}';
    }
}

}  // namespace ocop::detail
