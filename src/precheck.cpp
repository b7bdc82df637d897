// The commune's pre-check as a checklist: every content of the level assessed once.

#include "ocop/precheck.hpp"

#include <algorithm>
#include <set>

namespace ocop {

void validate_precheck_contents(const std::vector<precheck_content>& contents, const std::string& path, problem_list& problems) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < contents.size(); ++i)
        if (!ids.insert(contents[i].id).second)
            problems.add(json_path(json_path(path, i), "id"), "duplicate content id \"" + contents[i].id + "\"");
    if (contents.empty()) problems.add(path, "expected at least one content to assess, found none");
}

void check_precheck_assessments(const std::optional<std::vector<precheck_content>>& contents,
                                const std::optional<std::vector<precheck_assessment>>& assessments, const std::string& level,
                                const std::string& edition) {
    if (!contents) {
        if (assessments)
            throw error(errc::invalid_document, "/payload/contents",
                        "level " + level + " of procedure " + edition + " has no checklist of contents to assess; leave out contents");
        return;
    }
    problem_list bad;
    std::set<std::string> seen;
    const auto& given = assessments ? *assessments : std::vector<precheck_assessment>{};
    for (std::size_t i = 0; i < given.size(); ++i) {
        const std::string at = json_path("/payload/contents", i);
        const auto& a = given[i];
        const bool known = std::any_of(contents->begin(), contents->end(), [&](const precheck_content& c) { return c.id == a.content; });
        if (!known) {
            std::string ids;
            for (const auto& c : *contents) ids += (ids.empty() ? "" : ", ") + c.id;
            bad.add(json_path(at, "content"), "expected a content of level " + level + " (" + ids + "), found \"" + a.content + "\"");
        } else if (!seen.insert(a.content).second) {
            bad.add(json_path(at, "content"), "content \"" + a.content + "\" is assessed twice");
        }
        if (a.finding.empty()) bad.add(json_path(at, "finding"), "expected what the commune found, found nothing");
    }
    bad.throw_if_any(errc::invalid_document);
    problem_list missing;
    for (const auto& c : *contents)
        if (!seen.count(c.id))
            missing.add("/payload/contents", "the pre-check at level " + level + " must assess content \"" + c.id + "\" (" + c.name + ", " +
                                                 c.source + "); it is not assessed");
    missing.throw_if_any(errc::rule_violation);
}

}  // namespace ocop
