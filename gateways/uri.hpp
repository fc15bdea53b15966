#pragma once
// gateways/uri.hpp — the parts of a request target: decoded path segments and
// query parameters.
//
// Path segments and query keys and values are percent-decoded ("%E4%B8%AD" is
// "中"); in a query, '+' is a space too. Decoded text must be UTF-8 without
// control characters, so that it can be logged and echoed in JSON safely.
// [Errors] Every function answers nullopt for malformed input: a '%' not
//          followed by two hex digits, bytes that are not UTF-8, a control
//          character, or a path that does not start with '/'.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gridcoord::gateways {

using query_params = std::vector<std::pair<std::string, std::string>>;

// The target split at the first '?': {path, query} (query without the '?').
// An absolute-form target ("http://host:port/v1/health?x") is split the same
// after its scheme and authority; with no path there the path is "/".
std::pair<std::string_view, std::string_view> split_target(std::string_view target) noexcept;

// Percent-decodes `text`; '+' becomes ' ' when `plus_is_space`.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// "/v1/reports/a%20b" -> {"v1", "reports", "a b"}; "/" -> {""}; "/a/" -> {"a", ""}.
std::optional<std::vector<std::string>> split_path(std::string_view path);

// "after=3&limit=10" -> {{"after","3"},{"limit","10"}}; "flag" -> {{"flag",""}};
// empty pieces ("a=1&&b=2") are skipped. Order and repeats are kept.
std::optional<query_params> parse_query(std::string_view query);

// The first value of `key`, or nullopt.
std::optional<std::string_view> find_param(const query_params& params, std::string_view key);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_utf8(std::string_view text) noexcept;

}  // namespace gridcoord::gateways
