#pragma once
// Private: the catalog files embedded at build time, and one embedded edition loaded alone with each
// product set's sheet read on its first use (what applying an event needs: docs/performance.md).

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include "ocop/catalog.hpp"

namespace ocop::detail {

/// The files embedded at build time (src/data/...) by path, and the edition folders (those holding
/// an edition.json) in path order.
struct embedded_data {
    std::map<std::string, std::string_view, std::less<>> files;
    std::vector<std::string> folders;
};
/// Read once from embedded_files(), on first use (thread-safe).
const embedded_data& embedded();

/// An edition folder's document without its sets: edition.json, with classification.json and
/// dossier-documents.json under "classification" and "dossier_documents"; every node in `arena`.
boost::json::value edition_fields_document(const std::string& folder, const boost::json::storage_ptr& arena);
/// The sheet of one set of the folder (sets/<set_id>.json), parsed into `arena`.
boost::json::value set_document(const std::string& folder, std::string_view set_id, const boost::json::storage_ptr& arena);

/// An embedded edition loaded alone: everything but its sets at once (fields(), whose `sets` is
/// empty), each set's sheet read when it is first asked for, so that applying an event reads the one
/// sheet it needs (or none) rather than the edition's 26. The sets it gives are those of the edition
/// loaded whole (embedded_catalog()), read by the same reader with the same checks
/// (edition_checks::structure_only): tests/embedded_edition_test.cpp compares every set of every
/// edition. Thread-safe: any number of threads may call find_set at once, the first to ask for a
/// set reads it; what it returns stays valid for the life of the object.
class lazy_edition {
public:
    /// The edition of src/data/<folder>/; throws error(errc::invalid_document) as load_edition.
    explicit lazy_edition(std::string folder);
    /// An edition already loaded whole: find_set reads its `sets`.
    explicit lazy_edition(edition whole);

    /// The edition; its `sets` is empty unless it was given whole: use find_set.
    const edition& fields() const noexcept { return fields_; }
    /// The set with this id (a set of the edition's classification), or nullptr.
    const product_set* find_set(std::string_view set_id) const;
    /// The set with this id, or edition::require_set's error (not_found naming the set and the
    /// edition, or unavailable with other_sets_unavailable's text).
    const product_set& require_set(std::string_view set_id, const std::string& path = "") const;

private:
    std::string folder_;  ///< empty: fields_ holds every set
    edition fields_;
    mutable std::mutex guard_;
    mutable std::map<std::string, std::unique_ptr<const product_set>, std::less<>> sets_;
};

/// The embedded edition with this id, loaded alone on its first use (thread-safe), so that applying
/// an event (the workflow's default editions) loads the dossier's edition, not the whole catalog;
/// nullptr when no edition of that id is embedded. The pointer stays valid for the life of the program.
const lazy_edition* embedded_edition(std::string_view id);

}  // namespace ocop::detail
