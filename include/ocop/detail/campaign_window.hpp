#pragma once
// Private: the second half of check_campaign, for a caller that found the event's step before
// applying it (registry::replay changes the state in place, so `before` is gone afterwards).

#include <optional>
#include <string>

#include "ocop/campaign.hpp"

namespace ocop::detail {

/// The window check of check_campaign for an event of a registered dossier of batch `batch`, at
/// `step` (campaign::step_of on the state before the event; nullptr: no window) on `day`.
std::optional<std::string> check_campaign_window(const campaign& c, const event& e, const campaign_step* step,
                                                 const std::string& batch, date day);

}  // namespace ocop::detail
