#pragma once
// Private to the C ABI: the wrapper structs behind the opaque handles, and the guard every entry
// point runs its body in, so that no exception crosses into C.

#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ocop/batch.hpp"
#include "ocop/catalog.hpp"
#include "ocop/error.hpp"
#include "ocop/ocop.h"

struct ocop_catalog {
    // Shared so that copy-on-write updates (add_edition) never invalidate a reader's view; the
    // embedded catalog is aliased without ownership.
    std::shared_ptr<const ocop::catalog> cat;
};

struct ocop_sheet {
    ocop::compiled_sheet sheet;
};

namespace ocop::capi {

/// Thrown for a bad argument (a NULL pointer, an out-of-range value): OCOP_E_INVALID_ARGUMENT.
struct invalid_argument {
    std::string message;
};

/// Throws invalid_argument unless `p` is not NULL.
inline void require(const void* p, const char* name) {
    if (!p) throw invalid_argument{std::string("argument '") + name + "' must not be NULL"};
}

/// The C status of a C++ error code.
int status_of(errc code) noexcept;

/// Records the last error of this thread and returns `code`. Never throws.
int fail(int code, std::string_view message, const std::vector<problem>& problems = {}) noexcept;
/// Clears the last error of this thread. Never throws.
void succeed() noexcept;

/// A copy of `text` in memory from malloc (freed by ocop_free). Throws std::bad_alloc.
char* dup(std::string_view text);

/// Runs `body` and turns every exception into a status and a last error.
template <class F>
int guarded(F&& body) noexcept {
    try {
        body();
        succeed();
        return OCOP_OK;
    } catch (const ocop::error& e) {
        return fail(status_of(e.code()), e.what(), e.problems());
    } catch (const invalid_argument& e) {
        return fail(OCOP_E_INVALID_ARGUMENT, e.message);
    } catch (const std::bad_alloc&) {
        return fail(OCOP_E_NOMEM, "out of memory");
    } catch (const std::exception& e) {
        return fail(OCOP_E_INTERNAL, std::string("internal error: ") + e.what());
    } catch (...) {
        return fail(OCOP_E_INTERNAL, "internal error: unknown exception");
    }
}

/// Sets *out to `value` if `out` is not NULL (used to clear out-parameters before the work).
template <class T>
void clear_out(T* out, std::type_identity_t<T> value) noexcept {
    if (out) *out = value;
}

}  // namespace ocop::capi
