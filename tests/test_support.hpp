#pragma once
// Shared helpers for the Catch2 tests.

#include <string>

#include <catch2/catch.hpp>

#include "ocop/error.hpp"

namespace ocop::test {

/// Runs `f`, requires an ocop::error with `code`, and returns it for further checks.
template <class F>
ocop::error expect_error(F&& f, ocop::errc code) {
    try {
        f();
    } catch (const ocop::error& e) {
        INFO(e.what());
        REQUIRE(e.code() == code);
        return e;
    }
    FAIL("expected an ocop::error, none was thrown");
    throw;  // unreachable
}

/// True when some problem has exactly `path` and a message containing `text`.
inline bool has_problem(const ocop::error& e, const std::string& path, const std::string& text) {
    for (const auto& p : e.problems())
        if (p.path == path && p.message.find(text) != std::string::npos) return true;
    return false;
}

/// Runs `f`, requires an ocop::error with `code` and a problem at `path` whose message contains `text`.
template <class F>
void require_error(ocop::errc code, const std::string& path, const std::string& text, F&& f) {
    ocop::error e = expect_error(f, code);
    INFO(e.what());
    CHECK(has_problem(e, path, text));
}

}  // namespace ocop::test
