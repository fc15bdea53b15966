#include "domain/month.hpp"

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {
bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

std::optional<month> parse_month(std::string_view text) noexcept {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto y = text.substr(0, 4);
  auto m = text.substr(5, 2);
  if (!all_digits(y) || !all_digits(m)) return std::nullopt;
  int year = to_int(y);
  int mon = to_int(m);
  if (year < 1900 || mon < 1 || mon > 12) return std::nullopt;
  return month{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(mon)}};
}

std::string to_string(month m) {
  return fmt::format("{:04}-{:02}", static_cast<int>(m.year()), static_cast<unsigned>(m.month()));
}

int months_between(month a, month b) noexcept {
  return static_cast<int>((b - a).count());
}

}  // namespace gridcoord::domain
