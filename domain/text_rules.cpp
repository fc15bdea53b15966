#include "domain/text_rules.hpp"

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

constexpr std::size_t quoted_chars = 64;

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The code point that starts at `i`, and moves `i` past it; a stray byte reads as itself.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i++]);
  int more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  char32_t cp = more == 3 ? (b & 0x07) : more == 2 ? (b & 0x0F) : more == 1 ? (b & 0x1F) : b;
  for (; more > 0 && i < s.size() && is_continuation(static_cast<unsigned char>(s[i])); --more)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

bool refused(char32_t c, bool multi_line) {
  if (c == '\t' || c == '\n' || c == '\r') return !multi_line;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;  // C0, DEL, C1
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);  // bidi controls
}

}  // namespace

text_limit limit_of(text_kind kind) noexcept {
  switch (kind) {
    case text_kind::identifier: return identifier_limit;
    case text_kind::name: return name_limit;
    case text_kind::free_text: return free_text_limit;
  }
  return name_limit;
}

std::string_view to_string(text_kind kind) noexcept {
  switch (kind) {
    case text_kind::identifier: return "identifier";
    case text_kind::name: return "name";
    case text_kind::free_text: return "free_text";
  }
  return "name";
}

std::size_t count_chars(std::string_view utf8) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    next_code_point(utf8, i);
    ++n;
  }
  return n;
}

std::optional<char32_t> forbidden_character(std::string_view utf8, bool multi_line) noexcept {
  for (std::size_t i = 0; i < utf8.size();)
    if (auto c = next_code_point(utf8, i); refused(c, multi_line)) return c;
  return std::nullopt;
}

std::string quoted_value(std::string_view utf8) {
  std::size_t i = 0, n = 0;
  while (i < utf8.size() && n < quoted_chars) {
    next_code_point(utf8, i);
    ++n;
  }
  if (i >= utf8.size()) return std::string(utf8);
  return fmt::format("{}… ({} characters)", utf8.substr(0, i), count_chars(utf8));
}

std::optional<issue> check_text(std::string_view field, std::string_view value, text_kind kind,
                                std::optional<std::size_t> row) {
  auto limit = limit_of(kind);
  if (value.size() > limit.max_chars && count_chars(value) > limit.max_chars)
    return issue{rule::too_long, row, std::string(field), quoted_value(value),
                 fmt::format("must be at most {} characters", limit.max_chars)};
  if (auto c = forbidden_character(value, limit.multi_line))
    return issue{rule::forbidden_character, row, std::string(field), quoted_value(value),
                 limit.multi_line
                     ? fmt::format("must not hold U+{:04X}: control characters other than tab and line breaks, "
                                   "and bidirectional overrides, are refused",
                                   static_cast<std::uint32_t>(*c))
                     : fmt::format("must not hold U+{:04X}: control characters (tab and line breaks too) and "
                                   "bidirectional overrides are refused",
                                   static_cast<std::uint32_t>(*c))};
  return std::nullopt;
}

}  // namespace gridcoord::domain
