#include "domain/clock.hpp"

#include <date/date.h>

namespace gridcoord::domain {

std::string format_rfc3339(time_point t) {
  return date::format("%FT%TZ", t);
}

}  // namespace gridcoord::domain
