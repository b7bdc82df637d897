#pragma once
// Naming a product set as people do: its code ("I.2.b"), its id ("mat-ong-..."), or the start of
// its Vietnamese name with or without accents ("mat ong", "Mật ong").

#include <string>
#include <string_view>

#include "ocop/catalog.hpp"

namespace ocop::cli {

/// Lower-case ASCII without Vietnamese diacritics ("Mật ong" → "mat ong", đ → d), precomposed (NFC)
/// or decomposed (NFD) alike; every run of characters that are not letters or digits becomes one
/// space. A table of the Vietnamese letters (docs/i18n.md), not a general Unicode folding.
std::string fold_vietnamese(std::string_view utf8);

/// The set of `ed` named by `name`: its id, its code (any case), or a prefix of its name or id once
/// both are folded, when exactly one set has it. Throws ocop::error(not_found) listing the sets that
/// match (ambiguous) or those that look alike (unknown).
const product_set& find_set_named(const edition& ed, std::string_view name);

}  // namespace ocop::cli
