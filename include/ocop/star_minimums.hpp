#pragma once
/// @file star_minimums.hpp
/// Minimum requirements per star, whatever their source, as one list per set: the 781/QĐ-TTg
/// requirements linked to a criterion (product_set::minimum_requirements) and the levels the
/// 26/2026/QĐ-TTg sheets mark with asterisks (criterion::min_star_levels). A scorecard, a council
/// and batch scoring all lower stars through this one list (docs/scoring.md).

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "ocop/catalog.hpp"
#include "ocop/scoring.hpp"

namespace ocop {

/// Below `at_least_points` on the criterion at `criterion_index` (in product_set::criteria), a
/// product holds fewer than `stars` stars. Our reading for marked levels: a minimum for N stars
/// holds for every higher rank too, so the product keeps at most N - 1 stars.
struct star_minimum {
    std::size_t criterion_index = 0;
    int stars = 0;
    int at_least_points = 0;
    std::string requirement;  ///< the 781 requirement id, or "min-star-<N>/<criterion>" for a marked level
    bool marked_level = false;  ///< from a level printed with asterisks (26/2026)
    std::string level_label;  ///< the marked level's label (marked levels only)
    std::string text;         ///< the 781 requirement's text (781 only)
    std::string source;
    std::string confidence;
};

/// The minimums of `set` that apply to it (781 requirements of another industry are left out),
/// 781 links first, then marked levels in sheet order. Complexity: O(criteria + links).
std::vector<star_minimum> star_minimums(const edition& ed, const product_set& set);

/// How a result's stars are checked against the minimums: whether minimum `m` is reached, and the
/// value to show for its criterion ("1.43", or one scorecard's "1").
struct minimum_check {
    std::function<bool(const star_minimum&)> reached;
    std::function<std::string(const star_minimum&)> shown;
    std::string whose;  ///< "the council's mean is", "the scorecard gives": used in the explanation
};

/// The caps from the minimums of `ed`/`set` that are not reached at `stars` (those for `stars` or
/// fewer stars), each capping to its stars - 1; `stars` is lowered to the lowest cap. A marked
/// level's cap explains itself: "4★ requires 1.5 'label' (2 points); the council's mean is 1.43".
std::vector<star_cap> apply_star_minimums(const edition& ed, const product_set& set, int& stars, const minimum_check& check);

}  // namespace ocop
