// The editions shipped with the library: assembled from the files embedded at build time.

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/json_reader.hpp"

namespace ocop {

namespace json = boost::json;

namespace {

/// One edition folder (src/data/<edition>/): edition.json, classification.json,
/// dossier-documents.json and sets/*.json, put together as one edition document, every node in
/// `arena` (read once by load_edition, then released at once instead of node by node).
json::value assemble(const std::string& folder, const std::map<std::string, std::string_view>& files, const json::storage_ptr& arena) {
    auto text = [&](const std::string& name) { return files.at(folder + "/" + name); };
    json::value edition = detail::parse_json(text("edition.json"), arena);
    json::object& doc = edition.as_object();
    doc["classification"] = detail::parse_json(text("classification.json"), arena);
    doc["dossier_documents"] = detail::parse_json(text("dossier-documents.json"), arena);
    json::array sets(arena);
    for (const auto& ind : doc["classification"].as_array())
        for (const auto& grp : ind.at("groups").as_array())
            for (const auto& id : grp.at("sets").as_array())
                sets.push_back(detail::parse_json(text("sets/" + std::string(id.as_string()) + ".json"), arena));
    doc["sets"] = std::move(sets);
    return edition;
}

/// The embedded files by path, and the edition folders (src/data/<edition>/edition.json) in order.
struct embedded_data {
    std::map<std::string, std::string_view> files;
    std::vector<std::string> folders;
};

embedded_data read_embedded() {
    std::size_t count = 0;
    const detail::embedded_file* all = detail::embedded_files(count);
    embedded_data out;
    for (std::size_t i = 0; i < count; ++i) {
        std::string path = all[i].path;
        out.files.emplace(path, std::string_view(all[i].text, all[i].size));
        if (path.ends_with("/edition.json")) out.folders.push_back(path.substr(0, path.size() - 13));
    }
    return out;
}

edition load_folder(const embedded_data& data, const std::string& folder, detail::edition_checks checks) {
    // Not shared (make_shared_resource): a storage_ptr to a resource it does not own, whose
    // deallocation is trivial, lets the document's values skip their destructors (they walked the
    // whole tree: 10 M instructions per edition) and copies of it skip the reference count.
    json::monotonic_resource arena;
    const json::storage_ptr sp(&arena);
    return detail::load_edition(assemble(folder, data.files, sp), checks);
}

catalog build_embedded() {
    const embedded_data data = read_embedded();
    catalog cat;
    for (const auto& folder : data.folders) cat.add(load_folder(data, folder, detail::edition_checks::all));
    return cat;
}

}  // namespace

const catalog& embedded_catalog() {
    static const catalog instance = build_embedded();
    return instance;
}

namespace detail {

const edition* embedded_edition(std::string_view id) {
    static std::mutex guard;
    static std::map<std::string, std::unique_ptr<const edition>, std::less<>> loaded;  // nullptr: not embedded
    std::lock_guard<std::mutex> lock(guard);
    if (auto it = loaded.find(id); it != loaded.end()) return it->second.get();
    std::unique_ptr<const edition> found;
    const embedded_data data = read_embedded();
    for (const auto& folder : data.folders)
        if (folder == id) {
            auto ed = std::make_unique<const edition>(load_folder(data, folder, detail::edition_checks::structure_only));
            if (ed->id == id) found = std::move(ed);
        }
    if (!found)  // an edition kept under another folder name: look in the whole catalog
        for (const auto& ed : embedded_catalog().editions())
            if (ed.id == id) found = std::make_unique<const edition>(ed);
    return loaded.emplace(std::string(id), std::move(found)).first->second.get();
}

}  // namespace detail

}  // namespace ocop
