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

std::string_view to_string(load_source s) noexcept {
  switch (s) {
    case load_source::connection: return "connection";
    case load_source::large_customer: return "large_customer";
    case load_source::project: return "project";
  }
  return "connection";
}

}  // namespace gridcoord::domain::capacity
