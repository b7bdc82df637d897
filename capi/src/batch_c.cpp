// Compiled sheets and batch scoring of level indices.

#include <span>
#include <string>

#include <boost/json/serialize.hpp>

#include "capi.hpp"
#include "ocop/batch_json.hpp"

using ocop::capi::clear_out;
using ocop::capi::dup;
using ocop::capi::guarded;
using ocop::capi::require;

extern "C" {

int ocop_sheet_new(ocop_sheet** out, const ocop_catalog* cat, const char* edition_id, const char* set_id) {
    clear_out(out, nullptr);
    return guarded([&] {
        require(out, "out");
        require(cat, "cat");
        require(edition_id, "edition_id");
        require(set_id, "set_id");
        const ocop::edition& ed = cat->cat->get(edition_id);
        *out = new ocop_sheet{ocop::compiled_sheet(ed, ed.require_set(set_id))};
    });
}

void ocop_sheet_free(ocop_sheet* sheet) { delete sheet; }

int ocop_sheet_slots(const ocop_sheet* sheet, size_t* out_slots) {
    clear_out(out_slots, std::size_t{0});
    return guarded([&] {
        require(sheet, "sheet");
        require(out_slots, "out_slots");
        *out_slots = sheet->sheet.slots();
    });
}

int ocop_sheet_layout(const ocop_sheet* sheet, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(sheet, "sheet");
        require(out_json, "out_json");
        *out_json = dup(boost::json::serialize(ocop::to_json(sheet->sheet)));
    });
}

namespace {

/// "; it is a level of case 1 (give the case)" when the level exists under cases of an either/or
/// criterion, "" otherwise.
std::string where_the_level_is(std::span<const ocop::sheet_option> options, std::string_view level) {
    std::string cases;
    for (const auto& o : options)
        if (o.case_id && o.level == level) cases += (cases.empty() ? "" : ", ") + *o.case_id;
    if (cases.empty()) return "";
    return "; it is a level of case " + cases + " (an either/or criterion: give case_id)";
}

}  // namespace

int ocop_sheet_option_index(const ocop_sheet* sheet, const char* criterion_id, const char* case_id, const char* level_id,
                            size_t* out_slot, uint8_t* out_index) {
    clear_out(out_slot, std::size_t{0});
    clear_out(out_index, ocop::no_answer);
    return guarded([&] {
        require(sheet, "sheet");
        require(criterion_id, "criterion_id");
        require(level_id, "level_id");
        require(out_slot, "out_slot");
        require(out_index, "out_index");
        const ocop::compiled_sheet& s = sheet->sheet;
        auto slot = s.slot_of(criterion_id);
        if (!slot)
            throw ocop::error(ocop::errc::not_found, "", "no criterion \"" + std::string(criterion_id) + "\" in set " + s.set_id());
        auto index = s.option_index(*slot, case_id ? case_id : "", level_id);
        if (!index)
            throw ocop::error(ocop::errc::not_found, "",
                              "criterion " + std::string(criterion_id) + " has no level \"" + level_id + "\"" +
                                  (case_id && *case_id ? " in case \"" + std::string(case_id) + "\"" : std::string()) +
                                  where_the_level_is(s.options(*slot), level_id));
        *out_slot = *slot;
        *out_index = *index;
    });
}

int ocop_sheet_score(const ocop_sheet* sheet, const uint8_t* levels, size_t count, int32_t* out_totals, int32_t* out_stars,
                     uint8_t* out_outcomes) {
    return guarded([&] {
        require(sheet, "sheet");
        if (count == 0) return;
        require(levels, "levels");
        require(out_totals, "out_totals");
        require(out_stars, "out_stars");
        const std::size_t n = sheet->sheet.slots();
        if (n != 0 && count > SIZE_MAX / n) throw ocop::capi::invalid_argument{"count: too many rows"};
        sheet->sheet.score({levels, count * n}, count, {out_totals, count}, {out_stars, count},
                           out_outcomes ? std::span<std::uint8_t>(out_outcomes, count) : std::span<std::uint8_t>());
    });
}

}  // extern "C"
