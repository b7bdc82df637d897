// The embedded catalog files, and one embedded edition loaded alone, each set's sheet on first use.

#include "ocop/detail/embedded_edition.hpp"

#include <optional>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>

#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/error.hpp"

namespace ocop::detail {

namespace json = boost::json;

namespace {

embedded_data read_embedded() {
    std::size_t count = 0;
    const embedded_file* all = embedded_files(count);
    embedded_data out;
    for (std::size_t i = 0; i < count; ++i) {
        std::string path = all[i].path;
        out.files.emplace(path, std::string_view(all[i].text, all[i].size));
        if (path.ends_with("/edition.json")) out.folders.push_back(path.substr(0, path.size() - 13));
    }
    return out;
}

std::string_view file_text(const std::string& path) {
    const auto& files = embedded().files;
    auto it = files.find(path);
    if (it == files.end()) throw error(errc::not_found, "", "no embedded file " + path);
    return it->second;
}

/// The position of `set_id` among the sets of the classification (the order of the edition loaded
/// whole), or none.
std::optional<std::size_t> classified_index(const edition& ed, std::string_view set_id) {
    std::size_t index = 0;
    for (const auto& ind : ed.classification)
        for (const auto& grp : ind.groups)
            for (const auto& id : grp.sets) {
                if (id == set_id) return index;
                ++index;
            }
    return std::nullopt;
}

/// The edition of the folder without its sets, read as load_edition reads the embedded data.
edition load_fields(const std::string& folder) {
    // A storage_ptr to a resource it does not own, whose deallocation is trivial: the document's
    // values skip their destructors (see embedded_catalog.cpp).
    json::monotonic_resource arena;
    return load_edition(edition_fields_document(folder, json::storage_ptr(&arena)), edition_checks::structure_only);
}

}  // namespace

const embedded_data& embedded() {
    static const embedded_data instance = read_embedded();
    return instance;
}

json::value edition_fields_document(const std::string& folder, const json::storage_ptr& arena) {
    json::value edition = parse_json(file_text(folder + "/edition.json"), arena);
    json::object& doc = edition.as_object();
    doc["classification"] = parse_json(file_text(folder + "/classification.json"), arena);
    doc["dossier_documents"] = parse_json(file_text(folder + "/dossier-documents.json"), arena);
    return edition;
}

json::value set_document(const std::string& folder, std::string_view set_id, const json::storage_ptr& arena) {
    return parse_json(file_text(folder + "/sets/" + std::string(set_id) + ".json"), arena);
}

lazy_edition::lazy_edition(std::string folder) : folder_(std::move(folder)), fields_(load_fields(folder_)) {}

lazy_edition::lazy_edition(edition whole) : fields_(std::move(whole)) {}

const product_set* lazy_edition::find_set(std::string_view set_id) const {
    if (folder_.empty()) return fields_.find_set(set_id);
    std::lock_guard<std::mutex> lock(guard_);
    if (auto it = sets_.find(set_id); it != sets_.end()) return it->second.get();
    const std::optional<std::size_t> index = classified_index(fields_, set_id);
    if (!index) return nullptr;
    const std::string path = json_path("/sets", *index);
    json::monotonic_resource arena;
    auto set = std::make_unique<const product_set>(load_set(set_document(folder_, set_id, json::storage_ptr(&arena)), path));
    if (set->id != set_id)  // the edition loaded whole keys its sets by the id in the file
        throw error(errc::invalid_document, json_path(path, "id"),
                    "expected \"" + std::string(set_id) + "\" (the file's name), found \"" + set->id + "\"");
    return sets_.emplace(std::string(set_id), std::move(set)).first->second.get();
}

const product_set& lazy_edition::require_set(std::string_view set_id, const std::string& path) const {
    if (const product_set* s = find_set(set_id)) return *s;
    return fields_.require_set(set_id, path);  // has no such set: throws its error
}

namespace {

/// embedded_edition(), under its lock.
const lazy_edition* loaded_edition(std::string_view id) {
    static std::mutex guard;
    static std::map<std::string, std::unique_ptr<const lazy_edition>, std::less<>> loaded;  // nullptr: not embedded
    std::lock_guard<std::mutex> lock(guard);
    if (auto it = loaded.find(id); it != loaded.end()) return it->second.get();
    std::unique_ptr<const lazy_edition> found;
    for (const auto& folder : embedded().folders)
        if (folder == id) {
            auto ed = std::make_unique<const lazy_edition>(folder);
            if (ed->fields().id == id) found = std::move(ed);
        }
    if (!found)  // an edition kept under another folder name: look in the whole catalog
        for (const auto& ed : embedded_catalog().editions())
            if (ed.id == id) found = std::make_unique<const lazy_edition>(ed);
    return loaded.emplace(std::string(id), std::move(found)).first->second.get();
}

}  // namespace

const lazy_edition* embedded_edition(std::string_view id) {
    // The edition asked for last on this thread, without the lock: applying an event asks for its
    // dossier's edition several times, and a replay for the same one event after event. The editions
    // loaded stay valid for the life of the program, and each one's id is its key.
    thread_local const lazy_edition* last = nullptr;
    if (last && last->fields().id == id) return last;
    const lazy_edition* found = loaded_edition(id);
    if (found) last = found;
    return found;
}

}  // namespace ocop::detail
