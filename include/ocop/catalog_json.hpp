#pragma once
/// @file catalog_json.hpp
/// Loading and validating catalog JSON (the embedded 1048/781 catalog, or a host's own), and
/// writing sheets back as JSON. The format is described in docs/catalog.md.

#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "ocop/catalog.hpp"

namespace ocop {

/// Parses and validates an edition document (with its sets inline under "sets", optional).
/// Every problem is reported with its JSON path, all at once: throws error(errc::invalid_json)
/// or error(errc::invalid_document). Complexity: linear in the document.
edition load_edition(std::string_view json_text);

/// Parses and validates one product set against `ed` (part maxima, requirement ids, industries)
/// and returns `ed` with the set added or replaced. `ed` itself is not modified.
edition with_set(const edition& ed, std::string_view set_json);

/// A product set as JSON in the catalog format (what load accepts back).
boost::json::value to_json(const product_set& set);
/// An edition's metadata as JSON in the catalog format, each set summarised (id, code, name,
/// industry, status) rather than written in full: use to_json(product_set) for a sheet.
boost::json::value to_json_summary(const edition& ed);
/// Set summaries as a JSON array of {"id","code","name","industry","group","status","criteria"}.
boost::json::value to_json(const std::vector<set_summary>& sets);

}  // namespace ocop
