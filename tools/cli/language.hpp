#pragma once
// The language of the tool's output for people, its texts (the library's message catalogues,
// ocop/messages.hpp), and the global options every command takes: --lang vi|en and --wide.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "ocop/campaign.hpp"
#include "ocop/messages.hpp"

namespace ocop::cli {

/// Removes the global options from `words` (anywhere after the program name) and applies them:
/// --lang vi|en (default: OCOP_LANG when set, else vi), --wide (tables are never wrapped).
/// Throws usage_error for an unknown language or a missing value.
void take_global_options(std::vector<std::string>& words);

language output_language() noexcept;
bool wide_tables() noexcept;

/// The message `key` in the output language, its "{0}", "{1}"... replaced by `args`.
std::string tr(std::string_view key, std::initializer_list<std::string_view> args = {});
/// A date as people of the output language write it (15/12/2021 or 2021-12-15).
std::string day(date d);
/// A timestamp of the log ("2021-12-15T08:08:00+07:00") as "15/12/2021 08:08" in Vietnamese (the
/// local time as written), unchanged in English or when it is not one.
std::string moment(std::string_view timestamp);
/// A decimal with a comma in Vietnamese ("80,40").
std::string decimal(std::string_view text);

/// Names of the campaign's categories: an industry's name (the campaign's own in Vietnamese, else
/// the catalogue's "industry.<id>", else the id), a batch's name (the campaign's, in Vietnamese), a
/// level's; label_or_id: the catalogue's "<prefix>.<id>", else the id.
std::string industry_name(const campaign* plan, const std::string& id);
std::string batch_name(const campaign* plan, const std::string& id);
std::string level_name(const std::string& id);
/// A product set's Vietnamese name, from the edition of the campaign (the id without a campaign or
/// for a set that edition lacks).
std::string set_name(const campaign* plan, const std::string& id);
std::string label_or_id(const std::string& prefix, std::string_view id);

}  // namespace ocop::cli
