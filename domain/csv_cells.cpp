#include "domain/csv_cells.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

constexpr std::string_view ideographic_space = "\xE3\x80\x80";  // U+3000
constexpr std::string_view year_sign = "年";
constexpr std::string_view month_sign = "月";
constexpr std::string_view day_sign = "日";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The code point of the full-width form (U+FF01–U+FF5E) at s[i], 0 when none.
char32_t full_width_at(std::string_view s, std::size_t i) {
  if (i + 3 > s.size() || static_cast<unsigned char>(s[i]) != 0xEF) return 0;
  auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  char32_t cp = 0xF000 | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  return (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0xFF01 && cp <= 0xFF5E ? cp : 0;
}

// Appends the digits at s[i...] to `out`; false when there is none.
bool read_digits(std::string_view s, std::size_t& i, std::string& out) {
  std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) out += s[i++];
  return i > start;
}

// "1250" or "1,250" (groups of exactly three after the first); commas dropped.
bool read_integer_part(std::string_view s, std::size_t& i, std::string& out) {
  std::size_t start = out.size();
  if (!read_digits(s, i, out)) return false;
  if (i >= s.size() || s[i] != ',') return true;
  if (out.size() - start > 3) return false;
  while (i < s.size() && s[i] == ',') {
    ++i;
    std::size_t group = out.size();
    if (!read_digits(s, i, out) || out.size() - group != 3) return false;
  }
  return true;
}

// A number as written (ASCII, trimmed) without its '+' and thousands
// separators, ready for from_chars; nullopt when it is not one.
std::optional<std::string> plain_number(std::string_view s) {
  std::string plain;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') plain += '-';
    ++i;
  }
  if (!read_integer_part(s, i, plain)) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    plain += '.';
    if (!read_digits(s, ++i, plain)) return std::nullopt;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    plain += 'e';
    if (++i < s.size() && (s[i] == '+' || s[i] == '-')) plain += s[i++];
    if (!read_digits(s, i, plain)) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return plain;
}

std::optional<double> finite(std::string_view plain) {
  double d = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), d);
  if (ec != std::errc{} || end != plain.data() + plain.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

// A whole number of 1 to `max_digits` digits at s[i...].
std::optional<unsigned> read_small(std::string_view s, std::size_t& i, std::size_t max_digits) {
  std::string digits;
  std::size_t start = i;
  if (!read_digits(s, i, digits) || i - start > max_digits) return std::nullopt;
  return static_cast<unsigned>(std::stoul(digits));
}

bool skip(std::string_view s, std::size_t& i, std::string_view what) {
  if (s.substr(i).starts_with(what)) {
    i += what.size();
    return true;
  }
  return false;
}

// A month cell's parts: year, month, and the day when one is written.
struct written_month {
  unsigned year = 0, month = 0;
  std::optional<unsigned> day;
};

// "Y-M", "Y/M", "Y-M-D", "Y/M/D" (one separator), "Y年M月", "Y年M月D日".
std::optional<written_month> read_written_month(std::string_view text) {
  std::string ascii = to_half_width(text);
  std::string_view s = trim_cell(ascii);
  written_month w;
  std::size_t i = 0;
  auto year = read_small(s, i, 4);
  if (!year || i != 4) return std::nullopt;
  w.year = *year;
  bool chinese = skip(s, i, year_sign);
  char sep = chinese || i >= s.size() ? '\0' : s[i];
  if (!chinese && sep != '-' && sep != '/') return std::nullopt;
  if (!chinese) ++i;
  auto m = read_small(s, i, 2);
  if (!m) return std::nullopt;
  w.month = *m;
  if (chinese && !skip(s, i, month_sign)) return std::nullopt;
  if (i == s.size()) return w;
  if (!chinese && s[i++] != sep) return std::nullopt;
  w.day = read_small(s, i, 2);
  if (!w.day || (chinese && !skip(s, i, day_sign)) || i != s.size()) return std::nullopt;
  return w;
}

std::optional<month> as_month(const written_month& w) {
  return parse_month(fmt::format("{:04}-{:02}", w.year, w.month));
}

}  // namespace

std::string to_half_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (char32_t cp = full_width_at(s, i)) {
      out += static_cast<char>(cp - 0xFEE0);
      i += 3;
    } else if (s.substr(i).starts_with(ideographic_space)) {
      out += ' ';
      i += ideographic_space.size();
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string_view trim_cell(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<double> parse_csv_number(std::string_view text) {
  std::string ascii = to_half_width(text);
  auto plain = plain_number(trim_cell(ascii));
  if (!plain) return std::nullopt;
  return finite(*plain);
}

std::optional<double> parse_csv_percent(std::string_view text, bool as_fraction) {
  std::string ascii = to_half_width(text);
  std::string_view s = trim_cell(ascii);
  if (!s.ends_with('%')) return std::nullopt;
  auto plain = plain_number(trim_cell(s.substr(0, s.size() - 1)));
  if (!plain) return std::nullopt;
  if (!as_fraction) return finite(*plain);
  if (plain->find('e') == std::string::npos) return finite(*plain + "e-2");  // the decimal, read once
  auto d = finite(*plain);
  return d ? std::optional<double>(*d / 100) : std::nullopt;
}

std::optional<month> parse_csv_month(std::string_view text) {
  auto w = read_written_month(text);
  if (!w || (w->day && *w->day != 1)) return std::nullopt;
  return as_month(*w);
}

bool csv_month_is_dated(std::string_view text) {
  auto w = read_written_month(text);
  return w && w->day && *w->day >= 2 && *w->day <= 31 && as_month(*w);
}

}  // namespace gridcoord::domain
