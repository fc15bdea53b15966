#include "cmd/gridctl/text_width.hpp"

#include <array>
#include <utility>

namespace gridcoord::gridctl {

namespace {

struct decoded {
  char32_t code = 0;
  std::size_t length = 1;  // bytes consumed
};

// One character at the start of `s` (non-empty); invalid bytes decode as
// themselves, one byte long.
decoded decode(std::string_view s) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(0);
  std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (n <= 1 || n > s.size()) return {lead, 1};
  char32_t code = lead & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {lead, 1};
    code = (code << 6) | (byte(i) & 0x3F);
  }
  return {code, n};
}

constexpr std::array<std::pair<char32_t, char32_t>, 6> zero_width{{
    {0x0300, 0x036F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}}};

constexpr std::array<std::pair<char32_t, char32_t>, 12> wide{{
    {0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F}, {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}}};

template <std::size_t N>
bool in(const std::array<std::pair<char32_t, char32_t>, N>& ranges, char32_t c) {
  for (const auto& [lo, hi] : ranges)
    if (c >= lo && c <= hi) return true;
  return false;
}

std::size_t char_width(char32_t c) {
  if (in(zero_width, c)) return 0;
  if (in(wide, c) || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD)) return 2;
  return 1;
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t columns = 0;
  while (!utf8.empty()) {
    auto d = decode(utf8);
    columns += char_width(d.code);
    utf8.remove_prefix(d.length);
  }
  return columns;
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) return std::string(text);
  std::string out;
  std::size_t used = 0;
  while (!text.empty()) {
    auto d = decode(text);
    auto w = char_width(d.code);
    if (used + w + 1 > columns) break;  // keep one column for the ellipsis
    out.append(text.substr(0, d.length));
    used += w;
    text.remove_prefix(d.length);
  }
  return out + "…";
}

std::string pad_right(std::string_view text, std::size_t columns) {
  std::string out(text);
  auto w = display_width(text);
  if (w < columns) out.append(columns - w, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t columns) {
  auto w = display_width(text);
  std::string out(w < columns ? columns - w : 0, ' ');
  return out.append(text);
}

}  // namespace gridcoord::gridctl
