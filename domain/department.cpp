#include "domain/department.hpp"

namespace gridcoord::domain {

std::string_view to_string(department d) noexcept {
  switch (d) {
    case department::planning: return "planning";
    case department::dispatch: return "dispatch";
    case department::production: return "production";
    case department::marketing: return "marketing";
    case department::customer_service: return "customer_service";
  }
  return "unknown";
}

std::optional<department> parse_department(std::string_view name) noexcept {
  for (auto d : all_departments)
    if (to_string(d) == name) return d;
  return std::nullopt;
}

}  // namespace gridcoord::domain
