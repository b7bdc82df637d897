#pragma once
// Helpers for the log tests: a sample registry and an exported log split into lines and joined back.

#include <string>
#include <vector>

#include "ocop/registry.hpp"
#include "workflow_support.hpp"

namespace wf {

/// A registry with two dossiers and 8 events, every entry hashed by this process: HN-1 forwarded
/// to the province, HN-2 closed below 50 points.
inline ocop::registry forwarded_and_closed() {
    ocop::registry r;
    to_district_result(r, product("HN-1", "Ba Vì"), 362, 5, 4);
    to_district_result(r, product("HN-2", "Gia Lâm", "herbal"), 236, 5, 2);
    r.apply(ev("HN-1", role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}));
    r.apply(ev("HN-2", role::district_people_committee, "2021-10-05", ocop::closed_payload{}, "dưới 50 điểm"));
    return r;
}

/// The lines of JSON lines, without their newlines.
inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find('\n', start);
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

/// JSON lines from lines, each ended by a newline.
inline std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace wf
