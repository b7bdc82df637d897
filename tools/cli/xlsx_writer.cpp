#include "xlsx_writer.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <optional>

#include <xlsxwriter.h>

#include "language.hpp"
#include "ocop/error.hpp"
#include "text_width.hpp"

namespace ocop::cli {

namespace {

/// The number a right-aligned cell holds ("12", "80,40", "80.40"), if it is one.
std::optional<double> number_in(const std::string& cell) {
    if (cell.empty()) return std::nullopt;
    std::string text = cell;
    std::replace(text.begin(), text.end(), ',', '.');
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return std::nullopt;
    return value;
}

void write_sheet(lxw_workbook* book, lxw_worksheet* sheet, const grid& g) {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    std::vector<std::size_t> width(g.headers.size());
    for (std::size_t c = 0; c < g.headers.size(); ++c) {
        const bool numeric = !g.headers[c].empty() && g.headers[c].front() == '>';
        const std::string header = numeric ? g.headers[c].substr(1) : g.headers[c];
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header.c_str(), bold);
        width[c] = display_width(header);
        for (std::size_t r = 0; r < g.rows.size(); ++r) {
            const std::string& cell = c < g.rows[r].size() ? g.rows[r][c] : std::string();
            const auto row = static_cast<lxw_row_t>(r + 1);
            const auto col = static_cast<lxw_col_t>(c);
            if (auto n = numeric ? number_in(cell) : std::nullopt) worksheet_write_number(sheet, row, col, *n, nullptr);
            else if (!cell.empty()) worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
            width[c] = std::max(width[c], display_width(cell));
        }
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             static_cast<double>(std::min<std::size_t>(width[c] + 2, 60)), nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
}

}  // namespace

void write_xlsx(const std::string& path, const std::vector<std::pair<std::string, grid>>& reports, date as_of) {
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) throw error(errc::io, "", "cannot create " + path);
    std::tm created{};
    created.tm_year = as_of.year - 1900;
    created.tm_mon = static_cast<int>(as_of.month) - 1;
    created.tm_mday = static_cast<int>(as_of.day);
    lxw_doc_properties properties{};
    properties.created = timegm(&created);
    workbook_set_properties(book, &properties);
    for (const auto& [stem, g] : reports) {
        const std::string name = tr("sheet." + stem);
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
        if (!sheet) {
            workbook_close(book);
            throw error(errc::io, "", "cannot add the sheet \"" + name + "\" to " + path);
        }
        write_sheet(book, sheet, g);
    }
    if (lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        throw error(errc::io, "", "cannot write " + path + ": " + lxw_strerror(e));
}

}  // namespace ocop::cli
