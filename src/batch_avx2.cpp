// The AVX2 block kernel of batch scoring (batch_vector.hpp). Compiled for baseline x86-64 with
// the target attribute on the functions that use AVX2, and chosen at run time, so the library
// runs on any x86-64 CPU (and builds anywhere else, where there is no vector path).

#include "batch_vector.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

namespace ocop::detail {

namespace {

#define OCOP_AVX2 __attribute__((target("avx2")))

OCOP_AVX2 inline __m256i broadcast16(const std::array<std::uint8_t, 16>& bytes) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data())));
}

OCOP_AVX2 inline __m256i splat(std::uint8_t byte) { return _mm256_set1_epi8(static_cast<char>(byte)); }

/// Bytes `16 * chunk` to `16 * chunk + 15` of 32 rows, transposed: col[j] holds byte j of rows 0-15
/// in its low lane and of rows 16-31 in its high lane. Four rounds of the same byte interleave
/// (each rotates the 8-bit (vector, byte) index by one bit) make a 16 x 16 transpose per lane.
OCOP_AVX2 void transpose_chunk(const std::uint8_t* rows, std::size_t stride, std::size_t chunk, __m256i* col) {
    __m256i a[16], b[16];
    for (std::size_t r = 0; r < 16; ++r) {
        const auto* lo = reinterpret_cast<const __m128i*>(rows + r * stride + 16 * chunk);
        const auto* hi = reinterpret_cast<const __m128i*>(rows + (r + 16) * stride + 16 * chunk);
        a[r] = _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_loadu_si128(lo)), _mm_loadu_si128(hi), 1);
    }
    for (int round = 0; round < 4; ++round) {
        __m256i* in = round % 2 == 0 ? a : b;
        __m256i* out = round % 2 == 0 ? b : a;
        for (std::size_t i = 0; i < 8; ++i) {
            out[2 * i] = _mm256_unpacklo_epi8(in[i], in[i + 8]);
            out[2 * i + 1] = _mm256_unpackhi_epi8(in[i], in[i + 8]);
        }
    }
    for (std::size_t j = 0; j < 16; ++j) col[j] = a[j];
}

/// 0xff where `x` >= `bound` (unsigned bytes).
OCOP_AVX2 inline __m256i at_least(__m256i x, __m256i bound) { return _mm256_cmpeq_epi8(_mm256_max_epu8(x, bound), x); }

/// Points, range and "no answer" checks of every slot; conditions checked where they apply.
OCOP_AVX2 void sum_and_check(const vector_plan& plan, const __m256i* col, __m256i& total, __m256i& bad) {
    const __m256i none = splat(255), zero = _mm256_setzero_si256();
    for (std::size_t s = 0; s < plan.slots; ++s) {
        const __m256i x = col[s];
        total = _mm256_add_epi8(total, _mm256_shuffle_epi8(broadcast16(plan.points[s]), x));  // 255 -> 0 (high bit)
        const __m256i too_high = at_least(x, splat(plan.options[s]));  // out of range, or no answer
        if (plan.condition_of[s] < 0) {
            bad = _mm256_or_si256(bad, too_high);  // must be answered, in range
            continue;
        }
        const auto& c = plan.conditions[static_cast<std::size_t>(plan.condition_of[s])];
        const __m256i unanswered = _mm256_cmpeq_epi8(x, none);
        const __m256i disabled = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(broadcast16(c.enables), col[c.ref]), zero);
        bad = _mm256_or_si256(bad, _mm256_andnot_si256(unanswered, too_high));
        bad = _mm256_or_si256(bad, _mm256_xor_si256(unanswered, disabled));  // answered exactly when it applies
    }
}

OCOP_AVX2 void summarise_block_avx2(const vector_plan& plan, const std::uint8_t* rows, block_summary& out) {
    __m256i col[vector_plan::max_slots];
    for (std::size_t chunk = 0; 16 * chunk < plan.slots; ++chunk) transpose_chunk(rows, plan.slots, chunk, col + 16 * chunk);
    __m256i total = _mm256_setzero_si256(), bad = _mm256_setzero_si256();
    sum_and_check(plan, col, total, bad);
    for (const auto& t : plan.triggers) bad = _mm256_or_si256(bad, _mm256_cmpeq_epi8(col[t.slot], splat(t.option)));
    __m256i limit = splat(255);
    for (const auto& c : plan.caps) {
        const __m256i pts = _mm256_shuffle_epi8(broadcast16(plan.points[c.slot]), col[c.slot]);
        const __m256i below = _mm256_cmpeq_epi8(_mm256_min_epu8(pts, splat(c.highest_below)), pts);
        limit = _mm256_min_epu8(limit, _mm256_blendv_epi8(splat(255), splat(c.limit), below));
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.total.data()), total);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.not_simple.data()), bad);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.star_limit.data()), limit);
}

#undef OCOP_AVX2

}  // namespace

block_kernel vector_block_kernel() noexcept {
    static const bool avx2 = __builtin_cpu_supports("avx2");
    return avx2 ? &summarise_block_avx2 : nullptr;
}

}  // namespace ocop::detail

#else

namespace ocop::detail {

block_kernel vector_block_kernel() noexcept { return nullptr; }

}  // namespace ocop::detail

#endif
