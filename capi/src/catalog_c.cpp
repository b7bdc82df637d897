// The catalog: editions, the edition in force on a date, product sets and their sheets.

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include "capi.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/date.hpp"

using ocop::capi::clear_out;
using ocop::capi::dup;
using ocop::capi::guarded;
using ocop::capi::require;

namespace {

const ocop::edition& edition_of(const ocop_catalog* cat, const char* edition_id) {
    require(cat, "cat");
    require(edition_id, "edition_id");
    return cat->cat->get(edition_id);
}

}  // namespace

extern "C" {

int ocop_catalog_new_embedded(ocop_catalog** out) {
    clear_out(out, nullptr);
    return guarded([&] {
        require(out, "out");
        // The embedded catalog lives for the whole program: alias it, never own or copy it.
        *out = new ocop_catalog{std::shared_ptr<const ocop::catalog>(std::shared_ptr<void>(), &ocop::embedded_catalog())};
    });
}

int ocop_catalog_new(ocop_catalog** out) {
    clear_out(out, nullptr);
    return guarded([&] {
        require(out, "out");
        *out = new ocop_catalog{std::make_shared<const ocop::catalog>()};
    });
}

void ocop_catalog_free(ocop_catalog* cat) { delete cat; }

int ocop_catalog_validate_edition(const char* edition_json) {
    return guarded([&] {
        require(edition_json, "edition_json");
        (void)ocop::load_edition(edition_json);
    });
}

int ocop_catalog_add_edition(ocop_catalog* cat, const char* edition_json) {
    return guarded([&] {
        require(cat, "cat");
        require(edition_json, "edition_json");
        auto next = std::make_shared<ocop::catalog>(*cat->cat);
        next->add(ocop::load_edition(edition_json));
        cat->cat = std::move(next);
    });
}

int ocop_catalog_add_set(ocop_catalog* cat, const char* edition_id, const char* set_json) {
    return guarded([&] {
        require(set_json, "set_json");
        const ocop::edition& ed = edition_of(cat, edition_id);
        ocop::edition updated = ocop::with_set(ed, set_json);
        auto next = std::make_shared<ocop::catalog>(*cat->cat);
        next->add(std::move(updated));
        cat->cat = std::move(next);
    });
}

int ocop_catalog_editions(const ocop_catalog* cat, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(cat, "cat");
        require(out_json, "out_json");
        boost::json::array arr;
        for (const auto& ed : cat->cat->editions()) arr.push_back(ocop::to_json_summary(ed));
        *out_json = dup(boost::json::serialize(arr));
    });
}

int ocop_catalog_edition(const ocop_catalog* cat, const char* edition_id, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(out_json, "out_json");
        *out_json = dup(boost::json::serialize(ocop::to_json_summary(edition_of(cat, edition_id))));
    });
}

int ocop_catalog_in_force(const ocop_catalog* cat, const char* date, char** out_edition_id) {
    clear_out(out_edition_id, nullptr);
    return guarded([&] {
        require(cat, "cat");
        require(date, "date");
        require(out_edition_id, "out_edition_id");
        auto d = ocop::date::parse(date);
        if (!d) throw ocop::capi::invalid_argument{std::string("date: expected a calendar day \"YYYY-MM-DD\", found \"") + date + "\""};
        *out_edition_id = dup(cat->cat->in_force(*d).id);
    });
}

int ocop_catalog_sets(const ocop_catalog* cat, const char* edition_id, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(out_json, "out_json");
        const ocop::edition& ed = edition_of(cat, edition_id);
        *out_json = dup(boost::json::serialize(ocop::to_json(ocop::set_summaries(ed))));
    });
}

int ocop_catalog_set(const ocop_catalog* cat, const char* edition_id, const char* set_id, char** out_json) {
    clear_out(out_json, nullptr);
    return guarded([&] {
        require(set_id, "set_id");
        require(out_json, "out_json");
        const ocop::edition& ed = edition_of(cat, edition_id);
        *out_json = dup(boost::json::serialize(ocop::to_json(ed.require_set(set_id))));
    });
}

}  // extern "C"
