#include "cmd/gridctl/health_view.hpp"

#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include <fmt/format.h>

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

// "2026, 2027" from a list of years; "" when there are none.
std::string years_text(const json::object& calendar, std::string_view key) {
  std::string out;
  if (const auto* years = calendar.if_contains(key); years && years->is_array())
    for (const auto& y : years->get_array())
      if (y.is_int64()) out += fmt::format("{}{}", out.empty() ? "" : ", ", y.get_int64());
  return out;
}

}  // namespace

json::value health_for_people(const json::value& answer) {
  const auto* o = answer.if_object();
  const auto* calendar = o ? o->if_contains("calendar") : nullptr;
  if (!calendar || !calendar->is_object()) return answer;
  auto covered = years_text(calendar->get_object(), "covered_years");
  auto missing = years_text(calendar->get_object(), "missing_years");
  std::string line = covered.empty() ? "" : covered + " covered";
  if (!missing.empty())
    line += fmt::format("{}{} missing: only weekends are days off in it, add its holidays (docs/calendar.md)",
                        line.empty() ? "" : "; ", missing);
  json::value out = answer;
  out.get_object()["calendar"] = json::string(line);
  return out;
}

}  // namespace gridcoord::gridctl
