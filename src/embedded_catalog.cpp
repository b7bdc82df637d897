// The editions shipped with the library: assembled from the files embedded at build time.

#include <map>
#include <mutex>
#include <string>

#include <boost/json/object.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/json_reader.hpp"

namespace ocop {

namespace json = boost::json;

namespace {

/// One edition folder (src/data/<edition>/): edition.json, classification.json,
/// dossier-documents.json and sets/*.json, put together as one edition document.
json::value assemble(const std::string& folder, const std::map<std::string, std::string_view>& files) {
    auto text = [&](const std::string& name) { return files.at(folder + "/" + name); };
    json::object doc = detail::parse_json(text("edition.json")).as_object();
    doc["classification"] = detail::parse_json(text("classification.json"));
    doc["dossier_documents"] = detail::parse_json(text("dossier-documents.json"));
    json::array sets;
    for (const auto& ind : doc["classification"].as_array())
        for (const auto& grp : ind.at("groups").as_array())
            for (const auto& id : grp.at("sets").as_array())
                sets.push_back(detail::parse_json(text("sets/" + std::string(id.as_string()) + ".json")));
    doc["sets"] = std::move(sets);
    return doc;
}

catalog build_embedded() {
    std::size_t count = 0;
    const detail::embedded_file* all = detail::embedded_files(count);
    std::map<std::string, std::string_view> files;
    std::vector<std::string> folders;
    for (std::size_t i = 0; i < count; ++i) {
        std::string path = all[i].path;
        files.emplace(path, std::string_view(all[i].text, all[i].size));
        if (path.ends_with("/edition.json")) folders.push_back(path.substr(0, path.size() - 13));
    }
    catalog cat;
    for (const auto& folder : folders) cat.add(detail::load_edition(assemble(folder, files)));
    return cat;
}

}  // namespace

const catalog& embedded_catalog() {
    static const catalog instance = build_embedded();
    return instance;
}

}  // namespace ocop
