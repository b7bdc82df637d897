// JSON text to a value: the one parser behind every loader (detail::parse_json). Boost.JSON's
// parser with nesting depth 64 and UTF-8 checked, plus what it does not do: an object with a key
// twice is refused with the key's path (Boost keeps the last value silently), and the usual
// mistakes (a byte order mark, invalid UTF-8, NaN) are named instead of "syntax error".

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

#include "ocop/detail/json_reader.hpp"
#include "ocop/detail/utf8.hpp"

namespace ocop::detail {

namespace json = boost::json;
using boost::json::error_code;
using boost::json::string_view;

namespace {

/// Builds the value as boost::json::parser does and records, for each object in the order objects
/// open, how many keys the text gave it: an object that ends up smaller lost a duplicate key.
struct counting_builder {
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    json::value_stack st;
    std::vector<std::size_t> keys_in_text;  // per object, in document order of their '{'
    std::vector<std::size_t> open;          // indices into keys_in_text of the open objects

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) {
        open.push_back(keys_in_text.size());
        keys_in_text.push_back(0);
        return true;
    }
    bool on_object_end(std::size_t n, error_code&) {
        keys_in_text[open.back()] = n;
        open.pop_back();
        st.push_object(n);
        return true;
    }
    bool on_array_begin(error_code&) { return true; }
    bool on_array_end(std::size_t n, error_code&) { st.push_array(n); return true; }
    bool on_key_part(string_view s, std::size_t, error_code&) { st.push_chars(s); return true; }
    bool on_key(string_view s, std::size_t, error_code&) { st.push_key(s); return true; }
    bool on_string_part(string_view s, std::size_t, error_code&) { st.push_chars(s); return true; }
    bool on_string(string_view s, std::size_t, error_code&) { st.push_string(s); return true; }
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_int64(std::int64_t i, string_view, error_code&) { st.push_int64(i); return true; }
    bool on_uint64(std::uint64_t u, string_view, error_code&) { st.push_uint64(u); return true; }
    bool on_double(double d, string_view, error_code&) { st.push_double(d); return true; }
    bool on_bool(bool b, error_code&) { st.push_bool(b); return true; }
    bool on_null(error_code&) { st.push_null(); return true; }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }
};

/// Second pass, on the error path only: the first key given twice in the object that opened
/// `target`-th (0-based) in the text.
struct duplicate_finder {
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    std::size_t target;
    std::size_t opened = 0;
    std::vector<bool> open;  // per open object: is it the target?
    std::string key;
    std::set<std::string> seen;
    std::optional<std::string> duplicate;

    explicit duplicate_finder(std::size_t t) : target(t) {}
    bool in_target() const { return !open.empty() && open.back(); }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) { open.push_back(opened++ == target); return true; }
    bool on_object_end(std::size_t, error_code&) { open.pop_back(); return true; }
    bool on_array_begin(error_code&) { return true; }
    bool on_array_end(std::size_t, error_code&) { return true; }
    bool on_key_part(string_view s, std::size_t, error_code&) {
        if (in_target()) key.append(s.data(), s.size());
        return true;
    }
    bool on_key(string_view s, std::size_t, error_code&) {
        if (!in_target()) return true;
        key.append(s.data(), s.size());
        if (!seen.insert(key).second && !duplicate) duplicate = key;
        key.clear();
        return true;
    }
    bool on_string_part(string_view, std::size_t, error_code&) { return true; }
    bool on_string(string_view, std::size_t, error_code&) { return true; }
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_int64(std::int64_t, string_view, error_code&) { return true; }
    bool on_uint64(std::uint64_t, string_view, error_code&) { return true; }
    bool on_double(double, string_view, error_code&) { return true; }
    bool on_bool(bool, error_code&) { return true; }
    bool on_null(error_code&) { return true; }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }
};

json::parse_options ocop_options() {
    json::parse_options options;
    options.max_depth = 64;
    return options;
}

/// The first object (in document order) that has fewer keys than the text gave it: its index
/// among the objects and its path.
struct shrunk_object {
    std::size_t index = 0;
    std::string path;
};

/// Walks `v` in document order counting objects; on the first shrunk one, returns true with its
/// index set and the reference tokens of its path pushed innermost first (no path is built else).
bool find_shrunk(const json::value& v, const std::vector<std::size_t>& keys_in_text, std::size_t& next,
                 std::size_t& index, std::vector<std::string>& tokens) {
    if (const json::object* o = v.if_object()) {
        index = next++;
        if (o->size() != keys_in_text[index]) return true;
        for (const auto& kv : *o)
            if (find_shrunk(kv.value(), keys_in_text, next, index, tokens)) {
                tokens.emplace_back(kv.key());
                return true;
            }
    } else if (const json::array* a = v.if_array()) {
        for (std::size_t i = 0; i < a->size(); ++i)
            if (find_shrunk((*a)[i], keys_in_text, next, index, tokens)) {
                tokens.push_back(std::to_string(i));
                return true;
            }
    }
    return false;
}

