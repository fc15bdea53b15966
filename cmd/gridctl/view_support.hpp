#pragma once
// cmd/gridctl/view_support.hpp — what the --table views (catalogue_view,
// cycle_view, report_view) share when they reshape an answer.
// [Threading] Pure.
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

// A copy of `o[key]`, or null when the answer has no such field.
inline boost::json::value field_or_null(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v ? *v : boost::json::value(nullptr);
}

}  // namespace gridcoord::gridctl
