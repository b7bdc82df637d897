#pragma once
// The vector path of batch scoring (internal to src/batch*.cpp): the rows of a sheet, 32 at a
// time, checked and summed with 16-entry table lookups across rows (pshufb), when the CPU has AVX2
// (checked at run time: the library is built for baseline x86-64 and stays portable).
//
// A block of 32 rows is transposed in registers (one vector per criterion slot, one byte per row),
// then each slot costs one lookup and one add for the points, plus one or two comparisons for the
// checks. It summarises each row in three bytes: its total, whether it is simple (see
// compiled_sheet::score) and the lowest "stars - 1" of the minimums it misses; the caller finishes
// the row (band, outcome) or hands it to the exact path. Rows that are not simple are only
// flagged: the exact path decides what they are, so the flag may be conservative, never lax.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ocop::detail {

/// What the vector path needs of a compiled sheet; built only for sheets it can handle
/// (see make_vector_plan in batch.cpp).
struct vector_plan {
    static constexpr std::size_t block_rows = 32;
    static constexpr std::size_t max_slots = 64;
    std::size_t slots = 0;
    std::vector<std::array<std::uint8_t, 16>> points;  // per slot: points of options 0..15
    std::vector<std::uint8_t> options;                 // per slot: option count (1..16)
    std::vector<std::int32_t> condition_of;            // per slot: index into conditions or -1
    struct condition {
        std::uint32_t slot = 0, ref = 0;
        std::array<std::uint8_t, 16> enables{};  // 1 for an option of `ref` that makes `slot` apply
    };
    std::vector<condition> conditions;
    struct trigger {
        std::uint32_t slot = 0;
        std::uint8_t option = 0;
    };
    std::vector<trigger> triggers;
    struct cap {
        std::uint32_t slot = 0;
        std::uint8_t highest_below = 0;  // points <= this miss the minimum (at_least - 1, at most 255)
        std::uint8_t limit = 0;          // stars - 1
    };
    std::vector<cap> caps;
};

/// One block's summary, one byte per row.
struct block_summary {
    std::array<std::uint8_t, vector_plan::block_rows> total, not_simple, star_limit;
};

/// Summarises rows [0, 32) at `rows` (slots bytes each). Reads ceil(slots / 16) x 16 bytes from
/// the start of each row: the caller makes sure the last of them is inside its buffer.
using block_kernel = void (*)(const vector_plan& plan, const std::uint8_t* rows, block_summary& out);

/// The AVX2 kernel if this CPU has AVX2, otherwise nullptr (and always nullptr off x86-64).
block_kernel vector_block_kernel() noexcept;

}  // namespace ocop::detail
