#pragma once
// Output directories that must not overwrite anything: `campaign init`, `campaign import` and
// `demo --out` write only into an absent or empty directory.

#include <string>

namespace ocop::cli {

/// Creates `dir` when absent; accepts an existing empty directory. Anything else (a file, a
/// directory holding entries) throws ocop::error(errc::invalid_document) naming what is there.
void prepare_empty_directory(const std::string& dir);

}  // namespace ocop::cli
