#pragma once
// Private: name_key (unicode.hpp) without the copy of its result, for a caller that compares one
// name with many (find_unit compares a registration's district with every unit of its campaign).

#include <string>
#include <string_view>

namespace ocop::detail {

/// name_key(utf8) as the calling thread keeps it: valid until this thread's next call.
const std::string& cached_name_key(std::string_view utf8);

}  // namespace ocop::detail
