#pragma once
// Private: check_dossier with the dossier's set already looked up, for the workflow, whose embedded
// editions read a set's sheet only when it is asked for (detail::editions_source::find_set).

#include <string>

#include "ocop/dossier.hpp"

namespace ocop::detail {

/// check_dossier(d, ed, path, problems), given `set`: ed's set named by d.set, or nullptr when d
/// names none or ed has no such set.
void check_dossier(const dossier& d, const edition& ed, const product_set* set, const std::string& path, problem_list& problems);

}  // namespace ocop::detail
