#pragma once
/// @file enum_text.hpp
/// The text of every public enum of ocop: the enumerator's name as written in JSON documents and
/// messages ("evaluation_stopped", "province_council", "enforce"), and back. One mechanism for all
/// of them: every public enum is described with BOOST_DESCRIBE_ENUM next to its declaration.

#include <optional>
#include <string_view>
#include <type_traits>

#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

namespace ocop {

/// An enum declared with BOOST_DESCRIBE_ENUM (every public enum of ocop is).
template <class E>
concept described_enum = std::is_enum_v<E> && boost::describe::has_describe_enumerators<E>::value;

/// The enumerator's name ("evaluation_stopped"); "?" for a value that is no enumerator.
template <described_enum E>
std::string_view to_string(E value) noexcept {
    return boost::describe::enum_to_string(value, "?");
}

/// The enumerator named `text`, or std::nullopt (names are case-sensitive: "warn", not "Warn").
template <described_enum E>
std::optional<E> from_string(std::string_view text) noexcept {
    std::optional<E> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!out && text == D.name) out = D.value;
    });
    return out;
}

}  // namespace ocop
