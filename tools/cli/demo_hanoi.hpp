#pragma once
// The Hanoi 2021 evaluation (Plan 220/KH-UBND) run end to end on synthetic scorecards.

#include <cstdint>
#include <functional>
#include <string>

#include "ocop/registry.hpp"

namespace ocop::cli {

struct demo_figures {
    std::size_t dossiers = 0;
    std::size_t events = 0;
    std::size_t scorecards = 0;
    std::size_t councils = 0;
    std::size_t knocked_out = 0;
    std::size_t completions = 0;
    std::size_t returned = 0;
    std::size_t with_warnings = 0;  ///< dossiers with a warning (e.g. an event outside its window): 0 expected
};

/// Registers the plan's dossiers exactly as appendix 01 lists them (district × industry), gives each
/// a product set of its industry and deterministic synthetic councils of 7 to 11 members, and runs
/// both batches through the district, appraisal, round 1, completion, round 2, decision,
/// certificates and 5★ candidacy, with every event dated inside appendix 02's windows.
/// `progress(done, total)` is called as dossiers are simulated. The same seed gives the same log.
registry run_hanoi_2021(std::uint64_t seed, demo_figures& figures, const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace ocop::cli
