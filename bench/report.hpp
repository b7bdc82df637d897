#pragma once
// How the benchmark prints: one line per figure (figure, value, note), units chosen for reading,
// and the verdict of a target. Shared by ocop_bench.cpp and the workflow figures (workflow_log.hpp).

#include <cstdio>
#include <string>

namespace ocop_bench {

// ---- printing -------------------------------------------------------------------------------

inline void heading(const std::string& text) { std::printf("\n## %s\n\n", text.c_str()); }

/// One line of the report: figure, value, and an optional comment (ratio, target, verdict).
inline void line(const std::string& figure, const std::string& value, const std::string& note = "") {
    std::printf("  %-66s %20s  %s\n", figure.c_str(), value.c_str(), note.c_str());
    std::fflush(stdout);
}

inline std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

/// A duration per item, in the most readable unit.
inline std::string per(double seconds, const char* what) {
    if (seconds < 1e-8) return fmt("%.2f ns", seconds * 1e9) + "/" + what;
    if (seconds < 1e-6) return fmt("%.1f ns", seconds * 1e9) + "/" + what;
    if (seconds < 1e-3) return fmt("%.2f us", seconds * 1e6) + "/" + what;
    if (seconds < 1) return fmt("%.2f ms", seconds * 1e3) + "/" + what;
    return fmt("%.2f s", seconds) + "/" + what;
}

/// A median beside a best figure: the duration alone, same units as per().
inline std::string med(double seconds) {
    std::string s = per(seconds, "");
    return s.substr(0, s.size() - 1);
}

inline std::string rate(double per_second, const char* unit) {
    if (per_second >= 1e9) return fmt("%.2f G", per_second / 1e9) + unit + "/s";
    if (per_second >= 1e6) return fmt("%.2f M", per_second / 1e6) + unit + "/s";
    if (per_second >= 1e3) return fmt("%.1f k", per_second / 1e3) + unit + "/s";
    return fmt("%.1f ", per_second) + unit + "/s";
}

/// "met"/"MISSED by x" for a ratio that must be at least `target` (or at most, when !at_least).
inline std::string verdict(double value, double target, bool at_least) {
    bool ok = at_least ? value >= target : value <= target;
    if (ok) return "target met";
    return "TARGET MISSED by " + fmt("%.2fx", at_least ? target / value : value / target);
}

}  // namespace ocop_bench
