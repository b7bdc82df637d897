#pragma once
/// @file campaign_json.hpp
/// Campaign documents as JSON (docs/workflow.md).

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/campaign.hpp"

namespace ocop {

/// Parses and validates a campaign document (docs/workflow.md); every problem with its path.
/// Throws error(errc::invalid_json or errc::invalid_document).
campaign load_campaign(std::string_view json_text);
boost::json::value to_json(const campaign& c);

}  // namespace ocop
