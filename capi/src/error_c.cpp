// Version queries, the thread-local last error, and memory owned by the caller.

#include <cstdlib>
#include <cstring>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "capi.hpp"
#include "ocop/version.hpp"

// ocop.h repeats the version macros of version.hpp (the C header stands alone). Both are included
// here, so a mismatch is a macro redefinition, which fails the build under -Werror.

namespace ocop::capi {

namespace {

struct last_error {
    int code = OCOP_OK;
    std::string message;
    std::string problems = "[]";
    const char* fallback = nullptr;  // used when the message itself could not be stored
};

thread_local last_error tls_error;

}  // namespace

int status_of(errc code) noexcept {
    switch (code) {
        case errc::invalid_json: return OCOP_E_INVALID_JSON;
        case errc::invalid_document: return OCOP_E_INVALID_DOCUMENT;
        case errc::not_found: return OCOP_E_NOT_FOUND;
        case errc::no_edition_in_force: return OCOP_E_NO_EDITION_IN_FORCE;
        case errc::unavailable: return OCOP_E_UNAVAILABLE;
        case errc::invalid_scorecard: return OCOP_E_INVALID_SCORECARD;
        case errc::invalid_council: return OCOP_E_INVALID_COUNCIL;
        case errc::rule_violation: return OCOP_E_RULE_VIOLATION;
        case errc::forbidden: return OCOP_E_FORBIDDEN;
        case errc::tampered: return OCOP_E_TAMPERED;
        case errc::io: return OCOP_E_IO;
    }
    return OCOP_E_INTERNAL;
}

int fail(int code, std::string_view message, const std::vector<problem>& problems) noexcept {
    last_error& e = tls_error;
    e.code = code;
    try {
        e.fallback = nullptr;
        e.message.assign(message);
        boost::json::array arr;
        for (const auto& p : problems) arr.push_back(boost::json::object{{"path", p.path}, {"message", p.message}});
        if (problems.empty() && !message.empty()) arr.push_back(boost::json::object{{"path", ""}, {"message", message}});
        e.problems = boost::json::serialize(arr);
    } catch (...) {
        e.message.clear();
        e.problems.clear();
        e.fallback = code == OCOP_E_NOMEM ? "out of memory" : "error (the message could not be stored: out of memory)";
    }
    return code;
}

void succeed() noexcept {
    last_error& e = tls_error;
    e.code = OCOP_OK;
    e.message.clear();  // keeps capacity: no allocation
    e.fallback = nullptr;
    if (e.problems != "[]") {
        try {
            e.problems = "[]";
        } catch (...) {
            e.problems.clear();
        }
    }
}

char* dup(std::string_view text) {
    char* p = static_cast<char*>(std::malloc(text.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, text.data(), text.size());
    p[text.size()] = '\0';
    return p;
}

}  // namespace ocop::capi

extern "C" {

const char* ocop_version(void) { return OCOP_VERSION_STRING; }

int ocop_abi_version(void) { return OCOP_ABI_VERSION; }

void ocop_free(void* p) { std::free(p); }

const char* ocop_last_error(void) {
    const auto& e = ocop::capi::tls_error;
    return e.fallback ? e.fallback : e.message.c_str();
}

int ocop_last_error_code(void) { return ocop::capi::tls_error.code; }

const char* ocop_last_error_problems(void) {
    const auto& e = ocop::capi::tls_error;
    return e.problems.empty() ? "[]" : e.problems.c_str();
}

const char* ocop_error_name(int code) {
    switch (code) {
        case OCOP_OK: return "OCOP_OK";
        case OCOP_E_INVALID_ARGUMENT: return "OCOP_E_INVALID_ARGUMENT";
        case OCOP_E_NOMEM: return "OCOP_E_NOMEM";
        case OCOP_E_INTERNAL: return "OCOP_E_INTERNAL";
        case OCOP_E_INVALID_JSON: return "OCOP_E_INVALID_JSON";
        case OCOP_E_INVALID_DOCUMENT: return "OCOP_E_INVALID_DOCUMENT";
        case OCOP_E_NOT_FOUND: return "OCOP_E_NOT_FOUND";
        case OCOP_E_NO_EDITION_IN_FORCE: return "OCOP_E_NO_EDITION_IN_FORCE";
        case OCOP_E_UNAVAILABLE: return "OCOP_E_UNAVAILABLE";
        case OCOP_E_INVALID_SCORECARD: return "OCOP_E_INVALID_SCORECARD";
        case OCOP_E_INVALID_COUNCIL: return "OCOP_E_INVALID_COUNCIL";
        case OCOP_E_RULE_VIOLATION: return "OCOP_E_RULE_VIOLATION";
        case OCOP_E_FORBIDDEN: return "OCOP_E_FORBIDDEN";
        case OCOP_E_TAMPERED: return "OCOP_E_TAMPERED";
        case OCOP_E_IO: return "OCOP_E_IO";
        default: return "OCOP_E_UNKNOWN";
    }
}

}  // extern "C"
