#pragma once
/// @file batch.hpp
/// Compact batch scoring: many scorecards of one sheet ("phiếu đánh giá"), each given as one small
/// level index per criterion, scored against a precomputed flat points table. No JSON and no
/// allocation per scorecard; meant for FFI callers (the C ABI, Python) and bulk re-scoring.
///
/// Layout of one scorecard ("row"): one `std::uint8_t` per criterion slot, in sheet order
/// (product_set::criteria). The value is the option index across the criterion's levels; for an
/// either/or criterion the cases are flattened in order (case 1's levels, then case 2's, ...).
/// `no_answer` (255) means "no answer": required for a criterion that does not apply or was not
/// evaluated, an error for one that must be answered.
///
/// Knock-outs: rules triggered by a level (e.g. 6.1 level "a") and applicability conditions
/// (5.2/5.3 only with a product story) are applied from the indices exactly as ocop::score() does.
/// Declared knock-outs (facts the evaluator declares, such as a non-compliant food safety
/// certificate) cannot be expressed as indices and are never applied here: score such products
/// with ocop::score() and a scorecard that lists them.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ocop/catalog.hpp"
#include "ocop/scoring.hpp"

namespace ocop {

namespace detail {
struct vector_plan;
}

/// The level index that means "no answer / not applicable".
inline constexpr std::uint8_t no_answer = 255;

/// One answer a criterion slot can take: its case (either/or criteria only), level and points.
struct sheet_option {
    std::optional<std::string> case_id;
    std::string level;
    int points = 0;
};

/// A sheet compiled for batch scoring. Immutable after construction; safe to share read-only
/// across threads. It copies what it needs, so it does not refer to the edition afterwards.
class compiled_sheet {
public:
    /// Compiles `set` of `ed`. Throws error(errc::unavailable) for a set without a sheet and
    /// error(errc::invalid_document) for a criterion with more than 254 options.
    /// Complexity: O(options + knock-out triggers + star bands x points).
    compiled_sheet(const edition& ed, const product_set& set);

    const std::string& edition_id() const noexcept { return edition_; }
    const std::string& set_id() const noexcept { return set_; }
    set_status sheet_status() const noexcept { return status_; }
    /// Number of criterion slots: the length of one row.
    std::size_t slots() const noexcept { return criteria_.size(); }
    /// The criterion id of a slot. Precondition: slot < slots().
    const std::string& criterion_id(std::size_t slot) const { return criteria_[slot]; }
    /// The options of a slot, in index order. Precondition: slot < slots().
    std::span<const sheet_option> options(std::size_t slot) const;
    /// The slot of a criterion id, or std::nullopt.
    std::optional<std::size_t> slot_of(std::string_view criterion_id) const noexcept;
    /// The index of an answer (case_id empty for criteria without cases), or std::nullopt.
    std::optional<std::uint8_t> option_index(std::size_t slot, std::string_view case_id, std::string_view level) const noexcept;
    /// The highest total the sheet allows.
    int max_total() const noexcept { return max_total_; }
    /// Which kernel score() uses on this machine for this sheet: "avx2" (32 rows at a time, with
    /// table lookups across rows; chosen at run time on x86-64 CPUs with AVX2, for sheets of at
    /// most 64 criteria of at most 16 options, totals below 256) or "portable" (one row at a time).
    /// Both give the same results (tests/batch_test.cpp compares them).
    std::string_view kernel() const noexcept;

