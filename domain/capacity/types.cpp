#include "domain/capacity/types.hpp"

namespace gridcoord::domain::capacity {

std::string_view to_string(light l) noexcept {
  switch (l) {
    case light::green: return "green";
    case light::amber: return "amber";
    case light::red: return "red";
  }
  return "green";
}

std::optional<light> parse_light(std::string_view text) {
  for (light l : {light::green, light::amber, light::red}) {
    if (to_string(l) == text) return l;
  }
  return std::nullopt;
}

std::string_view to_string(load_class c) noexcept {
  switch (c) {
    case load_class::normal: return "normal";
    case load_class::heavy: return "heavy";
    case load_class::overload: return "overload";
  }
  return "normal";
}

std::string_view to_string(limit_cause c) noexcept {
  switch (c) {
    case limit_cause::none: return "none";
    case limit_cause::no_headroom: return "no_headroom";
    case limit_cause::overloaded: return "overloaded";
    case limit_cause::heavy_load: return "heavy_load";
  }
  return "none";
}

std::optional<limit_cause> parse_limit_cause(std::string_view text) {
  for (auto c : {limit_cause::none, limit_cause::no_headroom, limit_cause::overloaded, limit_cause::heavy_load}) {
    if (to_string(c) == text) return c;
  }
  return std::nullopt;
}

std::string_view to_string(load_source s) noexcept {
  switch (s) {
    case load_source::connection: return "connection";
    case load_source::large_customer: return "large_customer";
    case load_source::project: return "project";
  }
  return "connection";
}

}  // namespace gridcoord::domain::capacity
