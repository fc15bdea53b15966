#pragma once
// tests/gateways/support/exposition.hpp — a strict reader of the Prometheus
// text exposition format 0.0.4, for the metrics tests.
//
// Every line must be "# HELP name text", "# TYPE name type", or a sample
// "name{label="value",...} number"; a sample's family must have its TYPE
// line earlier, no family may be typed twice, and a family's samples must be
// contiguous. Each violation is listed in `problems` with its line.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gridcoord::testing {

struct exposition {
  std::map<std::string, double> samples;       // "name{labels}" exactly as written -> value
  std::map<std::string, std::string> types;    // family -> counter, gauge, histogram, ...
  std::vector<std::string> problems;

  // The sample's value; 0 when absent (a counter not yet incremented).
  double value(const std::string& key) const;
  // Every sample whose key starts with `prefix`.
  std::map<std::string, double> starting_with(std::string_view prefix) const;
};

exposition parse_exposition(std::string_view text);

}  // namespace gridcoord::testing
