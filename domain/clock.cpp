#include "domain/clock.hpp"

#include <sstream>

#include <date/date.h>

namespace gridcoord::domain {

std::string format_rfc3339(time_point t) {
  return date::format("%FT%TZ", t);
}

std::optional<time_point> parse_rfc3339(std::string_view text) {
  for (const char* fmt : {"%FT%TZ", "%FT%T%Ez"}) {
    std::istringstream in{std::string(text)};
    time_point t;
    in >> date::parse(fmt, t);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return t;
  }
  return std::nullopt;
}

}  // namespace gridcoord::domain
