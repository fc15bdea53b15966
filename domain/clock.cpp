#include "domain/clock.hpp"

#include <sstream>

#include <date/date.h>

namespace gridcoord::domain {

std::string format_rfc3339(time_point t) {
  return date::format("%FT%TZ", t);
}

namespace {

// The shape RFC 3339 gives a time, with each field in its range:
// "YYYY-MM-DDTHH:MM:SS", an optional fraction ".d…", then "Z" or "±HH:MM".
// date::parse alone takes more ("2026-1-7T5:9:7Z", "+2026-…", "…07.Z"), and
// when a field before the seconds does not read (a text cut short, "T15ion")
// it converts a second it never read, undefined behaviour (fuzz/ found it).
bool has_rfc3339_shape(std::string_view t) {
  auto number = [&](std::size_t at, std::size_t n, int max) {
    if (at + n > t.size()) return false;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      v = v * 10 + (t[i] - '0');
    }
    return v <= max;
  };
  auto is = [&](std::size_t at, char c) { return at < t.size() && t[at] == c; };
  bool date_and_time = number(0, 4, 9999) && is(4, '-') && number(5, 2, 12) && is(7, '-') && number(8, 2, 31) &&
                       is(10, 'T') && number(11, 2, 23) && is(13, ':') && number(14, 2, 59) && is(16, ':') &&
                       number(17, 2, 60);
  if (!date_and_time) return false;
  std::size_t at = 19;
  if (is(at, '.')) {
    std::size_t first = ++at;
    while (number(at, 1, 9)) ++at;
    if (at == first) return false;
  }
  if (is(at, 'Z')) return at + 1 == t.size();
  return (is(at, '+') || is(at, '-')) && number(at + 1, 2, 23) && is(at + 3, ':') && number(at + 4, 2, 59) &&
         at + 6 == t.size();
}

}  // namespace

std::optional<time_point> parse_rfc3339(std::string_view text) {
  if (!has_rfc3339_shape(text)) return std::nullopt;
  for (const char* fmt : {"%FT%TZ", "%FT%T%Ez"}) {
    std::istringstream in{std::string(text)};
    time_point t;
    in >> date::parse(fmt, t);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return t;
  }
  return std::nullopt;
}

}  // namespace gridcoord::domain
