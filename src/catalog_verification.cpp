// Loading checks of the verification a sheet and its criteria carry (docs/catalog.md, "Verification").

#include "ocop/detail/catalog_loader.hpp"

namespace ocop {

namespace {

/// A verification names its sources: one for a single source, two or more when they agree; where
/// they differ (or ours was corrected), each source's value and the explanation.
void check_verification(const std::optional<source_check>& v, const std::string& path, problem_list& p) {
    if (!v) return;
    const std::size_t sources = v->sources.size();
    const bool differ = v->status == verification_status::sources_differ || v->status == verification_status::corrected;
    if (v->status == verification_status::single_source && sources != 1)
        p.add(json_path(path, "sources"), "expected exactly one source for \"single_source\", found " + std::to_string(sources));
    if (v->status == verification_status::two_sources_agree && sources < 2)
        p.add(json_path(path, "sources"), "expected two or more sources for \"two_sources_agree\", found " + std::to_string(sources));
    if (differ && sources < 1) p.add(json_path(path, "sources"), "expected the source of the shipped values, found none");
    if (differ && v->values.size() < 2)
        p.add(json_path(path, "values"), "expected what each source gives (two or more values), found " + std::to_string(v->values.size()));
    if (differ && v->text.empty()) p.add(json_path(path, "text"), "expected the evidence (what differs and which values are shipped)");
}

}  // namespace

void detail::check_verifications(const product_set& s, const std::string& path, problem_list& p) {
    check_verification(s.verified, json_path(path, "verification"), p);
    std::size_t index = 0;
    for (std::size_t si = 0; si < s.sections.size(); ++si)
        for (std::size_t ci = 0; ci < s.sections[si].count; ++ci, ++index)
            check_verification(s.criteria[index].verified,
                               json_path(json_path(json_path(json_path(json_path(path, "sections"), si), "criteria"), ci), "verification"), p);
}

}  // namespace ocop
