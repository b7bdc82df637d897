#pragma once
// Private: described enums to and from their names, for JSON readers and messages.

#include <string>
#include <string_view>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include "ocop/enum_text.hpp"

namespace ocop::detail {

/// The public ocop::to_string, under the name the library's sources use.
template <class E>
std::string_view enum_name(E e) {
    return ocop::to_string(e);
}

/// "a, b or c": the names of all enumerators, for "expected ..." messages.
template <class E>
std::string enum_choices() {
    std::string out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!out.empty()) out += ", ";
        out += '"';
        out += D.name;
        out += '"';
    });
    return out;
}

}  // namespace ocop::detail
