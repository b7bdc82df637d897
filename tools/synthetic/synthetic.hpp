#pragma once
// Deterministic synthetic evaluations, clearly labelled synthetic, never real data: the scorecards
// of the CLI's demo (tools/cli/demo_hanoi.cpp) and the rows of the benchmark's workload
// (bench/workload.hpp). One generator, one random sequence (splitmix64) for both.

#include <cstdint>
#include <string>
#include <vector>

#include "ocop/catalog.hpp"
#include "ocop/dossier.hpp"
#include "ocop/scoring.hpp"

namespace ocop::synthetic {

/// splitmix64: the same seed gives the same sequence on every platform and compiler
/// (std::*_distribution are implementation-defined, so they are not used).
class rng {
public:
    explicit rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    /// A number in [0, n). Precondition: n > 0.
    std::uint32_t below(std::uint32_t n);
    /// True with probability per_mille / 1000.
    bool chance(std::uint32_t per_mille) { return below(1000) < per_mille; }

private:
    std::uint64_t state_;
};

/// One synthetic evaluator's scorecard: every criterion at the level whose share of the maximum is
/// nearest to `quality` (per mille) moved by up to ±10% of member noise; either/or criteria use the
/// case of the subject's kind; 5.2/5.3 are answered only when 5.1 tells a story.
scorecard synthetic_scorecard(const product_set& set, const std::string& edition, const std::string& evaluator, int quality,
                              subject_kind kind, rng& random, const std::vector<std::string>& declared_knockouts);

/// The declared knock-out rules of a set with a given outcome, in sheet order.
std::vector<std::string> declared_rules(const product_set& set, knockout_outcome outcome);

}  // namespace ocop::synthetic
