#pragma once
/// @file ocop.hpp
/// Umbrella header: the whole C++ API of ocop.

#include "ocop/batch.hpp"
#include "ocop/campaign.hpp"
#include "ocop/catalog.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/date.hpp"
#include "ocop/dossier.hpp"
#include "ocop/error.hpp"
#include "ocop/event_log.hpp"
#include "ocop/procedure.hpp"
#include "ocop/registry.hpp"
#include "ocop/reports.hpp"
#include "ocop/scoring.hpp"
#include "ocop/version.hpp"
#include "ocop/workflow.hpp"
