#pragma once
// The checks of the benchmark: every baseline must compute what ours computes on the same rows, or
// its figure means nothing. A check prints one line ("yes" or "NO"); a failed check makes ocop_bench
// exit with status 1 after the run, naming it (the benchmark fails loudly, it does not just print).

#include <string>
#include <vector>

#include "report.hpp"

namespace ocop_bench {

/// The figures of the checks that failed in this run.
inline std::vector<std::string>& failed_checks() {
    static std::vector<std::string> failed;
    return failed;
}

/// Prints the check's line and records it when it failed. Returns `ok`.
inline bool check_line(const std::string& figure, bool ok, const std::string& note) {
    line(figure, ok ? "yes" : "NO: CHECK FAILED", note);
    if (!ok) failed_checks().push_back(figure);
    return ok;
}

/// "ours is Nx faster; target met" or "...; TARGET MISSED by x" for a baseline that must take at
/// least 100x our time.
inline std::string faster_than(double baseline_seconds, double ours_seconds) {
    const double ratio = baseline_seconds / ours_seconds;
    return fmt("ours is %.0fx faster; ", ratio) + verdict(ratio, 100, true) + " (target 100x)";
}

}  // namespace ocop_bench
