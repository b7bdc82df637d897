#pragma once
// Pieces the printable documents share (html_documents.hpp): a sheet's identity, lines of text,
// fields to fill in by hand and places to sign.

#include <string>
#include <vector>

#include "html_writer.hpp"
#include "ocop/catalog.hpp"

namespace ocop::cli {

/// The set (code, name), the edition and its name, the sheet's source, status and verification,
/// then its data gaps and our readings as warnings: what every document on a sheet says first.
void sheet_identity(markup& m, const edition& ed, const product_set& set);
/// Each line as a paragraph, with `css_class` (may be empty).
void paragraphs(markup& m, const std::vector<std::string>& lines, const char* css_class = "");
/// A table of labels, each with an empty cell to write in.
void fields_to_fill(markup& m, const std::vector<std::string>& labels);
/// Places to sign, side by side: each role with "(ký, ghi rõ họ tên)" under it.
void signatures(markup& m, const std::vector<std::string>& roles);

}  // namespace ocop::cli
