#include "domain/finite_numbers.hpp"

#include <cmath>

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

bool find(const boost::json::value& v, std::string& path) {
  if (v.is_double()) return !std::isfinite(v.get_double());
  if (v.is_array()) {
    const auto& a = v.get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      auto at = path.size();
      path += fmt::format("[{}]", i);
      if (find(a[i], path)) return true;
      path.resize(at);
    }
  } else if (v.is_object()) {
    for (const auto& [key, member] : v.get_object()) {
      auto at = path.size();
      if (!path.empty()) path += '.';
      path.append(key.data(), key.size());
      if (find(member, path)) return true;
      path.resize(at);
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> first_non_finite(const boost::json::value& v) {
  std::string path;
  if (find(v, path)) return path;
  return std::nullopt;
}

status check_finite(const boost::json::value& body) {
  std::string where;
  if (!find(body, where)) return {};
  return fail(errc::validation_failed, "the body holds a number too large to be a finite number",
              {{rule::not_a_number, std::nullopt, where, "",
                "must be a finite number: this one is beyond the range of a double (about ±1.8e308)"}});
}

}  // namespace gridcoord::domain
