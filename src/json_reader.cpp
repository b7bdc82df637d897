#include "ocop/detail/json_reader.hpp"

#include <algorithm>
#include <limits>

#include <boost/json/parser.hpp>
#include <boost/json/stream_parser.hpp>

namespace ocop::detail {

namespace json = boost::json;

std::string_view type_name(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return "a boolean";
        case json::kind::int64:
        case json::kind::uint64: return "an integer";
        case json::kind::double_: return "a number with a fraction";
        case json::kind::string: return "a string";
        case json::kind::array: return "an array";
        case json::kind::object: return "an object";
    }
    return "a value";
}

object_reader::object_reader(const json::value& v, std::string path, problem_list& problems)
    : path_(std::move(path)), problems_(problems) {
    obj_ = v.if_object();
    if (!obj_) problems_.add(path_, "expected an object, found " + std::string(type_name(v)));
    else read_.reserve(obj_->size());  // one allocation per object, not one per doubling
}

object_reader::~object_reader() {
    try {
        finish();
    } catch (...) {  // destructor must not throw; finish() only fails on allocation
    }
}

void object_reader::finish() {
    if (finished_ || !obj_) return;
    finished_ = true;
    for (const auto& kv : *obj_) {
        if (std::find(read_.begin(), read_.end(), kv.key()) == read_.end())
            problems_.add(path_of(kv.key()), "unknown key \"" + std::string(kv.key()) + "\"");
    }
}

const json::value* object_reader::value(std::string_view key, bool required) {
    if (!obj_) return nullptr;
    read_.push_back(key);
    auto it = obj_->find(key);
    if (it == obj_->end()) {
        if (required) problems_.add(path_of(key), "missing required key \"" + std::string(key) + "\"");
        return nullptr;
    }
    return &it->value();
}

std::string read_string(const json::value& v, const std::string& path, problem_list& problems) {
    if (const auto* s = v.if_string()) {
        if (s->empty()) problems.add(path, "expected a non-empty string, found \"\"");
        return std::string(*s);
    }
    problems.add(path, "expected a string, found " + std::string(type_name(v)));
    return {};
}

void check_range(problem_list& problems, const std::string& path, std::int64_t value, std::int64_t min, std::int64_t max) {
    if (value < min || value > max)
        problems.add(path, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                               std::to_string(value));
}

std::optional<std::int64_t> read_integer(const json::value& v, const std::string& path, std::int64_t min, std::int64_t max,
                                         problem_list& problems) {
    std::int64_t n = 0;
    if (v.is_int64()) {
        n = v.get_int64();
    } else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        n = static_cast<std::int64_t>(v.get_uint64());
    } else if (v.is_uint64()) {
        problems.add(path, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", found " +
                               std::to_string(v.get_uint64()));
        return std::nullopt;
    } else {
        problems.add(path, not_an_integer(v));
        return std::nullopt;
    }
    if (n < min || n > max) {
        check_range(problems, path, n, min, max);
        return std::nullopt;
    }
    return n;
}

std::optional<bool> read_bool(const json::value& v, const std::string& path, problem_list& problems) {
    if (v.is_bool()) return v.get_bool();
    problems.add(path, "expected true or false, found " + std::string(type_name(v)));
    return std::nullopt;
}

const json::array* read_array(const json::value& v, const std::string& path, problem_list& problems) {
    if (const auto* a = v.if_array()) return a;
    problems.add(path, "expected an array, found " + std::string(type_name(v)));
    return nullptr;
}

const json::array* object_reader::array(std::string_view key, bool required) {
    const auto* v = value(key, required);
    return v ? read_array(*v, path_of(key), problems_) : nullptr;
}

}  // namespace ocop::detail
