#pragma once
/// @file unicode.hpp
/// Unicode text as the library compares names of people's writing (administrative units, product
/// sets): normalisation and case folding by Boost.Locale with its ICU backend, and a folding
/// without diacritics for matching and suggestions. Every function takes and returns UTF-8.

#include <cstddef>
#include <string>
#include <string_view>

namespace ocop {

/// The text in Unicode Normalization Form C: "Ba Vi" + U+0300 (NFD) becomes "Ba Vì" (U+00EC).
std::string to_nfc(std::string_view utf8);

/// The key two names are equal by: NFC, case folded, runs of white space as one space, trimmed
/// ("  HUYỆN  Ba Vì" → "huyện ba vì").
std::string name_key(std::string_view utf8);

/// Lower case without diacritics ("Mật ong" → "mat ong", đ → d), precomposed or decomposed alike;
/// every run of characters that are not letters or digits becomes one space, trimmed.
std::string fold_accents(std::string_view utf8);

/// The Levenshtein distance between two texts, counted in code points.
std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8);

}  // namespace ocop
