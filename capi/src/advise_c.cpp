// What lifts a product a star: an advice request in, the ranked plans out, JSON both ways.

#include <boost/json/serialize.hpp>

#include "capi.hpp"
#include "ocop/advise.hpp"
#include "ocop/advise_json.hpp"

using ocop::capi::clear_out;
using ocop::capi::dup;
using ocop::capi::guarded;
using ocop::capi::require;

extern "C" {

int ocop_advise(const ocop_catalog* cat, const char* request_json, char** out_result_json) {
    clear_out(out_result_json, nullptr);
    return guarded([&] {
        require(cat, "cat");
        require(request_json, "request_json");
        require(out_result_json, "out_result_json");
        auto result = ocop::advise(*cat->cat, ocop::parse_advice_request(request_json));
        *out_result_json = dup(boost::json::serialize(ocop::to_json(result)));
    });
}

}  // extern "C"
