#include "gateways/detail/route_labels.hpp"

#include "gateways/metrics.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace http = boost::beast::http;

namespace {

std::string_view method_label(http::verb verb) {
  if (verb == http::verb::unknown) return other_method;
  auto text = http::to_string(verb);
  return {text.data(), text.size()};
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

route_labels::route_labels(const std::vector<router::entry>& table) {
  for (const auto& e : table)
    routes_.push_back({e.method, e.pattern, split_path(e.pattern).value_or(std::vector<std::string>{}), e.rest});
}

bool route_labels::path_matches(const route& r, const std::vector<std::string>& path) {
  if (r.rest ? path.size() < r.segments.size() : r.segments.size() != path.size()) return false;
  std::size_t fixed = r.rest ? r.segments.size() - 1 : r.segments.size();
  for (std::size_t i = 0; i < fixed; ++i) {
    if (is_param(r.segments[i]) ? path[i].empty() : r.segments[i] != path[i]) return false;
  }
  return true;
}

route_label route_labels::of(std::string_view method, std::string_view target) const {
  auto verb = http::string_to_verb({method.data(), method.size()});
  route_label label{unmatched_route, method_label(verb)};
  auto path = split_path(split_target(target).first);
  if (!path) return label;
  const route* path_only = nullptr;
  for (const auto& r : routes_) {
    if (!path_matches(r, *path)) continue;
    if (r.method == verb) {
      label.route = r.pattern;
      return label;
    }
    if (!path_only) path_only = &r;
  }
  if (path_only) label.route = path_only->pattern;
  return label;
}

}  // namespace gridcoord::gateways::detail
