#include "domain/clock.hpp"

#include <optional>
#include <sstream>

#include <date/date.h>

namespace gridcoord::domain {

namespace {

// Fields of a fixed width, read and written without streams: event payloads
// and snapshots hold millions of instants, and date's stream-based parse and
// format cost microseconds each.
bool read_digits(std::string_view t, std::size_t at, std::size_t n, int& out) {
  if (at + n > t.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (t[i] < '0' || t[i] > '9') return false;
    v = v * 10 + (t[i] - '0');
  }
  out = v;
  return true;
}

void write_digits(char* at, std::size_t n, long long v) {
  for (std::size_t i = n; i-- > 0; v /= 10) at[i] = static_cast<char>('0' + v % 10);
}

// "YYYY-MM-DDTHH:MM:SS[.f…]Z" with at most 6 fraction digits and a real
// date and second (what format_rfc3339 writes); nullopt for anything else,
// which the general parse below then reads or refuses.
std::optional<time_point> parse_utc(std::string_view t) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (t.size() < 20 || t.back() != 'Z' || !read_digits(t, 0, 4, y) || t[4] != '-' || !read_digits(t, 5, 2, mo) ||
      t[7] != '-' || !read_digits(t, 8, 2, d) || t[10] != 'T' || !read_digits(t, 11, 2, h) || t[13] != ':' ||
      !read_digits(t, 14, 2, mi) || t[16] != ':' || !read_digits(t, 17, 2, s) || h > 23 || mi > 59 || s > 59)
    return std::nullopt;
  long long micros = 0;
  if (t.size() > 20) {
    std::size_t digits = t.size() - 21;
    int fraction = 0;
    if (t[19] != '.' || digits == 0 || digits > 6 || !read_digits(t, 20, digits, fraction)) return std::nullopt;
    micros = fraction;
    for (std::size_t i = digits; i < 6; ++i) micros *= 10;
  }
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)}, date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return time_point{date::sys_days{ymd}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{s} + std::chrono::microseconds{micros};
}

}  // namespace

std::string format_rfc3339(time_point t) {
  auto day = date::floor<date::days>(t);
  date::year_month_day ymd{day};
  int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) return date::format("%FT%TZ", t);
  long long micros = (t - day).count();
  std::string out(27, ' ');  // 2026-10-05T08:30:00.000000Z
  write_digits(&out[0], 4, y);
  out[4] = '-';
  write_digits(&out[5], 2, static_cast<unsigned>(ymd.month()));
  out[7] = '-';
  write_digits(&out[8], 2, static_cast<unsigned>(ymd.day()));
  out[10] = 'T';
  write_digits(&out[11], 2, micros / 3'600'000'000LL);
  out[13] = ':';
  write_digits(&out[14], 2, micros / 60'000'000LL % 60);
  out[16] = ':';
  write_digits(&out[17], 2, micros / 1'000'000LL % 60);
  out[19] = '.';
  write_digits(&out[20], 6, micros % 1'000'000LL);
  out[26] = 'Z';
  return out;
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
  if (auto fast = parse_utc(text)) return fast;
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