    /// Scores `count` rows of slots() indices each, stored contiguously in `levels`.
    /// Writes totals[i] and stars[i] (and outcomes[i] when `outcomes` is not empty, as
    /// evaluation_outcome values). Stars are what a council of this one scorecard would give:
    /// the band of the total, 0 when a knock-out triggered, capped by the minimum requirements
    /// per star (star_minimums.hpp: 781/QĐ-TTg links and 26/2026/QĐ-TTg marked levels). Throws error(errc::invalid_scorecard) at the first bad row, with
    /// path "/scorecards/<i>/answers/<criterion id>" and a message naming both: an index out of
    /// range, a missing answer, or an answer to a criterion that does not apply. On error the
    /// contents of the outputs are unspecified. Precondition: the spans hold at least `count`
    /// (and `levels` count x slots()) elements; checked, error(errc::invalid_document) otherwise.
    /// Complexity: O(count x (slots + triggers + caps)), one allocation per call (and the error's).
    void score(std::span<const std::uint8_t> levels, std::size_t count, std::span<std::int32_t> totals,
               std::span<std::int32_t> stars, std::span<std::uint8_t> outcomes = {}) const;

private:
    struct trigger {  // one (slot, option) answer that triggers a knock-out
        std::uint32_t slot;
        std::uint8_t option;
    };
    struct knockout {  // a level-triggered rule of criterion `owner`
        std::uint32_t owner;
        knockout_outcome outcome;
        std::uint32_t first;  // into triggers_
        std::uint32_t count;
    };
    struct condition {  // `slot` applies only if `slot_ref` is answered with an enabling option
        std::uint32_t slot;
        std::uint32_t slot_ref;
        std::uint32_t first;  // into enables_, one byte per option of slot_ref
    };
    struct cap {  // a minimum requirement: below `at_least` points on `slot`, stars < `stars`
        std::uint32_t slot;
        int at_least;
        int stars;
    };

    std::string edition_;
    std::string set_;
    set_status status_ = set_status::complete;
    std::vector<std::string> criteria_;
    std::vector<std::uint32_t> first_option_;  // slots()+1 offsets into options_/points_
    std::vector<sheet_option> options_;
    std::vector<std::int32_t> points_;  // the flat points table
    std::vector<std::int32_t> condition_of_;  // per slot: index into conditions_ or -1
    std::vector<condition> conditions_;
    std::vector<std::uint8_t> enables_;
    std::vector<std::uint32_t> first_knockout_;  // slots()+1 offsets into knockouts_ (by owner)
    std::vector<knockout> knockouts_;
    std::vector<trigger> triggers_;
    std::vector<cap> caps_;
    std::vector<std::int8_t> stars_by_total_;  // band stars for totals 0..max_total
    int max_total_ = 0;

    // The fast path (one pass, one unconditional table load and add per criterion): 256 packed
    // entries per slot, points in bits 0-9, an "index out of range" count in bits 10-19 and a "no
    // answer" count in bits 20-29; 256 "enables" bytes per condition. Rows that are not simple
    // (a knock-out, an error) go through score_row().
    std::vector<std::uint32_t> packed_;
    std::vector<std::uint8_t> enables_256_;  // conditions_.size() x 256
    bool packed_ok_ = false;
    // The vector path (src/batch_vector.hpp), for sheets it can handle; null otherwise.
    std::shared_ptr<const detail::vector_plan> vector_;

    // The constructor's steps, in this order (each reads what the previous ones built).
    void compile_options(const product_set& set);
    void compile_conditions(const product_set& set);
    void compile_knockouts(const product_set& set);
    void compile_caps(const edition& ed, const product_set& set);
    void compile_bands(const edition& ed);
    void compile_packed();
    void compile_vector_plan();

    /// The fast path for one row: true when the row is simple and was scored.
    bool score_packed(const std::uint8_t* row, std::int32_t& total, std::int32_t& star) const;
    /// Rows [first, first + 32) through the vector path; the rows that are not simple go through score_row().
    void score_block(std::span<const std::uint8_t> levels, std::size_t first, std::span<std::int32_t> totals,
                     std::span<std::int32_t> stars, std::span<std::uint8_t> outcomes, std::int32_t* got) const;

    /// The exact rules for one row (`got` receives the points per slot); throws as score() does.
    void score_row(const std::uint8_t* row, std::size_t i, std::int32_t* got, std::int32_t& total, std::int32_t& star,
                   std::uint8_t& outcome) const;
};

}  // namespace ocop
