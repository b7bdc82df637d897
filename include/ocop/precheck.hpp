#pragma once
/// @file precheck.hpp
/// The commune's pre-check as a checklist (26/2026/QĐ-TTg, Điều 7 khoản 2 điểm a): the contents a
/// procedure level asks the commune to assess (data, procedure_level::precheck_contents) and the
/// assessments a `precheck_result` event gives for them (precheck_payload::contents).

#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "ocop/error.hpp"

namespace ocop {

/// One content the commune must assess before forwarding ("đánh giá về các nội dung sau đây").
struct precheck_content {
    std::string id;      ///< "product_origin", "local_labour", ...
    std::string name;    ///< the decision's words ("Nguồn gốc sản phẩm")
    std::string source;  ///< "26/2026/QĐ-TTg, Điều 7.2.a"
};
BOOST_DESCRIBE_STRUCT(precheck_content, (), (id, name, source))

/// The commune's assessment of one content: whether it is met, and what it found (non-empty).
struct precheck_assessment {
    std::string content;  ///< a precheck_content id of the level
    bool met = false;
    std::string finding;
};
BOOST_DESCRIBE_STRUCT(precheck_assessment, (), (content, met, finding))

/// Problems of a level's checklist (ids unique and non-empty), under `path`.
void validate_precheck_contents(const std::vector<precheck_content>& contents, const std::string& path, problem_list& problems);

/// Checks a pre-check's assessments against the level's checklist (`contents`, none when the level
/// has no checklist). Throws error(errc::invalid_document) for an unknown, repeated or empty entry,
/// or for assessments at a level without a checklist; error(errc::rule_violation) naming every
/// content left unassessed and its source. `level` and `edition` only word the messages.
void check_precheck_assessments(const std::optional<std::vector<precheck_content>>& contents,
                                const std::optional<std::vector<precheck_assessment>>& assessments, const std::string& level,
                                const std::string& edition);

}  // namespace ocop
