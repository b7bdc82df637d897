// The editions shipped with the library: assembled from the files embedded at build time.

#include <string>

#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/embedded_edition.hpp"

namespace ocop {

namespace json = boost::json;

namespace {

/// One edition folder (src/data/<edition>/): edition.json, classification.json,
/// dossier-documents.json and sets/*.json, put together as one edition document, every node in
/// `arena` (read once by load_edition, then released at once instead of node by node).
json::value assemble(const std::string& folder, const json::storage_ptr& arena) {
    json::value edition = detail::edition_fields_document(folder, arena);
    json::object& doc = edition.as_object();
    json::array sets(arena);
    for (const auto& ind : doc["classification"].as_array())
        for (const auto& grp : ind.at("groups").as_array())
            for (const auto& id : grp.at("sets").as_array()) sets.push_back(detail::set_document(folder, id.as_string(), arena));
    doc["sets"] = std::move(sets);
    return edition;
}

catalog build_embedded() {
    catalog cat;
    for (const auto& folder : detail::embedded().folders) {
        // Not shared (make_shared_resource): a storage_ptr to a resource it does not own, whose
        // deallocation is trivial, lets the document's values skip their destructors (they walked the
        // whole tree: 10 M instructions per edition) and copies of it skip the reference count.
        json::monotonic_resource arena;
        cat.add(detail::load_edition(assemble(folder, json::storage_ptr(&arena)), detail::edition_checks::all));
    }
    return cat;
}

}  // namespace

const catalog& embedded_catalog() {
    static const catalog instance = build_embedded();
    return instance;
}

}  // namespace ocop
