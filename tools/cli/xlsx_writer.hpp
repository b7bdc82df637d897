#pragma once
// Reports as an Excel workbook (libxlsxwriter; only the command-line tool links it, never the library).

#include <string>
#include <utility>
#include <vector>

#include "ocop/date.hpp"
#include "report_grid.hpp"

namespace ocop::cli {

/// Writes `reports` (file stem, grid) to the workbook `path`, replacing it: one sheet per report,
/// named in the output language (the catalogue's "sheet.<stem>"), the header row in bold and frozen,
/// numbers (right-aligned columns) as numbers, column widths from the cells. `as_of` is the
/// workbook's creation date, so that the same reports give the same file. Throws ocop::error(errc::io).
void write_xlsx(const std::string& path, const std::vector<std::pair<std::string, grid>>& reports, date as_of);

}  // namespace ocop::cli
