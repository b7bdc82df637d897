#pragma once
// Private: the primitive layer of the library's one JSON mechanism (detail/described_json.hpp is
// built on it). Each primitive reads one JSON value, records every problem with its JSON Pointer
// and says what was expected; object_reader walks one object and refuses the keys nobody read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "ocop/error.hpp"

namespace ocop::detail {

/// Parses JSON text (UTF-8 checked, depth limited); throws error(errc::invalid_json) with the byte offset.
boost::json::value parse_json(std::string_view text);
/// The same, the value's memory from `sp` (a monotonic_resource for a value read and dropped at once).
boost::json::value parse_json(std::string_view text, boost::json::storage_ptr sp);

/// The JSON type name of a value, for "expected X, found Y" messages.
std::string_view type_name(const boost::json::value& v);
/// "expected an integer, found ..." for a value that is not an int64/uint64: says "out of range"
/// for 2^64, 1e999 and the like, and "written with a fraction or exponent" for 2.0.
std::string not_an_integer(const boost::json::value& v);

/// A non-empty string; reports and returns "" otherwise.
std::string read_string(const boost::json::value& v, const std::string& path, problem_list& problems);
/// An integer within [min, max]; reports and returns std::nullopt otherwise.
std::optional<std::int64_t> read_integer(const boost::json::value& v, const std::string& path, std::int64_t min,
                                         std::int64_t max, problem_list& problems);
/// true or false; reports and returns std::nullopt otherwise.
std::optional<bool> read_bool(const boost::json::value& v, const std::string& path, problem_list& problems);
/// The array, or nullptr (reported) when `v` is not one.
const boost::json::array* read_array(const boost::json::value& v, const std::string& path, problem_list& problems);
/// The range check of read_integer, for a value already read: "expected an integer from min to max, found value".
void check_range(problem_list& problems, const std::string& path, std::int64_t value, std::int64_t min, std::int64_t max);

/// Reads one JSON object. Reports "expected an object" when it is not one. Every key read is
/// remembered; finish() (also run by the destructor) reports the keys that were never read.
class object_reader {
public:
    object_reader(const boost::json::value& v, std::string path, problem_list& problems);
    object_reader(const object_reader&) = delete;
    object_reader& operator=(const object_reader&) = delete;
    ~object_reader();

    bool is_object() const noexcept { return obj_ != nullptr; }
    const std::string& path() const noexcept { return path_; }
    std::string path_of(std::string_view key) const { return json_path(path_, key); }

    /// The raw value, or nullptr (reported when required).
    const boost::json::value* value(std::string_view key, bool required = true);
    /// The array at `key` (required unless `required` is false: then nullptr when absent).
    const boost::json::array* array(std::string_view key, bool required = true);

    /// Records a problem at this object's key.
    void report(std::string_view key, std::string message) { problems_.add(path_of(key), std::move(message)); }
    void finish();

private:
    const boost::json::object* obj_ = nullptr;
    std::string path_;
    problem_list& problems_;
    std::vector<std::string_view> read_;
    bool finished_ = false;
};

}  // namespace ocop::detail
