#pragma once
// The strings the C ABI returns (char*, released with ocop_free), taken into std::string.

#include <stdexcept>
#include <string>

#include "ocop/ocop.h"

namespace ocop::test {

/// Calls `call(&out)`; on OCOP_OK returns the text it wrote and frees it, otherwise throws
/// std::runtime_error with the status and ocop_last_error().
template <class Call>
std::string take_text(Call&& call) {
    char* out = nullptr;
    const int rc = call(&out);
    if (rc != OCOP_OK) {
        ocop_free(out);
        throw std::runtime_error(std::string(ocop_error_name(rc)) + ": " + ocop_last_error());
    }
    std::string text = out ? out : "";
    ocop_free(out);
    return text;
}

/// ocop_catalog_editions() of `cat`, as text.
inline std::string editions_json(const ocop_catalog* cat) {
    return take_text([&](char** out) { return ocop_catalog_editions(cat, out); });
}

}  // namespace ocop::test
