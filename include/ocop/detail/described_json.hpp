#pragma once
// Private: JSON for plain structs described with Boost.Describe, used by the workflow types
// (dossiers, events, states, procedures, campaigns, reports).
//
// The one JSON mechanism of the library: every document (catalogs, scorecards, councils and their
// results, procedures, campaigns, workflow types, reports) is read and written through it.
//
// Writing: members in declaration order, so the output of one struct is always the same bytes
// (the workflow's canonical form); std::nullopt members are left out. Reading: through
// object_reader, so every problem carries its JSON path and unknown keys are rejected; a member
// is required unless it is a std::optional (absent and null both read as std::nullopt) or its
// struct opts in to members_have_defaults. Strings must be non-empty. ocop::date is written and
// read as "YYYY-MM-DD". Ranges and cross-references are checked by each document's validation
// pass after this structural read, with the same JSON Pointers.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/members.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>

#include "ocop/date.hpp"
#include "ocop/detail/enum_text.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/error.hpp"

namespace ocop::detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

template <class T>
constexpr bool is_described_struct = boost::describe::has_describe_members<T>::value;
template <class T>
constexpr bool is_described_enum = boost::describe::has_describe_enumerators<T>::value;

// ---- writing ------------------------------------------------------------------------------

template <class T>
boost::json::value write_json(const T& v);

template <class T>
boost::json::value write_json(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) {
        return boost::json::value(v);
    } else if constexpr (std::is_same_v<T, bool>) {
        return boost::json::value(v);
    } else if constexpr (std::is_integral_v<T>) {
        return boost::json::value(static_cast<std::int64_t>(v));
    } else if constexpr (std::is_same_v<T, date>) {
        return boost::json::value(v.to_string());
    } else if constexpr (is_described_enum<T>) {
        return boost::json::value(std::string(enum_name(v)));
    } else if constexpr (is_optional<T>::value) {
        return v ? write_json(*v) : boost::json::value(nullptr);
    } else if constexpr (is_vector<T>::value) {
        boost::json::array a;
        a.reserve(v.size());
        for (const auto& x : v) a.push_back(write_json(x));
        return a;
    } else {
        static_assert(is_described_struct<T>, "write_json: unsupported type");
        boost::json::object o;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
            const auto& m = v.*D.pointer;
            using M = std::remove_cvref_t<decltype(m)>;
            if constexpr (is_optional<M>::value) {
                if (m) o[D.name] = write_json(*m);
            } else {
                o[D.name] = write_json(m);
            }
        });
        return o;
    }
}

// ---- reading ------------------------------------------------------------------------------

template <class T>
void read_json(const boost::json::value& v, const std::string& path, problem_list& p, T& out);

/// Opt-in for described structs whose members all have defaults (policies): an absent member keeps
/// its default instead of being reported missing. Specialise to std::true_type.
template <class T>
struct members_have_defaults : std::false_type {};

/// The range read_json accepts for an integral T: unsigned 64-bit members are read up to the
/// largest int64 (the reader's range).
template <class T>
constexpr std::pair<std::int64_t, std::int64_t> integer_bounds() {
    constexpr auto lo = static_cast<std::int64_t>(std::numeric_limits<T>::min());
    constexpr auto hi = static_cast<std::uint64_t>(std::numeric_limits<T>::max()) >
                                static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                            ? std::numeric_limits<std::int64_t>::max()
                            : static_cast<std::int64_t>(std::numeric_limits<T>::max());
    return {lo, hi};
}

