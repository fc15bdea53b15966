#pragma once
// domain/text_rules.hpp — the length and character rules every text a write
// stores obeys (report cells, outage and complaint texts, names, notes).
//
// Three kinds of text, each with a limit counted in characters (Unicode code
// points: 200 Chinese characters are 200, not 600 bytes):
//   identifier   64 characters, one line:  ids and references ("F-101", an event id)
//   name        200 characters, one line:  names, areas, projects, causes, contacts
//   free_text  4000 characters, may span lines: descriptions, complaint texts,
//                                          findings, results, notes
// Refused in every text: C0 controls (U+0000–U+001F; tab, line feed and
// carriage return only in free text), DEL and the C1 controls
// (U+007F–U+009F), and the bidirectional embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069), which make a text show other than it reads.
// [Threading] Pure functions and constant data; safe from any thread.
// [Errors]    check_text answers an issue naming the field: rule too_long with
//             the limit, or forbidden_character with the character's code
//             point. The issue quotes the value shortened (quoted_value), never
//             a whole oversized text.
// [Limits]    The value is UTF-8 (every body is checked on arrival); a stray
//             byte counts as one character.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace gridcoord::domain {

enum class text_kind : std::uint8_t { identifier, name, free_text };

struct text_limit {
  std::size_t max_chars = 0;
  bool multi_line = false;
};

inline constexpr text_limit identifier_limit{64, false};
inline constexpr text_limit name_limit{200, false};
inline constexpr text_limit free_text_limit{4000, true};

text_limit limit_of(text_kind kind) noexcept;

// "identifier", "name", "free_text".
std::string_view to_string(text_kind kind) noexcept;

// Code points in UTF-8 text.
std::size_t count_chars(std::string_view utf8) noexcept;

// The first character not allowed in a text of that kind (a code point), or nullopt.
std::optional<char32_t> forbidden_character(std::string_view utf8, bool multi_line) noexcept;

// The value as an issue quotes it: whole up to 64 characters, else its first
// 64 and "…" (and the count of characters it has).
std::string quoted_value(std::string_view utf8);

// nullopt when `value` keeps the rules of `kind`; else its issue, for `field`
// (and `row`, for a report's row).
[[nodiscard]] std::optional<issue> check_text(std::string_view field, std::string_view value, text_kind kind,
                                              std::optional<std::size_t> row = std::nullopt);

}  // namespace gridcoord::domain
