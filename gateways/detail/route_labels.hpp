#pragma once
// gateways/detail/route_labels.hpp — which route pattern a request belongs to,
// for metrics labels and access log lines (bounded, unlike raw paths).
// [Threading] Immutable after construction: of() is safe from any thread.
// [Errors]    None: a path that matches no pattern, or does not decode, is
//             unmatched_route; a missing or unknown method is "OTHER".
// [Limits]    Linear in the number of routes, like router::dispatch.
#include <string>
#include <string_view>
#include <vector>

#include "gateways/router.hpp"

namespace gridcoord::gateways::detail {

inline constexpr std::string_view other_method = "OTHER";

struct route_label {
  std::string_view route;   // a pattern of the table, or unmatched_route
  std::string_view method;  // "GET", "PUT", ... or other_method
};

class route_labels {
 public:
  explicit route_labels(const std::vector<router::entry>& table);

  // The pattern the router would pick for `method` and `target`; when only
  // the path matches (a 405), the first pattern that matches the path.
  route_label of(std::string_view method, std::string_view target) const;

 private:
  struct route {
    http_verb method;
    std::string pattern;
    std::vector<std::string> segments;  // "{...}" for parameters
    bool rest = false;                  // the last parameter takes the rest of the path
  };
  static bool path_matches(const route& r, const std::vector<std::string>& path);

  std::vector<route> routes_;
};

}  // namespace gridcoord::gateways::detail
