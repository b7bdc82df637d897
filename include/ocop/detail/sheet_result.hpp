#pragma once
// Private: the fields a result of one score sheet starts with, filled once for scoring and councils.

#include "ocop/catalog.hpp"

namespace ocop::detail {

/// A `Result` (scorecard_result, council_result) naming its edition and set, with the sheet's
/// status and its warnings (one line per declared data gap).
template <class Result>
Result sheet_result(const edition& ed, const product_set& set) {
    Result r;
    r.edition = ed.id;
    r.set = set.id;
    r.sheet_status = set.status;
    r.sheet_verification = set.verified;
    if constexpr (requires { r.sheet_warnings; }) r.sheet_warnings = set.warnings();
    else r.warnings = set.warnings();
    return r;
}

}  // namespace ocop::detail
