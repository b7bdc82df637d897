// The exact search behind ocop::advise: the k best minimal plans by dynamic programming over the
// criteria that may change (detail/advise_search.hpp).

#include "ocop/detail/advise_search.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

namespace ocop::detail {

namespace {

/// No picked option could be lowered yet: every pick so far is forced by a minimum.
constexpr std::int64_t no_lowerable_step = std::numeric_limits<std::int64_t>::max();

struct partial {
    std::int64_t cost = 0;
    std::size_t changed = 0;
    std::vector<std::uint8_t> choice;
};

/// (gain so far, the smallest gain a picked option would lose by being lowered to its next choice).
using state = std::pair<std::int64_t, std::int64_t>;
using layer = std::map<state, std::vector<partial>>;

/// `p` extended by `choice` (at `cost`, `changed` more), before `q` (one choice longer) in the order?
bool extension_better(const partial& p, std::uint8_t choice, std::int64_t cost, std::size_t changed, const partial& q) {
    if (p.cost + cost != q.cost) return p.cost + cost < q.cost;
    if (p.changed + changed != q.changed) return p.changed + changed < q.changed;
    const auto prefix = std::mismatch(p.choice.begin(), p.choice.end(), q.choice.begin());
    if (prefix.first != p.choice.end()) return *prefix.first < *prefix.second;
    return choice < q.choice.back();
}

/// Keeps the k best plans of a state, sorted: each extension is compared before it is copied.
void add(std::vector<partial>& kept, std::size_t k, const partial& p, std::uint8_t choice, std::int64_t cost, std::size_t changed) {
    if (kept.size() == k && !extension_better(p, choice, cost, changed, kept.back())) return;
    auto at = std::find_if(kept.begin(), kept.end(), [&](const partial& q) { return extension_better(p, choice, cost, changed, q); });
    partial q{p.cost + cost, p.changed + changed, p.choice};
    q.choice.push_back(choice);
    kept.insert(at, std::move(q));
    if (kept.size() > k) kept.pop_back();
}

/// Every state of `from` extended by every allowed choice of `item`. A plan whose surplus over
/// `needed` already reaches its smallest lowerable step can never become minimal: dropped.
layer extend(const layer& from, const search_item& item, std::int64_t needed, std::size_t k) {
    layer to;
    for (const auto& [s, plans] : from) {
        if (item.unchanged_allowed)
            for (const auto& p : plans) add(to[s], k, p, search_plan::unchanged, 0, 0);
        for (std::size_t j = 0; j < item.gains.size(); ++j) {
            if (!item.allowed[j]) continue;
            const bool lowerable = j == 0 ? item.unchanged_allowed : static_cast<bool>(item.allowed[j - 1]);
            const std::int64_t step = item.gains[j] - (j == 0 ? 0 : item.gains[j - 1]);
            const state next{s.first + item.gains[j], lowerable ? std::min(s.second, step) : s.second};
            if (next.second != no_lowerable_step && next.first - needed >= next.second) continue;
            auto& kept = to[next];
            for (const auto& p : plans) add(kept, k, p, static_cast<std::uint8_t>(j), item.cost, 1);
        }
    }
    return to;
}

}  // namespace

std::vector<search_plan> best_minimal_plans(const std::vector<search_item>& items, std::int64_t needed, std::size_t k) {
    layer current;
    current[{0, no_lowerable_step}].push_back({});
    for (const auto& item : items) current = extend(current, item, needed, k);
    std::vector<search_plan> out;
    for (const auto& [s, plans] : current) {
        const bool minimal = s.second == no_lowerable_step || s.first - needed < s.second;
        if (s.first < needed || !minimal) continue;
        for (const auto& p : plans) out.push_back({p.choice, p.cost, s.first, p.changed});
    }
    std::sort(out.begin(), out.end(), [](const search_plan& a, const search_plan& b) {
        return std::tie(a.cost, a.gain, a.changed, a.choice) < std::tie(b.cost, b.gain, b.changed, b.choice);
    });
    if (out.size() > k) out.resize(k);
    return out;
}

}  // namespace ocop::detail
