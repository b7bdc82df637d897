#pragma once
// Private: the exact search behind ocop::advise (advise.hpp), on numbers only. Each item is a
// criterion that may change: its options' gains (ascending, all positive) and which of them meet
// the criterion's minimum per star; a plan picks at most one option per item.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ocop::detail {

struct search_item {
    std::vector<std::int64_t> gains;  ///< strictly ascending, > 0
    std::vector<bool> allowed;        ///< the option meets the item's minimum (if it has one)
    bool unchanged_allowed = true;    ///< leaving the item as it is meets its minimum
    std::int64_t cost = 1;
};

/// A plan: `choice[i]` is the option picked for item i, or `unchanged`.
struct search_plan {
    static constexpr std::uint8_t unchanged = 255;
    std::vector<std::uint8_t> choice;
    std::int64_t cost = 0;
    std::int64_t gain = 0;
    std::size_t changed = 0;
};

/// The `k` best minimal plans: every item meets its minimum, the gains sum to at least `needed`,
/// and no picked option can be dropped or replaced by the item's next lower allowed choice without
/// falling below `needed`. Best: least cost, then least gain, then fewest items changed, then the
/// choices compared item by item (an option before `unchanged`, a lower option first).
/// Exact: dynamic programming over the items with the state (gain so far, smallest step that could
/// still be lowered), keeping the k best plans of each state; the order is additive, so the k best
/// plans overall are among the states' k best. Precondition: items.size() < 255 options each.
std::vector<search_plan> best_minimal_plans(const std::vector<search_item>& items, std::int64_t needed, std::size_t k);

}  // namespace ocop::detail
