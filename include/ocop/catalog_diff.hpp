#pragma once
/// @file catalog_diff.hpp
/// What changed for a product set between two editions ("bộ tiêu chí" 1048-781 → 26-2026): the
/// part maxima, and which criteria were added, removed or changed (title, number, maximum, the
/// points of their levels). Sets of different editions are matched by an explicit table shipped
/// as data (src/data/correspondence/), never guessed; criteria are matched by title, then by number.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include "ocop/catalog.hpp"

namespace ocop {

/// One criterion of either sheet: "added" (only in `to`), "removed" (only in `from`), "changed"
/// or "unchanged"; `matched_by` says how the two were paired ("title" or "number").
struct criterion_change {
    std::string change;
    std::optional<std::string> matched_by;
    std::optional<std::string> from_id;
    std::optional<std::string> to_id;
    std::optional<std::string> from_title;
    std::optional<std::string> to_title;
    std::optional<int> from_max;
    std::optional<int> to_max;
    std::vector<int> from_points;  ///< the points of its levels, in order (cases flattened)
    std::vector<int> to_points;
};
BOOST_DESCRIBE_STRUCT(criterion_change, (), (change, matched_by, from_id, to_id, from_title, to_title, from_max, to_max,
                                             from_points, to_points))

struct part_change {
    std::string part;
    int from_max = 0;
    int to_max = 0;
};
BOOST_DESCRIBE_STRUCT(part_change, (), (part, from_max, to_max))

struct set_diff {
    std::string from_edition;
    std::string from_set;
    std::string to_edition;
    std::string to_set;
    std::string sets_matched_by;  ///< "same edition", "same id" or the correspondence table's source
    std::vector<part_change> parts;
    std::vector<criterion_change> criteria;  ///< in `to` sheet order, then the removed ones
};
BOOST_DESCRIBE_STRUCT(set_diff, (), (from_edition, from_set, to_edition, to_set, sets_matched_by, parts, criteria))

/// Compares set `from_set` of `from` with `to_set` of `to` when given, else with the set of `to` it
/// corresponds to: the same id in the same edition, else the embedded correspondence table between
/// the two editions (either direction). Throws error(errc::not_found) when a set is not in its
/// edition, or `from_set` has no corresponding set in `to` or several (the message names them),
/// error(errc::unavailable) for a set without a sheet.
set_diff diff_sets(const edition& from, std::string_view from_set, const edition& to, std::optional<std::string_view> to_set = {});

}  // namespace ocop
