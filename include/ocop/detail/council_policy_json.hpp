#pragma once
// Private: how a council policy is read wherever it appears (a council document, a campaign):
// every member may be left out and keeps its documented default; the ranges are checked after.

#include <string>
#include <type_traits>

#include "ocop/council.hpp"
#include "ocop/detail/described_json.hpp"

namespace ocop::detail {

/// A council policy may leave out any member: it keeps the documented default.
template <>
struct members_have_defaults<council_policy> : std::true_type {};

/// The policy's ranges (docs/scoring.md), reported under `path` ("/policy", "/council").
inline void check_council_policy(const council_policy& policy, const std::string& path, problem_list& p) {
    check_range(p, path + "/divergence_limit", policy.divergence_limit, 0, 100);
    check_range(p, path + "/minimum_members", policy.minimum_members, 1, 1000);
    check_range(p, path + "/display_decimals", policy.display_decimals, 0, 6);
}

}  // namespace ocop::detail