std::optional<shrunk_object> first_shrunk(const json::value& v, const std::vector<std::size_t>& keys_in_text) {
    std::size_t next = 0;
    shrunk_object found;
    std::vector<std::string> tokens;
    if (!find_shrunk(v, keys_in_text, next, found.index, tokens)) return std::nullopt;
    for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) found.path = json_path(found.path, *t);
    return found;
}

[[noreturn]] void throw_duplicate(std::string_view text, const shrunk_object& at) {
    json::basic_parser<duplicate_finder> finder(ocop_options(), at.index);
    error_code ec;
    finder.write_some(false, text.data(), text.size(), ec);
    const std::string key = finder.handler().duplicate.value_or("");
    throw error(errc::invalid_document, json_path(at.path, key),
                "the key \"" + key + "\" appears twice in this object: give each key once (which value was meant "
                "cannot be told; RFC 8259 section 4, RFC 7493 section 2.3)");
}

/// The offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view t) {
    const auto* begin = reinterpret_cast<const unsigned char*>(t.data());
    const auto* end = begin + t.size();
    for (const auto* p = begin; p < end;) {
        const std::size_t len = utf8_sequence_length(p, end);
        if (len == 0) return static_cast<std::size_t>(p - begin);
        p += len;
    }
    return std::string_view::npos;
}

/// What is wrong at byte `at`, in the words of the usual mistake when there is one.
std::string syntax_message(std::string_view text, std::size_t at, const error_code& ec) {
    const std::size_t bad = first_invalid_utf8(text);
    if (bad != std::string_view::npos && bad <= at + 4)
        return "invalid UTF-8 at byte " + std::to_string(bad) + ": JSON text is UTF-8 (RFC 8259 section 8.1)";
    std::string_view rest = text.substr(std::min(at, text.size()));
    if (at > 0 && text[at - 1] == '-') rest = text.substr(at - 1);
    for (std::string_view word : {"NaN", "Infinity", "-Infinity", "nan", "inf", "-inf"})
        if (rest.substr(0, word.size()) == word)
            return "\"" + std::string(word) + "\" at byte " + std::to_string(at) +
                   " is not a JSON number: NaN and infinities cannot be written in JSON (RFC 8259 section 6)";
    return "invalid JSON at byte " + std::to_string(at) + ": " + ec.message();
}

}  // namespace

std::string not_an_integer(const json::value& v) {
    const double* d = v.if_double();
    if (!d) return "expected an integer, found " + std::string(type_name(v));
    if (!std::isfinite(*d)) return "expected an integer, found a number beyond the range of numbers: out of range";
    std::array<char, 64> buf{};
    const auto written = std::to_chars(buf.data(), buf.data() + buf.size(), *d);
    const std::string shortest(buf.data(), written.ptr);
    if (std::fabs(*d) >= 9223372036854775808.0) return "expected an integer, found " + shortest + ": out of range";
    if (std::trunc(*d) == *d)
        return "expected an integer, found " + shortest + " written with a fraction or an exponent: not an integer as written; "
               "write it with digits only";
    return "expected an integer, found " + shortest + ": not an integer";
}

json::value parse_json(std::string_view text) { return parse_json(text, {}); }

json::value parse_json(std::string_view text, json::storage_ptr sp) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        throw error(errc::invalid_json, "",
                    "a byte order mark (BOM) at byte 0: JSON text starts without one (RFC 8259 section 8.1); "
                    "save the file as UTF-8 without BOM");
    // One parser per thread, reset for each text: its stacks are allocated once, not per document.
    thread_local json::basic_parser<counting_builder> parser(ocop_options());
    parser.reset();
    parser.handler().st.reset(std::move(sp));
    parser.handler().keys_in_text.clear();
    parser.handler().open.clear();
    error_code ec;
    std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
    if (!ec && consumed < text.size()) ec = json::error::extra_data;
    if (ec) throw error(errc::invalid_json, "", syntax_message(text, consumed, ec));
    json::value v = parser.handler().st.release();
    if (auto shrunk = first_shrunk(v, parser.handler().keys_in_text)) throw_duplicate(text, *shrunk);
    return v;
}

}  // namespace ocop::detail
