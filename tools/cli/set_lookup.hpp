#pragma once
// Naming a product set as people do: its code ("I.2.b"), its id ("mat-ong-..."), or the start of
// its Vietnamese name with or without accents ("mat ong", "Mật ong").

#include <string>
#include <string_view>

#include "ocop/catalog.hpp"

namespace ocop::cli {

/// The set of `ed` named by `name`: its id, its code (any case), or a prefix of its name or id once
/// both are folded (ocop::fold_accents), when exactly one set has it. Throws ocop::error(not_found)
/// listing the sets that match (ambiguous) or those that look alike (unknown).
const product_set& find_set_named(const edition& ed, std::string_view name);

}  // namespace ocop::cli
