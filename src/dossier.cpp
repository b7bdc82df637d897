// Dossiers: document checklist, product code pattern, checks against an edition, JSON.

#include "ocop/dossier.hpp"
#include "ocop/dossier_json.hpp"

#include <algorithm>

#include "ocop/detail/described_json.hpp"
#include "ocop/detail/dossier_check.hpp"
#include "ocop/error.hpp"

namespace ocop {

std::vector<const dossier_document*> missing_required(const std::vector<dossier_document>& checklist,
                                                      const std::vector<std::string>& handed_in) {
    std::vector<const dossier_document*> out;
    for (const auto& doc : checklist)
        if (doc.required && std::find(handed_in.begin(), handed_in.end(), doc.id) == handed_in.end()) out.push_back(&doc);
    return out;
}

namespace {

bool all_of_kind(std::string_view s, bool letters) {
    return std::all_of(s.begin(), s.end(), [&](char c) {
        return (c >= '0' && c <= '9') || (letters && c >= 'A' && c <= 'Z');
    });
}

}  // namespace

std::string check_product_code(std::string_view code) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t dash = code.find('-', start);
        parts.push_back(code.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
        if (dash == std::string_view::npos) break;
        start = dash + 1;
    }
    const std::string expected = "expected <province>-<district>-<sequence>-<year> (e.g. HN-BV-001-2021)";
    if (parts.size() != 4) return expected + ", found " + std::to_string(parts.size()) + " part(s) in \"" + std::string(code) + "\"";
    if (parts[0].empty() || parts[0].size() > 6 || !all_of_kind(parts[0], true))
        return expected + ": the province must be 1-6 upper-case letters or digits, found \"" + std::string(parts[0]) + "\"";
    if (parts[1].empty() || parts[1].size() > 6 || !all_of_kind(parts[1], true))
        return expected + ": the district must be 1-6 upper-case letters or digits, found \"" + std::string(parts[1]) + "\"";
    if (parts[2].empty() || parts[2].size() > 6 || !all_of_kind(parts[2], false))
        return expected + ": the sequence must be 1-6 digits, found \"" + std::string(parts[2]) + "\"";
    if (parts[3].size() != 4 || !all_of_kind(parts[3], false))
        return expected + ": the year must be 4 digits, found \"" + std::string(parts[3]) + "\"";
    return {};
}

void check_dossier(const dossier& d, const edition& ed, const std::string& path, problem_list& problems) {
    detail::check_dossier(d, ed, d.set ? ed.find_set(*d.set) : nullptr, path, problems);
}

void detail::check_dossier(const dossier& d, const edition& ed, const product_set* s, const std::string& path, problem_list& problems) {
    const industry* ind = nullptr;
    for (const auto& i : ed.classification)
        if (i.id == d.industry) ind = &i;
    if (!ind) {
        std::string ids;
        for (const auto& i : ed.classification) ids += (ids.empty() ? "" : ", ") + i.id;
        problems.add(json_path(path, "industry"), "expected an industry of edition " + ed.id + " (" + ids + "), found \"" + d.industry + "\"");
    }
    if (d.set) {
        if (!s) problems.add(json_path(path, "set"), "no product set \"" + *d.set + "\" in edition " + ed.id);
        else if (ind && s->industry != ind->id)
            problems.add(json_path(path, "set"), "product set \"" + *d.set + "\" belongs to industry \"" + s->industry +
                                                      "\", not \"" + d.industry + "\"");
    }
    for (std::size_t i = 0; i < d.documents.size(); ++i) {
        bool known = std::any_of(ed.dossier_documents.begin(), ed.dossier_documents.end(),
                                 [&](const dossier_document& doc) { return doc.id == d.documents[i]; });
        if (!known)
            problems.add(json_path(json_path(path, "documents"), i),
                         "no document \"" + d.documents[i] + "\" on the checklist of edition " + ed.id);
    }
}

boost::json::value to_json(const dossier& d) { return detail::write_json(d); }

dossier parse_dossier(std::string_view json_text) { return detail::parse_described<dossier>(json_text); }

}  // namespace ocop
