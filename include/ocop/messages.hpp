#pragma once
/// @file messages.hpp
/// Text for people in Vietnamese (the default) or English: category names (industries, phases,
/// outcomes, roles, levels, statuses), report titles and headers, from one message catalogue per
/// language embedded in the library (src/data/messages/vi.json, en.json; docs/i18n.md says why not
/// gettext). JSON documents stay language-neutral: they carry ids, never these texts.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/enum.hpp>

#include "ocop/date.hpp"

namespace ocop {

enum class language { vi, en };
BOOST_DESCRIBE_ENUM(language, vi, en)

/// The text of `key` ("phase.draft", "header.district") in `lang`; `key` itself when the catalogue
/// has no such key (visible, never an empty cell). Thread-safe; the catalogues are parsed once.
std::string_view message(language lang, std::string_view key);
/// Whether the catalogue of `lang` has `key`.
bool has_message(language lang, std::string_view key);
/// Every key of the catalogue of `lang`, sorted.
std::vector<std::string> message_keys(language lang);
/// message() with "{0}", "{1}", ... replaced by `args` in order (an argument that is missing
/// leaves its placeholder as written).
std::string format_message(language lang, std::string_view key, std::initializer_list<std::string_view> args);

/// "15/12/2021" in Vietnamese (as Plan 220/KH-UBND writes dates), "2021-12-15" in English.
std::string format_date(language lang, date d);
/// A decimal written with a point ("80.40") with a comma in Vietnamese ("80,40"); unchanged in English.
std::string format_decimal(language lang, std::string_view decimal);

}  // namespace ocop
