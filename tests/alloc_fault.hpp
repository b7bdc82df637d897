#pragma once
// Allocation-failure injection for tests/alloc_failure_*: this test program replaces the global
// operator new (and new[], nothrow and aligned forms). Once armed with N, the N-th allocation on
// the arming thread fails (throws std::bad_alloc, or returns nullptr for the nothrow forms).
// The replacement is process-wide, so it also covers allocations inside Boost.JSON, libstdc++ and
// the C ABI's libocop.so (the executable's operator new interposes on the shared library's).

#include <cstddef>
#include <new>

namespace ocop::test::fault {

/// Makes the n-th allocation from now on (n >= 1) on this thread fail.
void arm(long n) noexcept;
/// Disarms; returns true when the armed failure was injected.
bool disarm() noexcept;
/// Allocations counted on this thread since the last arm() (armed or not, up to disarm()).
long allocations() noexcept;

/// Runs `op` with the 1st, 2nd, ... allocation failing until a run completes without reaching the
/// armed allocation. After each run calls `check(threw_bad_alloc, threw_other, injected)`, disarmed;
/// `injected` is false exactly for the last, clean run. Returns the allocation count of that run.
/// Large operations are sampled: after `dense` points every `stride`-th point is tried.
template <class Op, class Check>
long each_failure_point(Op&& op, Check&& check, long dense = 1L << 30, long stride = 1) {
    for (long n = 1;; n += (n < dense ? 1 : stride)) {
        bool bad_alloc = false, other = false;
        arm(n);
        try {
            op();
        } catch (const std::bad_alloc&) {
            bad_alloc = true;
        } catch (...) {
            other = true;
        }
        const bool injected = disarm();
        if (!injected) {
            check(bad_alloc, other, false);
            return n - 1;
        }
        check(bad_alloc, other, true);
    }
}

}  // namespace ocop::test::fault
