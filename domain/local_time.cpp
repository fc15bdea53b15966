#include "domain/local_time.hpp"

#include <cmath>
#include <cstdlib>

#include <date/tz.h>
#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

const date::time_zone* zone_or_null(std::string_view zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return nullptr;
  }
}

struct local_parts {
  date::local_time<std::chrono::microseconds> local;
  std::chrono::seconds offset{0};
};

local_parts to_local(time_point t, std::string_view zone) {
  const auto* z = zone_or_null(zone);
  if (!z) return {date::local_time<std::chrono::microseconds>{t.time_since_epoch()}, {}};
  auto info = z->get_info(t);
  return {date::local_time<std::chrono::microseconds>{t.time_since_epoch() + info.offset}, info.offset};
}

std::string offset_text(std::chrono::seconds offset) {
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  char sign = minutes < 0 ? '-' : '+';
  minutes = std::abs(minutes);
  return fmt::format("{}{:02}:{:02}", sign, minutes / 60, minutes % 60);
}

std::string bare(const local_parts& p, time_detail detail) {
  auto day = date::floor<date::days>(p.local);
  date::year_month_day ymd{day};
  date::hh_mm_ss<std::chrono::seconds> hms{date::floor<std::chrono::seconds>(p.local - day)};
  auto text = fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", static_cast<int>(ymd.year()),
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                          hms.hours().count(), hms.minutes().count());
  if (detail == time_detail::seconds) text += fmt::format(":{:02}", hms.seconds().count());
  return text;
}

}  // namespace

std::string format_local(time_point t, std::string_view zone, time_detail detail) {
  auto p = to_local(t, zone);
  return fmt::format("{} ({})", bare(p, detail), offset_text(p.offset));
}

std::string format_local_bare(time_point t, std::string_view zone, time_detail detail) {
  return bare(to_local(t, zone), detail);
}

std::string local_offset(time_point t, std::string_view zone) { return offset_text(to_local(t, zone).offset); }

bool is_known_zone(std::string_view zone) { return zone_or_null(zone) != nullptr; }

std::string format_rate(double share) {
  double percent = std::round(share * 1000.0) / 10.0;
  if (percent == std::floor(percent)) return fmt::format("{:.0f} %", percent);
  return fmt::format("{:.1f} %", percent);
}

}  // namespace gridcoord::domain
