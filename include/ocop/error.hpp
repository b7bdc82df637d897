#pragma once
/// @file error.hpp
/// The one error type of the C++ API: a code plus every problem found, each with its place.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/enum_text.hpp"

namespace ocop {

/// What kind of failure an ocop::error reports. Values are stable: the C ABI maps them to codes.
enum class errc {
    invalid_json = 1,     ///< the text is not JSON (syntax, nesting depth, UTF-8)
    invalid_document,     ///< JSON that does not match the expected shape or rules
    not_found,            ///< an id (edition, set, criterion, dossier) that does not exist
    no_edition_in_force,  ///< no edition of the rules is in force on the date asked
    unavailable,          ///< the product set has no score sheet
    invalid_scorecard,    ///< a scorecard that cannot be scored (see problems)
    invalid_council,      ///< a council that cannot be aggregated (see problems)
    rule_violation,       ///< a workflow event refused by a rule of the procedure
    forbidden,            ///< the actor's role may not apply this event
    tampered,             ///< an event log whose hash chain does not verify
    io,                   ///< reading or writing a file failed
};
BOOST_DESCRIBE_ENUM(errc, invalid_json, invalid_document, not_found, no_edition_in_force, unavailable,
                    invalid_scorecard, invalid_council, rule_violation, forbidden, tampered, io)

/// One thing wrong with an input: where (a JSON Pointer into the input, "" for the whole input),
/// what was expected, and what was found.
struct problem {
    std::string path;
    std::string message;
};
BOOST_DESCRIBE_STRUCT(problem, (), (path, message))

/// Thrown by every function of the C++ API that rejects its input. what() lists all problems.
/// Strong guarantee: whatever the call was applied to is unchanged.
class error : public std::runtime_error {
public:
    error(errc code, std::vector<problem> problems);
    error(errc code, std::string path, std::string message);

    errc code() const noexcept { return code_; }
    const std::vector<problem>& problems() const noexcept { return problems_; }

    /// The same error with `prefix` in front of every problem's path: a part's error placed in
    /// the document that holds the part.
    error under(std::string_view prefix) const;

private:
    errc code_;
    std::vector<problem> problems_;
};

/// Collects problems while a document is checked, so that all of them are reported at once.
/// Keeps the first `max_listed` problems and counts the others, so that a document with millions
/// of faults gives a readable error of bounded size.
class problem_list {
public:
    static constexpr std::size_t max_listed = 100;

    void add(std::string path, std::string message) {
        if (items_.size() < max_listed) items_.push_back({std::move(path), std::move(message)});
        ++count_;
    }
    /// Adds every problem of `e`, each path with `prefix` in front.
    void add_all(const error& e, std::string_view prefix = {}) {
        for (const auto& p : e.problems()) add(std::string(prefix) + p.path, p.message);
    }
    bool empty() const noexcept { return count_ == 0; }
    /// Every problem added, listed or not.
    std::size_t size() const noexcept { return count_; }
    /// The first max_listed problems.
    const std::vector<problem>& items() const noexcept { return items_; }
    /// Throws ocop::error(code, problems) if any problem was collected; past max_listed, a last
    /// problem (path "") says how many more there were.
    void throw_if_any(errc code) const;

private:
    std::vector<problem> items_;
    std::size_t count_ = 0;
};

/// Runs `body`; an ocop::error it throws is rethrown with `prefix` in front of every path
/// (error::under). For a part checked inside a larger document.
template <class F>
decltype(auto) with_path_prefix(std::string_view prefix, F&& body) {
    try {
        return body();
    } catch (const error& e) {
        throw e.under(prefix);
    }
}

/// Appends a JSON Pointer reference token (escaping '~' and '/') to a path.
std::string json_path(std::string_view parent, std::string_view token);
/// Appends an array index to a JSON Pointer path.
std::string json_path(std::string_view parent, std::size_t index);

}  // namespace ocop