/// Reads a well-formed scalar (a non-empty string, a bool, an integer in range, a known enum name,
/// a date, null for an optional) into `out` exactly as read_json would, without building its JSON
/// path; false, `out` untouched, for anything else (read_json then reports it with its path).
/// Most of a document's values are such scalars: their paths are only needed for a message.
template <class T>
bool read_well_formed_scalar(const boost::json::value& v, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        const auto* s = v.if_string();
        if (!s || s->empty()) return false;
        out.assign(s->data(), s->size());
        return true;
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!v.is_bool()) return false;
        out = v.get_bool();
        return true;
    } else if constexpr (std::is_integral_v<T>) {
        constexpr auto bounds = integer_bounds<T>();
        if (!v.is_int64() || v.get_int64() < bounds.first || v.get_int64() > bounds.second) return false;
        out = static_cast<T>(v.get_int64());
        return true;
    } else if constexpr (std::is_same_v<T, date>) {
        const auto* s = v.if_string();
        if (!s) return false;
        auto d = date::parse(std::string_view(s->data(), s->size()));
        if (!d) return false;
        out = *d;
        return true;
    } else if constexpr (is_described_enum<T>) {
        const auto* s = v.if_string();
        if (!s || s->empty()) return false;
        return boost::describe::enum_from_string(s->c_str(), out);
    } else if constexpr (is_optional<T>::value) {
        if (v.is_null()) {
            out.reset();
            return true;
        }
        typename T::value_type x{};
        if (!read_well_formed_scalar(v, x)) return false;
        out = std::move(x);
        return true;
    } else {
        return false;
    }
}

/// Reads one member of an object being read by hand with the same rules as a described member:
/// required unless `T` is a std::optional (or `required` is false: then an absent key leaves `out`).
template <class T>
void read_member(object_reader& r, std::string_view key, problem_list& p, T& out, bool required = true) {
    const boost::json::value* x = r.value(key, required && !is_optional<T>::value);
    if (x && !read_well_formed_scalar(*x, out)) read_json(*x, r.path_of(key), p, out);
}

template <class T>
void read_members(object_reader& r, problem_list& p, T& out) {
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
        read_member(r, D.name, p, out.*D.pointer, !members_have_defaults<T>::value);
    });
}

template <class T>
void read_json(const boost::json::value& v, const std::string& path, problem_list& p, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        out = read_string(v, path, p);
    } else if constexpr (std::is_same_v<T, bool>) {
        if (auto b = read_bool(v, path, p)) out = *b;
    } else if constexpr (std::is_integral_v<T>) {
        constexpr auto bounds = integer_bounds<T>();
        if (auto n = read_integer(v, path, bounds.first, bounds.second, p)) out = static_cast<T>(*n);
    } else if constexpr (std::is_same_v<T, date>) {
        std::string text = read_string(v, path, p);
        if (text.empty()) return;
        if (auto d = date::parse(text)) out = *d;
        else p.add(path, "expected a date \"YYYY-MM-DD\", found \"" + text + "\"");
    } else if constexpr (is_described_enum<T>) {
        std::string text = read_string(v, path, p);
        if (text.empty()) return;
        if (!boost::describe::enum_from_string(text.c_str(), out))
            p.add(path, "expected one of " + enum_choices<T>() + ", found \"" + text + "\"");
    } else if constexpr (is_optional<T>::value) {
        if (v.is_null()) {
            out.reset();
            return;
        }
        typename T::value_type x{};
        read_json(v, path, p, x);
        out = std::move(x);
    } else if constexpr (is_vector<T>::value) {
        const auto* a = read_array(v, path, p);
        if (!a) return;
        out.clear();
        out.reserve(a->size());
        for (std::size_t i = 0; i < a->size(); ++i) {
            typename T::value_type x{};
            if (!read_well_formed_scalar((*a)[i], x)) read_json((*a)[i], json_path(path, i), p, x);
            out.push_back(std::move(x));
        }
    } else {
        static_assert(is_described_struct<T>, "read_json: unsupported type");
        object_reader r(v, path, p);
        if (!r.is_object()) return;
        read_members(r, p, out);
    }
}

/// Parses JSON text into T; throws error(errc::invalid_json) or error(errc::invalid_document) with every problem.
template <class T>
T parse_described(std::string_view text) {
    boost::json::value doc = parse_json(text);
    problem_list p;
    T out{};
    read_json(doc, "", p, out);
    p.throw_if_any(errc::invalid_document);
    return out;
}

/// Parses a described document, then runs its cross-checks `validate(value, problems)`; every problem
/// of either stage is reported with its path: error(errc::invalid_json or errc::invalid_document).
template <class T, class Validate>
T load_document(std::string_view json_text, Validate&& validate) {
    T out = parse_described<T>(json_text);
    problem_list problems;
    validate(out, problems);
    problems.throw_if_any(errc::invalid_document);
    return out;
}

}  // namespace ocop::detail
