#pragma once
// Private: the checks of a campaign's administrative units when it is loaded (campaign_units.cpp).

#include "ocop/campaign.hpp"
#include "ocop/error.hpp"

namespace ocop::detail {

/// Unique ids; a parent that is a listed district-level unit directly under the province, under
/// which only commune-level units sit; one unit per name and kind among siblings; names without
/// their kind; `districts`, when given with units, naming units directly under the province.
void check_campaign_units(const campaign& c, problem_list& p);

}  // namespace ocop::detail
